import type { ConnectHubError } from '../errors.ts'
import { lazy } from '../lazy.ts'
import { directionOf, localeTag, type ParsedAppearance, parseAppearance, pickLocale } from '../protocol/appearance.ts'
import { describe } from './errorText.ts'
import type { Words } from './labels.ts'
import type { ConnectHubOptions } from './types.ts'

// The launcher's words and looks, loaded when a button mounts (apart from the page's code, like the rest of what only
// an open dialog needs), each language in a chunk of its own, loaded only for a button that speaks it.
const LANGUAGES = {
  en: lazy(() => import('./words/en.ts')),
  fr: lazy(() => import('./words/fr.ts')),
  de: lazy(() => import('./words/de.ts')),
  es: lazy(() => import('./words/es.ts')),
  ja: lazy(() => import('./words/ja.ts')),
  ar: lazy(() => import('./words/ar.ts')),
}

type Language = keyof typeof LANGUAGES

/** The languages the launcher has words for. */
export const BUILT_IN = Object.keys(LANGUAGES) as Language[]

// The default look's colours (styles.ts), set on the dialog when the host forces one scheme, under the host's --rch-*.
const SCHEMES = {
  light: { bg: '#fff', fg: '#18181b', muted: '#52525b' },
  dark: { bg: '#18181b', fg: '#f4f4f5', muted: '#a1a1aa' },
}

/** What a run is shown in, and what its hub is told. */
export interface Look {
  /** The words the dialog shows: the language's, with `labels` over them. */
  words: Words
  /** For the hub's context: the dialog's name, the host's locale, its direction and the checked appearance. */
  hub: { title: string; locale: string; dir: 'ltr' | 'rtl'; appearance: ParsedAppearance }
  /** Writes the words, `lang`, `dir` and the appearance into the launcher's frame. */
  dress(root: HTMLElement): void
  /** Writes an error's words above Retry. */
  describe(error: ConnectHubError, box: HTMLElement, showErrorDetails: boolean | undefined): void
}

/** The host's language: `locale`, else the page's `<html lang>`, else English; a tag that is not BCP 47 is passed over. */
export const localeOf = (options: ConnectHubOptions): string =>
  localeTag(options.locale) ?? localeTag(document.documentElement.lang) ?? 'en'

const languageOf = (locale: string) => LANGUAGES[pickLocale(locale, BUILT_IN, 'en')]

function lookWith(options: ConnectHubOptions, locale: string, language: Words): Look {
  const { errors, ...labels } = options.labels ?? {}
  const words: Words = {
    ...language,
    title: options.accountId === undefined ? language.title : language.edit,
    ...labels,
    errors: { ...language.errors, ...errors },
  }
  const dir = directionOf(locale)
  const appearance = parseAppearance(options.appearance)
  return {
    words,
    hub: { title: words.title, locale, dir, appearance },
    dress(root) {
      root.lang = locale
      root.dir = dir
      const write = (selector: string, text: string) => {
        const node = root.querySelector(selector)
        if (node) node.textContent = text
      }
      write('.rch-title', words.title)
      write('.rch-status span', words.loading)
      write('.rch-retry', words.retry)
      root.querySelector('.rch-close')?.setAttribute('aria-label', words.close)
      if (root.hasAttribute('aria-label')) root.setAttribute('aria-label', words.title)
      // Custom properties the stylesheet reads under the host's own --rch-* (which still win), set through the CSSOM:
      // every value passed parseAppearance, so nothing but a colour, a length or font names reaches a style.
      const set = (name: string, value: string | undefined) => value && root.style.setProperty(`--_${name}`, value)
      const { colorScheme, accent, radius, fontFamily } = appearance
      if (colorScheme !== 'system') {
        for (const [name, color] of Object.entries(SCHEMES[colorScheme])) set(name, `var(--rch-${name},${color})`)
        root.style.colorScheme = colorScheme
      }
      // The accent colours Retry, the spinner and, when the host gives one, the focus ring (else the text's colour).
      set('a', accent && `var(--rch-accent,${accent})`)
      set('ring', accent && `var(--rch-accent,${accent})`)
      set('r', radius && `var(--rch-radius,${radius})`)
      set('font', fontFamily)
    },
    describe: (error, box, showErrorDetails) => describe(error, box, words, showErrorDetails),
  }
}

/** The run's look for `options`, if the words of its language are loaded (`loadLook` loads them). */
export function lookOf(options: ConnectHubOptions): Look | undefined {
  const locale = localeOf(options)
  const language = languageOf(locale).get()
  return language && lookWith(options, locale, language.words)
}

/** The run's look for `options`, once the words of its language are loaded. */
export function loadLook(options: ConnectHubOptions): Promise<Look> {
  const locale = localeOf(options)
  return languageOf(locale)
    .load()
    .then((language) => lookWith(options, locale, language.words))
}
