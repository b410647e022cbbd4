import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { type Browser, type BrowserContext, chromium, type Frame, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildHubPage } from '../../../demo/hubPage.ts'
import { type DevHub, startDevHub } from '../../../src/dev/index'
import { hostMessage } from '../../../src/protocol/messages'
import { CHROMIUM_ARGS, chromiumPath } from '../../engines/index.ts'

vi.setConfig({ testTimeout: 30_000 })

// The reference hub's language and look, from the query parameters a launcher adds to the hub URL (`locale`, `scheme`,
// `accent`, `radius`, `font`: see src/protocol/appearance.ts). A host page frames the hub and speaks protocol v1 only
// when a test tells it to.

/** What one painted frame of the hub showed. */
interface Paint {
  lang: string
  dir: string
  background: string
  /** The page's English text (its Cancel) was on screen. */
  english: boolean
  /** The hub's module script had run: the page has its words. */
  ready: boolean
}
declare global {
  interface Window {
    send(message: unknown): void
    paints?: Paint[]
  }
}

const HOST_PAGE = `<!doctype html><html lang="en"><head><title>Host</title></head><body>
<script>
  const src = new URLSearchParams(location.search).get('src')
  const frame = document.createElement('iframe')
  frame.title = 'Connect hub'
  frame.style.width = '600px'
  frame.style.height = '700px'
  window.send = (message) => frame.contentWindow.postMessage(message, new URL(src).origin)
  frame.src = src
  document.body.append(frame)
</script></body></html>`

/**
 * Runs in the hub's frame before any of its scripts: at each animation frame (which comes just before a paint) until
 * the hub's module script has run, it writes down what that paint shows.
 */
function recordPaints() {
  if (window === window.top) return
  const paints: Paint[] = []
  window.paints = paints
  const record = () => {
    const root = document.documentElement
    const cancel = document.getElementById('cancel')
    const ready = root.dataset.words === 'applied'
    paints.push({
      lang: root.lang,
      dir: root.dir,
      background: getComputedStyle(root).backgroundColor,
      english: cancel?.textContent === 'Cancel' && cancel.checkVisibility({ visibilityProperty: true }),
      ready,
    })
    if (!ready) requestAnimationFrame(record)
  }
  requestAnimationFrame(record)
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '')

/** axe-core in the hub's frame (evaluated through the driver, which the page's CSP does not apply to). */
async function axe(frame: Frame): Promise<{ violations: string[]; contrastChecked: number; contrastUnsure: string[] }> {
  await frame.evaluate(`(() => {\n${AXE}\n;return typeof axe })()`)
  return frame.evaluate(async () => {
    type Result = { id: string; nodes: { target: unknown[] }[] }
    type Results = { violations: Result[]; passes: Result[]; incomplete: Result[] }
    const { axe } = window as unknown as { axe: { run(context: Document): Promise<Results> } }
    const { violations, passes, incomplete } = await axe.run(document)
    return {
      violations: violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
      ),
      contrastChecked: passes.find((pass) => pass.id === 'color-contrast')?.nodes.length ?? 0,
      contrastUnsure: (incomplete.find((result) => result.id === 'color-contrast')?.nodes ?? []).map((node) => JSON.stringify(node.target)),
    }
  })
}

let hub: DevHub
let host: { server: Server; origin: string }
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  const hubRoot = await buildHubPage()
  host = await new Promise((resolve) => {
    const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(HOST_PAGE))
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }))
  })
  hub = await startDevHub({ apiPort: 0, hubPort: 0, allowedOrigins: [host.origin], hubRoot })
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await hub?.close()
  host?.server.close()
})

beforeEach(() => hub.store.reset())
afterEach(() => context?.close())

/** A new page whose operating system prefers `system`, so each test starts from a known scheme. */
async function newPage(system: 'light' | 'dark' = 'light') {
  context = await browser.newContext({ colorScheme: system })
  await context.addInitScript(recordPaints)
  page = await context.newPage()
  return page
}

/** Opens the host page framing the hub with these look parameters; resolves with the hub's frame, before any init. */
async function openHub(look: Record<string, string>): Promise<Frame> {
  const url = new URL(hub.hubUrl)
  url.search = new URLSearchParams({ v: '1', origin: host.origin, display: 'modal', ...look }).toString()
  await page.goto(`${host.origin}/?src=${encodeURIComponent(url.href)}`)
  const frame = await (await page.waitForSelector('iframe')).contentFrame()
  if (!frame) throw new Error('the hub iframe has no frame')
  await frame.waitForSelector('#hub', { state: 'attached' })
  return frame
}

async function createSession(body: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${hub.apiUrl}/connect_sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${hub.apiKey}:`).toString('base64')}` },
    body: JSON.stringify({ origin_owner_id: 'customer-42', origin_owner_name: 'Acme Inc', ...body }),
  })
  return ((await response.json()) as { token: string }).token
}

/** Sends init with a new session once the hub's text is in place (its own words applied by its module script). */
async function init(frame: Frame, session: Record<string, unknown> = {}) {
  await frame.waitForSelector('html[data-words="applied"]', { state: 'attached' })
  const message = hostMessage('init', { token: await createSession(session), session: {} })
  await page.evaluate((json) => window.send(JSON.parse(json)), JSON.stringify(message))
}

/** Every frame painted until the hub's module script had run (and the first one after). */
const paintsUntilReady = (frame: Frame) =>
  frame
    .waitForFunction(() => (window.paints?.at(-1)?.ready ? window.paints : false))
    .then((handle) => handle.jsonValue() as Promise<Paint[]>)

const DARK = 'rgb(21, 23, 28)'
const LIGHT = 'rgb(255, 255, 255)'

describe('given a host locale', () => {
  it('fr → <html lang="fr">, and the catalog, the form, its labels and its errors are French', async () => {
    await newPage()
    const frame = await openHub({ locale: 'fr' })
    expect(await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fr', 'ltr'])
    await init(frame, { categories: ['hris'] })
    await frame.getByRole('heading', { name: 'Connecter une intégration' }).waitFor()
    expect(await frame.getByRole('button', { name: 'Annuler' }).isVisible()).toBe(true)
    expect(await frame.getByRole('list', { name: 'Intégrations' }).isVisible()).toBe(true)
    const search = frame.getByLabel('Rechercher une intégration')
    expect(await frame.locator('.catalog .categories').first().textContent()).toBe('SIRH')
    // Categories are found by their French name too.
    await search.fill('sirh')
    expect(await frame.locator('.catalog button').count()).toBeGreaterThan(0)
    await search.fill('')

    await frame.getByRole('button', { name: /BambooHR/ }).click()
    await frame.getByRole('heading', { name: 'Connecter BambooHR' }).waitFor()
    expect(await frame.getByRole('button', { name: 'Retour' }).isVisible()).toBe(true)
    await frame.getByRole('button', { name: 'Connecter', exact: true }).click()
    await frame.getByText('Sous-domaine est obligatoire').waitFor()
    await frame.getByLabel('Sous-domaine').fill('Pas valide !')
    await frame.getByLabel("Clé d'API").fill('k')
    await frame.getByRole('button', { name: 'Connecter', exact: true }).click()
    // The API refuses the value in English; the hub says it in French.
    await frame.getByText('Sous-domaine : valeur non valide').waitFor()
    expect(await frame.locator('body').textContent()).not.toMatch(/invalid|Cancel|Connect\b/)
  })

  it('ar → dir="rtl" on <html>, and the header mirrors: Cancel sits on the left', async () => {
    await newPage()
    const frame = await openHub({ locale: 'ar' })
    await init(frame, { provider: 'bamboohr' })
    await frame.getByRole('heading', { name: 'ربط BambooHR' }).waitFor()
    expect(await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl'])
    const cancel = await frame.getByRole('button', { name: 'إلغاء' }).boundingBox()
    const crumb = await frame.locator('#crumb').boundingBox()
    expect(cancel && crumb && cancel.x < crumb.x).toBe(true)
    expect(await frame.locator('#crumb').textContent()).toBe('اتصال')
  })

  it('de-CH → German', async () => {
    await newPage()
    const frame = await openHub({ locale: 'de-CH' })
    await init(frame, { categories: ['crm'] })
    await frame.getByRole('heading', { name: 'Integration verbinden' }).waitFor()
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('de')
    expect(await frame.getByRole('button', { name: 'Abbrechen' }).isVisible()).toBe(true)
  })

  it('xx (no such language) → English, left to right', async () => {
    await newPage()
    const frame = await openHub({ locale: 'xx' })
    await init(frame, { categories: ['crm'] })
    await frame.getByRole('heading', { name: 'Connect an integration' }).waitFor()
    expect(await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr'])
    expect(await frame.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true)
  })
})

describe('given the first painted frame, before init', () => {
  // The module script comes late, as on a slow network: what the first frame shows must not depend on it.
  const slowModule = () => page.route(/\/assets\/index-[^/]*\.js$/, (route) => setTimeout(() => void route.continue(), 800))

  it('scheme=dark on a light system → every frame is dark, in the right language and direction, from the first', async () => {
    await newPage('light')
    await slowModule()
    const paints = await paintsUntilReady(await openHub({ scheme: 'dark', locale: 'ar' }))
    expect(paints.filter((paint) => !paint.ready).length).toBeGreaterThan(0)
    for (const paint of paints) expect(paint).toMatchObject({ background: DARK, lang: 'ar', dir: 'rtl' })
  })

  it('locale=fr → no frame shows English: the text is hidden until the French words are in', async () => {
    await newPage()
    await slowModule()
    const frame = await openHub({ locale: 'fr' })
    const paints = await paintsUntilReady(frame)
    expect(paints.filter((paint) => !paint.ready).length).toBeGreaterThan(0)
    expect(paints.filter((paint) => paint.english)).toEqual([])
    await frame.getByRole('button', { name: 'Annuler' }).waitFor()
  })

  it('no scheme → the system decides; scheme=light wins over a dark system', async () => {
    await newPage('dark')
    for (const paint of await paintsUntilReady(await openHub({}))) expect(paint).toMatchObject({ background: DARK, lang: 'en' })
    await context.close()
    await newPage('dark')
    for (const paint of await paintsUntilReady(await openHub({ scheme: 'light' }))) expect(paint.background).toBe(LIGHT)
  })
})

describe('given each colour scheme', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme} → axe finds no violation (colour contrast checked) in the catalog and in a form with errors, also with a host accent`, async () => {
      await newPage(scheme === 'dark' ? 'light' : 'dark')
      // With the accent hardest for the scheme: a light one on light (text on it turns black, as text it darkens), a
      // dark one on dark (text on it turns white, as text it lightens).
      const accent = scheme === 'light' ? '#facc15' : 'rgb(30, 20, 90)'
      for (const look of [{ scheme }, { scheme, accent, radius: '2px' }]) {
        const frame = await openHub(look)
        await init(frame, { categories: ['hris'], type: 'test' })
        await frame.getByRole('heading', { name: 'Connect an integration' }).waitFor()
        expect((await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)) === DARK).toBe(scheme === 'dark')
        const catalog = await axe(frame)
        expect(catalog.violations).toEqual([])
        expect(catalog.contrastChecked).toBeGreaterThan(5)
        expect(catalog.contrastUnsure).toEqual([])

        await frame.getByRole('button', { name: /BambooHR/ }).click()
        await frame.getByRole('button', { name: 'Connect', exact: true }).click()
        await frame.getByText('Subdomain is required').waitFor()
        const form = await axe(frame)
        expect(form.violations).toEqual([])
        expect(form.contrastChecked).toBeGreaterThan(5)
        expect(form.contrastUnsure).toEqual([])
      }
    })
  }
})

describe('given hostile look values', () => {
  for (const accent of ['red;}body{display:none', 'url(https://evil.example/x)']) {
    it(`accent=${accent} → ignored: nothing of it in any style, the page shows`, async () => {
      await newPage()
      const requested: string[] = []
      page.on('request', (request) => requested.push(request.url()))
      const frame = await openHub({ accent, radius: '4px', font: 'x;}body{display:none' })
      await init(frame, { categories: ['crm'] })
      await frame.locator('h1', { hasText: 'Connect an integration' }).waitFor({ state: 'attached' })
      const styles = await frame.evaluate(() => ({
        attributes: [...document.querySelectorAll('[style]')].map((element) => element.getAttribute('style') ?? ''),
        sheetCount: document.styleSheets.length + document.adoptedStyleSheets.length,
        sheets: [...document.styleSheets, ...document.adoptedStyleSheets].flatMap((sheet) =>
          [...sheet.cssRules].map((rule) => rule.cssText),
        ),
        accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
        display: getComputedStyle(document.body).display,
      }))
      // The valid value next to them is applied: the look was read, the hostile ones dropped.
      expect(styles.attributes.join(' ')).toContain('--radius: 4px')
      for (const text of styles.attributes) expect(text).not.toMatch(/evil|display|--accent|--font/)
      expect(styles.sheetCount).toBe(1)
      for (const text of styles.sheets) expect(text).not.toMatch(/evil|body\s*\{\s*display/)
      expect(styles.accent).toBe('#1d4ed8')
      expect(styles.display).toBe('block')
      expect(requested.filter((url) => new URL(url).hostname === 'evil.example')).toEqual([])
    })
  }
})
