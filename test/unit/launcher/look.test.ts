import { afterEach, describe, expect, it } from 'vitest'
import { ConnectHubError, type ConnectHubErrorCode } from '../../../src/errors.ts'
import { BUILT_IN, loadLook, lookOf } from '../../../src/launcher/look.ts'
import type { ConnectHubOptions } from '../../../src/launcher/types.ts'
import { words as ar } from '../../../src/launcher/words/ar.ts'
import { words as de } from '../../../src/launcher/words/de.ts'
import { words as en } from '../../../src/launcher/words/en.ts'
import { words as es } from '../../../src/launcher/words/es.ts'
import { words as fr } from '../../../src/launcher/words/fr.ts'
import { words as ja } from '../../../src/launcher/words/ja.ts'

const getToken = async () => 'tok'
const look = (options: Partial<ConnectHubOptions>) => loadLook({ getToken, ...options })
const LANGUAGES = { en, fr, de, es, ja, ar }

const lang = document.documentElement.lang
afterEach(() => {
  document.documentElement.lang = lang
})

describe('given the built-in words', () => {
  it('→ six languages, each with every word and a sentence for every error code, none left in English but English', () => {
    expect(BUILT_IN).toEqual(['en', 'fr', 'de', 'es', 'ja', 'ar'])
    const codes = Object.keys(en.errors).sort()
    for (const [name, words] of Object.entries(LANGUAGES)) {
      expect(Object.keys(words.errors).sort(), name).toEqual(codes)
      for (const text of [words.title, words.edit, words.close, words.loading, words.error, words.retry, ...Object.values(words.errors)]) {
        expect(text.trim(), name).not.toBe('')
        expect(text, name).not.toMatch(/react-connect-hub|_|getToken|hubUrl/)
      }
      if (name !== 'en') {
        for (const code of codes as ConnectHubErrorCode[]) expect(words.errors[code], `${name} ${code}`).not.toBe(en.errors[code])
        expect(words.title, name).not.toBe(en.title)
      }
    }
  })
})

describe('given a locale → the words of its language, else English', () => {
  it.each([
    ['fr', 'fr', 'ltr', fr],
    ['fr-CA', 'fr-CA', 'ltr', fr],
    ['de-CH', 'de-CH', 'ltr', de],
    ['es', 'es', 'ltr', es],
    ['ja-JP', 'ja-JP', 'ltr', ja],
    ['ar', 'ar', 'rtl', ar],
    ['xx', 'xx', 'ltr', en],
    ['he', 'he', 'rtl', en],
    ['pt-BR', 'pt-BR', 'ltr', en],
  ] as const)(
    'when it is %s → the hub is told %s, direction %s, and the dialog has its language’s words',
    async (locale, told, dir, words) => {
      const result = await look({ locale })
      expect(result.words.title).toBe(words.title)
      expect(result.words.errors).toEqual(words.errors)
      expect(result.hub).toEqual({ title: words.title, locale: told, dir, appearance: { colorScheme: 'system' } })
    },
  )

  it('when there is none → the page’s <html lang>; when that is missing or not a tag → English', async () => {
    document.documentElement.lang = 'de-AT'
    expect((await look({})).hub.locale).toBe('de-AT')
    expect((await look({})).words.close).toBe('Schließen')
    document.documentElement.lang = ''
    expect((await look({})).hub.locale).toBe('en')
    document.documentElement.lang = 'not a tag'
    expect((await look({})).words.title).toBe('Connect an account')
  })

  it('when the locale is not a tag → the page’s <html lang> stands in for it', async () => {
    document.documentElement.lang = 'es'
    expect((await look({ locale: 'français!' })).words.title).toBe(es.title)
  })

  it('when the button edits an account → the title is the language’s edit title', async () => {
    expect((await look({ locale: 'ja', accountId: 'acc_1' })).words.title).toBe(ja.edit)
  })

  it('when labels are given → they replace any word, and only the error codes they name', async () => {
    const result = await look({ locale: 'fr', labels: { title: 'Lier un compte', errors: { hub_error: 'Oups.' } } })
    expect(result.words.title).toBe('Lier un compte')
    expect(result.hub.title).toBe('Lier un compte')
    expect(result.words.close).toBe(fr.close)
    expect(result.words.errors.hub_error).toBe('Oups.')
    expect(result.words.errors.token_failed).toBe(fr.errors.token_failed)
  })

  it('when the language’s words are loaded → lookOf gives the look at once, for any tag of that language', async () => {
    document.documentElement.lang = 'en'
    await look({ locale: 'es' })
    expect(lookOf({ getToken, locale: 'es-MX' })?.words.title).toBe(es.title)
  })
})

describe('given the launcher’s frame', () => {
  function frame() {
    const root = document.createElement('dialog')
    root.innerHTML =
      '<div class="rch-header"><h2 class="rch-title">Connect an account</h2><button class="rch-close" aria-label="Close">×</button></div>' +
      '<div class="rch-status"><div class="rch-spinner"></div><span>Loading…</span></div><div class="rch-error"><button class="rch-retry">Retry</button></div>'
    return root
  }

  it('when dressed → its words, lang and dir are the look’s; error words in its language', async () => {
    const root = frame()
    const result = await look({ locale: 'ar' })
    result.dress(root)
    expect(root.lang).toBe('ar')
    expect(root.dir).toBe('rtl')
    expect(root.querySelector('.rch-title')?.textContent).toBe(ar.title)
    expect(root.querySelector('.rch-close')?.getAttribute('aria-label')).toBe(ar.close)
    expect(root.querySelector('.rch-status span')?.textContent).toBe(ar.loading)
    expect(root.querySelector('.rch-retry')?.textContent).toBe(ar.retry)
    const box = root.querySelector('.rch-error') as HTMLElement
    result.describe(new ConnectHubError('token_timeout', 'slow'), box, false)
    expect(box.querySelector('.rch-error-title')?.textContent).toBe(ar.error)
    expect(box.querySelector('.rch-error-message')?.textContent).toBe(ar.errors.token_timeout)
  })

  it('when the scheme is forced and the look given → custom properties under the host’s --rch-*, nothing for system', async () => {
    const dark = frame()
    ;(await look({ appearance: { colorScheme: 'dark', accent: '#0a7', radius: '4px', fontFamily: 'Inter, sans-serif' } })).dress(dark)
    expect(dark.style.getPropertyValue('--_bg')).toBe('var(--rch-bg,#18181b)')
    expect(dark.style.getPropertyValue('--_fg')).toBe('var(--rch-fg,#f4f4f5)')
    expect(dark.style.getPropertyValue('--_a')).toBe('var(--rch-accent,#0a7)')
    expect(dark.style.getPropertyValue('--_ring')).toBe('var(--rch-accent,#0a7)')
    expect(dark.style.getPropertyValue('--_r')).toBe('var(--rch-radius,4px)')
    expect(dark.style.getPropertyValue('--_font')).toBe('Inter, sans-serif')
    expect(dark.style.colorScheme).toBe('dark')
    const system = frame()
    ;(await look({ appearance: { colorScheme: 'system' } })).dress(system)
    expect(system.getAttribute('style')).toBeNull()
  })

  it('when the appearance is hostile → nothing of it in the frame’s style', async () => {
    const root = frame()
    const hostile = 'red;}body{display:none'
    ;(await look({ appearance: { accent: hostile, radius: hostile, fontFamily: hostile, colorScheme: hostile as 'dark' } })).dress(root)
    expect(root.getAttribute('style')).toBeNull()
  })
})
