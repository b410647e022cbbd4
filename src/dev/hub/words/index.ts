import { pageLanguage } from '../look.ts'
import { ar } from './ar.ts'
import { de } from './de.ts'
import { en, type Words } from './en.ts'
import { es } from './es.ts'
import { fr } from './fr.ts'
import { ja } from './ja.ts'
import type { Language } from './languages.ts'

export type { Words } from './en.ts'

const WORDS: Record<Language, Words> = { en, fr, de, es, ja, ar }

/** The words of the language the page speaks (see look.ts: the host's `locale`, by its closest language). */
export const words: Words = WORDS[pageLanguage()]

/** A credential field's label in the page's language; a label the dictionary does not know is shown as the API gives it. */
export const fieldLabel = (label: string): string => (words.fields as Record<string, string | undefined>)[label] ?? label

const SUBDOMAIN_HINT = /^The first part of your (\S+) address$/

/** A field's hint from the API, in the page's language where the dictionary has it. */
export function fieldHint(hint: string | undefined): string | undefined {
  const domain = hint?.match(SUBDOMAIN_HINT)?.[1]
  return domain ? words.subdomainHint(domain) : hint
}
