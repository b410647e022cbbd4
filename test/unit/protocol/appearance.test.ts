import { describe, expect, it } from 'vitest'
import {
  colorScheme,
  cssColor,
  directionOf,
  localeTag,
  lookParams,
  parseAppearance,
  pickLocale,
  readLook,
} from '../../../src/protocol/appearance.ts'
import { hubFrameUrl } from '../../../src/protocol/messages.ts'

// The boundary both sides check: what a host asks for reaches a stylesheet, an attribute or a URL only as what it claims
// to be. Every hostile value here must be dropped, on the host side (lookParams) and on the hub side (readLook).
const HOSTILE = [
  'red;}body{display:none',
  'url(https://evil.example/x)',
  'expression(alert(1))',
  'rgb(1 2 3);background:url(https://evil.example/x)',
  'rgb(1,2,3)}body{display:none',
  'hsl(var(--x))',
  'rgb(calc(1) 2 3)',
  'rgb(1 2 3\n)',
  'red\\;',
  '"red"',
  'inherit',
  'url',
  'expression',
  `#${'f'.repeat(9)}`,
  `rgb(${'1 '.repeat(40)})`,
  'a'.repeat(25),
  'x'.repeat(100_000),
]

describe('given colours', () => {
  it.each([
    '#fff',
    '#0a7f',
    '#00aa77',
    '#00aa77cc',
    'rgb(0 128 0)',
    'rgba(0, 128, 0, .5)',
    'hsl(120deg 50% 40%)',
    'oklch(70% 0.1 150)',
    'rebeccapurple',
    ' teal ',
  ])('when the colour is %j → kept (trimmed)', (color) => expect(cssColor(color)).toBe(color.trim()))

  it.each(HOSTILE)('when the colour is hostile or not a colour (%j) → dropped', (color) => {
    expect(cssColor(color)).toBeUndefined()
  })

  it.each([undefined, null, 12, {}, ['red'], { toString: () => 'red' }])('when it is not a string (%j) → dropped', (value) => {
    expect(cssColor(value)).toBeUndefined()
  })
})

describe('given an appearance', () => {
  it('when every field is valid → all kept, colorScheme as given', () => {
    expect(parseAppearance({ colorScheme: 'dark', accent: '#0a7', radius: '8px', fontFamily: 'Inter, system-ui, sans-serif' })).toEqual({
      colorScheme: 'dark',
      accent: '#0a7',
      radius: '8px',
      fontFamily: 'Inter, system-ui, sans-serif',
    })
  })

  it.each(['DARK', 'auto', 'no-preference', '', 1, null, undefined, { dark: true }])(
    'when colorScheme is unknown (%j) → system',
    (value) => {
      expect(colorScheme(value)).toBe('system')
      expect(parseAppearance({ colorScheme: value }).colorScheme).toBe('system')
    },
  )

  it.each([
    ['radius', '8px;}body{display:none'],
    ['radius', 'calc(1px + 2px)'],
    ['radius', '-4px'],
    ['radius', '10000px'],
    ['radius', 'url(https://evil.example/x)'],
    ['fontFamily', 'Inter;}body{display:none'],
    ['fontFamily', '"Inter"'],
    ['fontFamily', 'url(https://evil.example/x)'],
    ['fontFamily', 'a'.repeat(121)],
  ])('when %s is %j → left out, the rest kept', (field, value) => {
    const look = parseAppearance({ colorScheme: 'light', accent: 'teal', [field]: value })
    expect(look).toEqual({ colorScheme: 'light', accent: 'teal' })
  })

  it.each([undefined, null, 'dark', 42, []])('when it is not an object (%j) → the system scheme and nothing else', (value) => {
    expect(parseAppearance(value)).toEqual({ colorScheme: 'system' })
  })
})

describe('given a locale', () => {
  it.each([
    ['fr', 'fr'],
    ['de-ch', 'de-CH'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['xx', 'xx'],
  ])('when the tag is %j → %j, in its canonical case', (tag, canonical) => expect(localeTag(tag)).toBe(canonical))

  it.each(['', 'f', 'français', 'fr_FR', 'fr-', 'en-US"><script>', `en-${'a'.repeat(9)}`, 'en-a-b-c-d-e', 12, null])(
    'when the tag is not BCP 47 (%j) → dropped',
    (tag) => expect(localeTag(tag)).toBeUndefined(),
  )

  it.each([
    ['de-CH', 'de'],
    ['DE', 'de'],
    ['fr-CA', 'fr'],
    ['ar-EG', 'ar'],
    ['pt-BR', 'en'],
    ['xx', 'en'],
    [undefined, 'en'],
    ['not a tag', 'en'],
  ])('when the host asks for %j among en, fr, de, ar → %j', (tag, picked) => {
    expect(pickLocale(tag, ['en', 'fr', 'de', 'ar'], 'en')).toBe(picked)
  })

  it('when a region has words of its own → the region wins over its language', () => {
    expect(pickLocale('pt-BR', ['pt', 'pt-BR', 'en'], 'en')).toBe('pt-BR')
    expect(pickLocale('pt-PT', ['pt', 'pt-BR', 'en'], 'en')).toBe('pt')
  })

  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur', 'rtl'],
    ['en', 'ltr'],
    ['ja', 'ltr'],
    ['xx', 'ltr'],
  ])('when the language is %s → %s', (locale, dir) => expect(directionOf(locale)).toBe(dir))
})

describe('given the hub URL', () => {
  it('when the host asks for a look → lookParams gives locale, scheme, accent, radius and font, in that order', () => {
    expect(lookParams('de-CH', { colorScheme: 'dark', accent: '#0a7', radius: '8px', fontFamily: 'Inter, sans-serif' })).toEqual([
      ['locale', 'de-CH'],
      ['scheme', 'dark'],
      ['accent', '#0a7'],
      ['radius', '8px'],
      ['font', 'Inter, sans-serif'],
    ])
  })

  it('when the host asks for nothing, or only the system scheme → no parameter at all', () => {
    expect(lookParams(undefined, undefined)).toEqual([])
    expect(lookParams(undefined, { colorScheme: 'system' })).toEqual([])
  })

  it.each(HOSTILE)('when the accent is hostile (%j) → hubFrameUrl leaves it out', (accent) => {
    const url = hubFrameUrl('https://hub.example/connect?x=1', 'https://app.example', 'modal', 'fr', { colorScheme: 'dark', accent })
    expect([...url.searchParams.keys()]).toEqual(['x', 'v', 'origin', 'display', 'locale', 'scheme'])
    expect(decodeURIComponent(url.href)).not.toMatch(/evil|display:none|expression|\\|"/)
  })

  it('when the hub reads its URL → readLook gives back what the host sent, its direction included', () => {
    const url = hubFrameUrl('https://hub.example/', 'https://app.example', 'inline', 'ar-EG', {
      colorScheme: 'light',
      accent: 'oklch(70% 0.1 150)',
      radius: '0.5rem',
      fontFamily: 'Noto Naskh Arabic, serif',
    })
    expect(readLook(url.search)).toEqual({
      locale: 'ar-EG',
      dir: 'rtl',
      colorScheme: 'light',
      accent: 'oklch(70% 0.1 150)',
      radius: '0.5rem',
      fontFamily: 'Noto Naskh Arabic, serif',
    })
  })

  it('when a URL is forged with hostile values (the hub side) → readLook drops them; no locale is the fallback', () => {
    const search = new URLSearchParams({
      locale: 'en"><script>',
      scheme: 'dark;}',
      accent: 'red;}body{display:none',
      radius: 'url(https://evil.example/x)',
      font: 'x;}body{display:none',
    })
    expect(readLook(search)).toEqual({ locale: 'en', dir: 'ltr', colorScheme: 'system' })
    expect(readLook(search, 'fr').locale).toBe('fr')
    expect(readLook('?scheme=light&locale=ar')).toEqual({ locale: 'ar', dir: 'rtl', colorScheme: 'light' })
  })
})
