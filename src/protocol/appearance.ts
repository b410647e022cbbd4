/**
 * How a hub looks and which language it speaks: what the host asks for (`locale`, `appearance`), checked at the
 * boundary on both sides. None of it is secret, so it travels in the hub's URL and the hub can paint its first frame
 * in the right scheme and language. A value that is not what it claims to be (a colour that is not a CSS colour, a
 * tag that is not BCP 47) is dropped, never passed on: these end up in a stylesheet or an attribute.
 */

export type ColorScheme = 'light' | 'dark' | 'system'

/** The host's look, for the launcher's dialog and the hub. */
export interface Appearance {
  /** Light or dark; `system` follows the operating system (`prefers-color-scheme`). @default 'system' */
  colorScheme?: ColorScheme | undefined
  /** A CSS colour for buttons, links and the focus ring: `#hex`, `rgb()`, `hsl()`, `oklch()`… or a named colour. */
  accent?: string | undefined
  /** Corner radius of buttons, fields and the dialog: a CSS length in `px`, `rem` or `em`, e.g. `'8px'`. */
  radius?: string | undefined
  /** A CSS `font-family` list of names, e.g. `'Inter, system-ui, sans-serif'` (letters, digits, spaces, commas, hyphens). */
  fontFamily?: string | undefined
}

/** What a hub is told: every field checked, `colorScheme` always set. */
export interface HubLook {
  /** The host's BCP 47 tag as given (`de-CH`); the hub picks its closest language with `pickLocale`. */
  locale: string
  dir: 'ltr' | 'rtl'
  colorScheme: ColorScheme
  accent?: string
  radius?: string
  fontFamily?: string
}

/** An appearance with every field checked: what the launcher's frame and a hub's context are given. */
export type ParsedAppearance = Omit<HubLook, 'locale' | 'dir'>

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i
// No parentheses, quotes, colons, semicolons, braces or line breaks inside: nothing can nest (`url(`) or end the
// declaration.
const FUNCTION = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([-+0-9.%a-z ,/]{1,64}\)$/i
const NAMED = /^[a-z]{3,24}$/i
const LENGTH = /^(?:0|\d{1,3}(?:\.\d{1,3})?(?:px|rem|em))$/
const FONT = /^[\p{L}\p{N} ,_-]{1,120}$/u
const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,4}$/i

/** A CSS colour that can go into a stylesheet as it is, else `undefined`. */
export function cssColor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const color = value.trim()
  if (HEX.test(color) || FUNCTION.test(color)) return color
  return NAMED.test(color) && !/^(?:expression|url|inherit|initial|unset|revert)$/i.test(color) ? color : undefined
}

const checked = (pattern: RegExp) => (value: unknown) =>
  typeof value === 'string' && pattern.test(value.trim()) ? value.trim() : undefined
const cssLength = checked(LENGTH)
const fontFamily = checked(FONT)

/** `light`, `dark` or `system`; anything else is `system`. */
export const colorScheme = (value: unknown): ColorScheme => (value === 'light' || value === 'dark' ? value : 'system')

/** A BCP 47 tag in its canonical case (`de-CH`), else `undefined`. */
export function localeTag(value: unknown): string | undefined {
  if (typeof value !== 'string' || !TAG.test(value)) return undefined
  try {
    return Intl.getCanonicalLocales(value)[0]
  } catch {
    return undefined
  }
}

const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi'])

/** The writing direction of a language. */
export const directionOf = (locale: string): 'ltr' | 'rtl' => (RTL.has(locale.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr')

/**
 * The closest of `available` to `locale`: the tag itself, then shorter and shorter (`de-CH` → `de`), else `fallback`.
 * Comparison ignores case.
 */
export function pickLocale<L extends string>(locale: string | undefined, available: readonly L[], fallback: L): L {
  const subtags = (localeTag(locale) ?? '').split('-')
  for (let length = subtags.length; length > 0; length--) {
    const tag = subtags.slice(0, length).join('-').toLowerCase()
    const found = available.find((candidate) => candidate.toLowerCase() === tag)
    if (found) return found
  }
  return fallback
}

/** The appearance with every field checked: what fails its check is left out, and `colorScheme` is always set. */
export function parseAppearance(value: unknown): ParsedAppearance {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const look: ParsedAppearance = { colorScheme: colorScheme(input.colorScheme) }
  const accent = cssColor(input.accent)
  const radius = cssLength(input.radius)
  const font = fontFamily(input.fontFamily)
  if (accent) look.accent = accent
  if (radius) look.radius = radius
  if (font) look.fontFamily = font
  return look
}

/** Query parameter names, shared by both sides. */
const PARAMS = { locale: 'locale', colorScheme: 'scheme', accent: 'accent', radius: 'radius', fontFamily: 'font' } as const

/**
 * The hub URL's query parameters for a look (host side): `locale`, `scheme`, `accent`, `radius`, `font`, each only
 * when given and valid. `scheme` is left out for `system`, so a host that asks for nothing adds nothing.
 */
export function lookParams(locale: string | undefined, appearance: Appearance | undefined): [string, string][] {
  const params: [string, string][] = []
  const tag = localeTag(locale)
  if (tag) params.push([PARAMS.locale, tag])
  const look = parseAppearance(appearance)
  if (look.colorScheme !== 'system') params.push([PARAMS.colorScheme, look.colorScheme])
  for (const key of ['accent', 'radius', 'fontFamily'] as const) {
    const value = look[key]
    if (value) params.push([PARAMS[key], value])
  }
  return params
}

/**
 * The look a hub was asked for (hub side), read from its own URL's query: every value checked again, a missing or
 * invalid `locale` is `fallback`.
 */
export function readLook(search: URLSearchParams | string, fallback = 'en'): HubLook {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const locale = localeTag(params.get(PARAMS.locale)) ?? fallback
  return {
    locale,
    dir: directionOf(locale),
    ...parseAppearance({
      colorScheme: params.get(PARAMS.colorScheme),
      accent: params.get(PARAMS.accent),
      radius: params.get(PARAMS.radius),
      fontFamily: params.get(PARAMS.fontFamily),
    }),
  }
}
