/** Every category StackOne knows, as it is spelled on the wire. */
export const CATEGORIES = [
  'ats',
  'hris',
  'hris-legacy',
  'crm',
  'iam',
  'marketing',
  'lms',
  'stackone',
  'documents',
  'ticketing',
  'screening',
  'messaging',
  'accounting',
  'scheduling',
] as const

/** The spellings StackOne's own docs and SDK examples use for some categories. */
export const CATEGORY_ALIASES = {
  hrisLegacy: 'hris-legacy',
  stackOne: 'stackone',
} as const satisfies Record<string, (typeof CATEGORIES)[number]>

export const ACCOUNT_TYPES = ['production', 'test'] as const

export const ACCOUNT_TYPE_ALIASES = {
  PRODUCTION: 'production',
  TEST: 'test',
} as const satisfies Record<string, (typeof ACCOUNT_TYPES)[number]>
