import { directionOf, pickLocale, readLook } from '../../protocol/appearance.ts'
import { LANGUAGES, type Language } from './words/languages.ts'

/** The language of the page: the closest of the hub's languages to the host's `locale`, else English. */
export const pageLanguage = (search: string = location.search): Language => pickLocale(readLook(search).locale, LANGUAGES, 'en')

/**
 * Puts the look the host asked for (the URL's `locale`, `scheme`, `accent`, `radius`, `font`, each already checked by
 * readLook) on the document: `lang` and `dir` of the language the page will speak, the scheme as `data-scheme`, the
 * rest as custom properties set one by one (never stylesheet text). Runs before the first paint (./lookScript.ts),
 * and again from main.ts, which is harmless.
 */
export function applyLook(root: HTMLElement = document.documentElement, search: string = location.search): void {
  const look = readLook(search)
  const language = pageLanguage(search)
  root.lang = language
  root.dir = directionOf(language)
  root.dataset.scheme = look.colorScheme
  if (look.accent) {
    root.style.setProperty('--accent', look.accent)
    root.dataset.accent = 'host'
  }
  if (look.radius) root.style.setProperty('--radius', look.radius)
  if (look.fontFamily) root.style.setProperty('--font', look.fontFamily)
  // The page's own text is English until main.ts puts in the words of its language: hidden until then.
  if (language !== 'en') root.dataset.words = 'pending'
}
