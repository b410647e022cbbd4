/**
 * The OAuth end-to-end tests' browser operations, in one place so that they can later run on other engines: only
 * `launchBrowser` and the few helpers below touch the browser driver.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { readFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { createRequire } from 'node:module'
import { type Browser, type BrowserContext, chromium, type Frame, type FrameLocator, type Page } from 'playwright-core'
import type { ConnectHubDevOptions } from '../../../src/dev/vitePlugin.ts'
import { CHROMIUM_ARGS, chromiumPath } from '../../engines/index.ts'
import { type Demo, startDemo } from '../e2e/demo.ts'

export type { Browser, BrowserContext, Demo, FrameLocator, Page }

/** The engine the tests drive. Chromium for now (Playwright drives Debian's Chromium only). */
export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })

/**
 * The demo, as `npm run dev` serves it: host page, reference hub, dev API and the simulated provider on four origins;
 * `headers` go with the host's own pages (e.g. its COOP).
 */
export const startStack = (name: string, dev: ConnectHubDevOptions = {}, headers: Record<string, string> = {}): Promise<Demo> =>
  startDemo(`oauth-${name}`, dev, headers)

/** The hub page inside the launcher's dialog. */
export const hubFrame = (page: Page): FrameLocator => page.frameLocator('dialog iframe')

/** The event log's entries, as `type detail` lines. */
export const logLines = (page: Page): Promise<string[]> =>
  page
    .getByRole('log', { name: 'Launcher events' })
    .locator('li')
    .evaluateAll((items) =>
      items.map((item) => `${item.querySelector('.type')?.textContent} ${item.querySelector('.detail')?.textContent}`.trim()),
    )

/** Opens the demo's Integrations page with `provider` preselected (or the whole catalog), and clicks Connect. */
export async function openHub(context: BrowserContext, demo: Demo, options: { provider?: string; hub?: 'stackone' } = {}) {
  const page = await context.newPage()
  await page.goto(options.hub ? `${demo.url}?hub=${options.hub}` : demo.url)
  await page.locator('section[aria-labelledby="accounts-title"][aria-busy="false"]').waitFor()
  if (options.provider) await page.getByLabel('Provider').selectOption({ label: options.provider })
  await page.getByRole('button', { name: 'Connect an account' }).click()
  return page
}

/** Runs `click` and resolves with the window it opened (any page of the context: a popup or a new tab). */
export async function windowOpenedBy(context: BrowserContext, click: () => Promise<unknown>): Promise<Page> {
  const [opened] = await Promise.all([context.waitForEvent('page'), click()])
  return opened
}

/** Waits for the provider's authorisation page in `window` (it arrives through the dev API's redirect). */
export async function providerPage(window: Page, providerName: string): Promise<Page> {
  await window.getByRole('heading', { name: new RegExp(`access your ${providerName} account`) }).waitFor()
  return window
}

/** Clicks Allow or Deny on the provider's page; resolves once the window closed itself. */
export async function answer(window: Page, decision: 'Allow' | 'Deny'): Promise<void> {
  const closed = window.waitForEvent('close')
  await window.getByRole('button', { name: decision, exact: true }).click()
  await closed
}

/** Makes `window.open` return `null` in every frame of `origin`, as a popup blocker does. */
export async function blockPopupsIn(context: BrowserContext, origin: string): Promise<void> {
  await context.addInitScript((blocked) => {
    if (window.location.origin === blocked) window.open = () => null
  }, origin)
}

/** One call of `window.open` in a hub frame: its URL, and whether it ran inside a trusted click's own dispatch. */
export interface WindowOpen {
  url: string
  inClick: boolean
}

/**
 * Records every `window.open` in the frames of `origin`. `inClick` is read from `window.event`, which is set only while
 * an event is dispatched: a call after an `await` that leaves the click's task (a request, a timer: what Safari blocks)
 * records `false`, on any engine.
 */
export async function recordWindowOpens(context: BrowserContext, origin: string): Promise<void> {
  await context.addInitScript((watched) => {
    if (window.location.origin !== watched) return
    const opens: { url: string; inClick: boolean }[] = []
    Object.defineProperty(window, '__windowOpens', { value: opens })
    const open = window.open.bind(window)
    window.open = (url, ...rest) => {
      const event = window.event
      opens.push({ url: String(url), inClick: event?.type === 'click' && event.isTrusted })
      return open(url, ...rest)
    }
  }, origin)
}

/** The `window.open` calls recorded in the frame of `page` at `origin`. */
export async function windowOpens(page: Page, origin: string): Promise<WindowOpen[]> {
  return frameAt(page, origin).evaluate(() => (window as unknown as { __windowOpens: WindowOpen[] }).__windowOpens)
}

/** Every URL the browser requested, and every URL a page or frame of the context navigated to. */
export function recordBrowserUrls(context: BrowserContext): string[] {
  const urls: string[] = []
  const watch = (page: Page) => page.on('framenavigated', (frame) => urls.push(frame.url()))
  context.on('request', (request) => urls.push(request.url()))
  context.on('page', watch)
  for (const page of context.pages()) watch(page)
  return urls
}

/** Every request line (`METHOD /path?query`) the Node servers of this process received until `stop()`. */
export function recordServerRequestLines(): { lines: string[]; stop(): void } {
  const lines: string[] = []
  const onStart = (message: unknown) => {
    const { request } = message as { request: IncomingMessage }
    lines.push(`${request.method} ${request.url} (${request.headers.host})`)
  }
  subscribe('http.server.request.start', onStart)
  return { lines, stop: () => unsubscribe('http.server.request.start', onStart) }
}

/**
 * Resolves once a Node server of this process has answered a request whose line (`METHOD /path?query`) `matches`: for
 * requests a page sends as it goes away, which the browser driver no longer reports.
 */
export function serverAnswered(matches: (line: string) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const onFinish = (message: unknown) => {
      const { request } = message as { request: IncomingMessage }
      if (!matches(`${request.method} ${request.url}`)) return
      unsubscribe('http.server.response.finish', onFinish)
      resolve()
    }
    subscribe('http.server.response.finish', onFinish)
  })
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * axe-core's violations on the page or frame, one line each. Its source is evaluated through the driver, which the
 * pages' CSP (scripts from their own origin or a nonce only) does not apply to.
 */
export async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE)
  return target.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> }
    }
    const { violations } = await axe.run(document)
    return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`)
  })
}

/** The frame of `page` at `origin` (the hub's), for what a FrameLocator cannot do. */
export function frameAt(page: Page, origin: string): Frame {
  const frame = page.frames().find((candidate) => candidate.url().startsWith(origin))
  if (!frame) throw new Error(`no frame of ${origin} in the page`)
  return frame
}
