import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { EngineBrowser, Page } from '../../engines/pages.ts'
import { type Demo, hubFrame, openEngine, startDemo } from './demo.ts'

// The launcher and the reference hub together, as a host's user meets them: the demo's Language and Colour scheme
// pickers set `locale` and `appearance` on every button; the dialog and the hub page inside it follow both.
let demo: Demo
let browser: EngineBrowser
let page: Page

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startDemo('look'), openEngine()])
})

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close()])
})

afterEach(async () => {
  await page?.close()
})

/** The demo with its settings in the URL, as the pickers leave them, and the hub opened from "Connect an account". */
async function openHub(query: string) {
  page = await browser.newPage(`${demo.url}?${query}`)
  await page.locator('section[aria-labelledby="accounts-title"][aria-busy="false"]').waitFor()
  await page.getByRole('button', { name: 'Connect an account' }).click()
  return hubFrame(page)
}

const documentOf = (scope: ReturnType<typeof hubFrame>) =>
  scope.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir || getComputedStyle(document.documentElement).direction,
    background: getComputedStyle(document.body).backgroundColor,
  }))

/** The relative luminance of a computed `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number)
  const linear = (value: number) => (value / 255 <= 0.04045 ? value / 255 / 12.92 : ((value / 255 + 0.055) / 1.055) ** 2.4)
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

describe('given the demo with a language and a colour scheme picked', { timeout: 60_000 }, () => {
  it('when French is picked → the dialog is named in French with a French close control, and the hub page is French', async () => {
    const frame = await openHub('locale=fr')
    await page.getByRole('dialog', { name: 'Connecter un compte' }).waitFor()
    await expect(page.getByRole('button', { name: 'Fermer' }).isVisible()).resolves.toBe(true)
    await frame.getByRole('heading', { name: 'Connecter une intégration' }).waitFor()
    await expect(frame.getByRole('button', { name: 'Annuler' }).isVisible()).resolves.toBe(true)
    expect((await documentOf(frame)).lang).toBe('fr')
  })

  it('when Arabic is picked → the dialog and the hub page are right to left', async () => {
    const frame = await openHub('locale=ar')
    const dialog = page.getByRole('dialog', { name: 'ربط حساب' })
    await dialog.waitFor()
    await expect(dialog.getAttribute('dir')).resolves.toBe('rtl')
    await frame.getByRole('button', { name: 'إلغاء' }).waitFor()
    await expect(documentOf(frame)).resolves.toMatchObject({ lang: 'ar', dir: 'rtl' })
  })

  it('when the dark scheme is picked → the dialog and the hub page are dark; light keeps them light', async () => {
    const dark = await openHub('scheme=dark')
    await dark.getByRole('heading', { name: 'Connect an integration' }).waitFor()
    const darkDialog = await page.locator('dialog').evaluateAll(([dialog]) => getComputedStyle(dialog as Element).backgroundColor)
    expect(luminance(darkDialog)).toBeLessThan(0.2)
    expect(luminance((await documentOf(dark)).background)).toBeLessThan(0.2)
    await page.close()

    const light = await openHub('scheme=light')
    await light.getByRole('heading', { name: 'Connect an integration' }).waitFor()
    const lightDialog = await page.locator('dialog').evaluateAll(([dialog]) => getComputedStyle(dialog as Element).backgroundColor)
    expect(luminance(lightDialog)).toBeGreaterThan(0.6)
    expect(luminance((await documentOf(light)).background)).toBeGreaterThan(0.6)
  })
})
