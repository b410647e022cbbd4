import type { Category } from 'react-connect-hub'

export const CATEGORY_LABELS: Record<Category, string> = {
  ats: 'Applicant tracking',
  hris: 'HRIS',
  'hris-legacy': 'HRIS (legacy)',
  crm: 'CRM',
  iam: 'Identity & access',
  marketing: 'Marketing',
  lms: 'Learning',
  stackone: 'StackOne',
  documents: 'Documents',
  ticketing: 'Ticketing',
  screening: 'Screening',
  messaging: 'Messaging',
  accounting: 'Accounting',
  scheduling: 'Scheduling',
}

/** A tile colour per provider, stable across renders: the demo loads no logos. */
export function tileColor(key: string): string {
  let hash = 0
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) % 360
  return `hsl(${hash} 55% 42%)`
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })
export const formatDate = (iso: string) => dateFormat.format(new Date(iso))
