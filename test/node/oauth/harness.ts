/**
 * The OAuth end-to-end tests' browser operations, over the engine harness (test/engines): the same tests run in
 * Chromium, Firefox and WebKit, one Vitest project per engine (`e2e (chromium)`, `e2e (firefox)`, `e2e (webkit)`).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { readFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { createRequire } from 'node:module'
import type { ConnectHubDevOptions } from '../../../src/dev/vite/plugin.ts'
import { type EngineBrowser, type Page, type Scope, until, WAIT_MS } from '../../engines/pages.ts'
import { type Demo, ENGINE, hubFrame, logLines, openEngine, startDemo } from '../e2e/demo.ts'

export type { Demo, EngineBrowser, Page, Scope }
export { ENGINE, hubFrame, logLines }

/** This project's engine. */
export const launchBrowser = (): Promise<EngineBrowser> => openEngine()

/**
 * The demo, as `npm run dev` serves it: host page, reference hub, dev API and the simulated provider on four origins;
 * `headers` go with the host's own pages (e.g. its COOP).
 */
export const startStack = (name: string, dev: ConnectHubDevOptions = {}, headers: Record<string, string> = {}): Promise<Demo> =>
  startDemo(`oauth-${name}`, dev, headers)

/** Opens the demo's Integrations page with `provider` preselected (or the whole catalog), and clicks Connect. */
export async function openHub(browser: EngineBrowser, demo: Demo, options: { provider?: string; hub?: 'stackone' } = {}) {
  const page = await browser.newPage(options.hub ? `${demo.url}?hub=${options.hub}` : demo.url)
  await page.locator('section[aria-labelledby="accounts-title"][aria-busy="false"]').waitFor()
  if (options.provider) await page.getByLabel('Provider').selectOption({ label: options.provider })
  await page.getByRole('button', { name: 'Connect an account' }).click()
  return page
}

/** Runs `click` and resolves with the window it opened (a popup or a new tab). */
export const windowOpenedBy = (browser: EngineBrowser, click: () => Promise<unknown>): Promise<Page> => browser.waitForPage(click)

/** Waits for the provider's authorisation page in `window` (it arrives through the dev API's redirect). */
export async function providerPage(window: Page, providerName: string): Promise<Page> {
  await window.getByRole('heading', { name: new RegExp(`access your ${providerName} account`) }).waitFor()
  return window
}

/** Clicks Allow or Deny on the provider's page; resolves once the window closed itself. */
export async function answer(browser: EngineBrowser, window: Page, decision: 'Allow' | 'Deny'): Promise<void> {
  await window.getByRole('button', { name: decision }).click()
  await browser.waitForClose(window)
}

/** Waits until the hub's own page has loaded in its frame (not the blank document an iframe starts with). */
const hubLoaded = (hub: Scope) =>
  until('the hub page to load', WAIT_MS, () =>
    hub.evaluate(() => (location.protocol.startsWith('http') && document.readyState === 'complete') || undefined),
  )

/**
 * Makes `window.open` return `null` in the hub's frame, as a popup blocker does. Set once the hub's page is there
 * (no driver offers an init script in every engine), before any click can open a window.
 */
export async function blockPopupsIn(hub: Scope): Promise<void> {
  await hubLoaded(hub)
  await hub.evaluate(() => {
    window.open = () => null
  })
}

/** One call of `window.open` in a hub frame: its URL, and whether it ran inside a trusted click's own dispatch. */
export interface WindowOpen {
  url: string
  inClick: boolean
}

/**
 * Records every `window.open` in the hub's frame. `inClick` is read from `window.event`, which is set only while an
 * event is dispatched: a call after an `await` that leaves the click's task (a request, a timer: what Safari blocks)
 * records `false`, on any engine.
 */
export async function recordWindowOpens(hub: Scope): Promise<void> {
  await hubLoaded(hub)
  await hub.evaluate(() => {
    const opens: { url: string; inClick: boolean }[] = []
    Object.defineProperty(window, '__windowOpens', { value: opens })
    const open = window.open.bind(window)
    window.open = (url, ...rest) => {
      const event = window.event
      opens.push({ url: String(url), inClick: event?.type === 'click' && event.isTrusted })
      return open(url, ...rest)
    }
  })
}

/** The `window.open` calls recorded in the hub's frame. */
export const windowOpens = (hub: Scope): Promise<WindowOpen[]> =>
  hub.evaluate(() => (window as unknown as { __windowOpens: WindowOpen[] }).__windowOpens)

/**
 * What the Node servers of this process received until `stop()`: every request line (`METHOD /path?query (host)`),
 * every URL the browser asked for (`http://host/path?query`) and every Referer it sent. The host page, the hub, the
 * dev API and the provider are all servers of this process and nothing else is reachable, so this is every request
 * of every window and frame, in any engine.
 */
export function recordServerRequests(): { lines: string[]; urls: string[]; stop(): void } {
  const lines: string[] = []
  const urls: string[] = []
  const onStart = (message: unknown) => {
    const { request } = message as { request: IncomingMessage }
    lines.push(`${request.method} ${request.url} (${request.headers.host})`)
    urls.push(`http://${request.headers.host}${request.url}`)
    if (request.headers.referer) urls.push(request.headers.referer)
  }
  subscribe('http.server.request.start', onStart)
  return { lines, urls, stop: () => unsubscribe('http.server.request.start', onStart) }
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

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '')

/**
 * axe-core's violations in the window or frame, one line each. Its source is evaluated through the driver, which the
 * pages' CSP (scripts from their own origin or a nonce only) does not apply to.
 */
export async function axeViolations(target: Scope): Promise<string[]> {
  await target.run(`(() => {\n${AXE}\n;return typeof axe })()`)
  return target.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> }
    }
    const { violations } = await axe.run(document)
    return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`)
  })
}

/** Counts the answers the Node servers of this process finish to requests whose line `matches`, from now on. */
export function countAnswers(matches: (line: string) => boolean): { reached(count: number): Promise<void>; stop(): void } {
  let seen = 0
  const waiting = new Set<{ count: number; resolve: () => void }>()
  const onFinish = (message: unknown) => {
    const { request } = message as { request: IncomingMessage }
    if (!matches(`${request.method} ${request.url}`)) return
    seen++
    for (const waiter of waiting) {
      if (seen < waiter.count) continue
      waiting.delete(waiter)
      waiter.resolve()
    }
  }
  subscribe('http.server.response.finish', onFinish)
  return {
    reached: (count) => (seen >= count ? Promise.resolve() : new Promise((resolve) => waiting.add({ count, resolve }))),
    stop: () => unsubscribe('http.server.response.finish', onFinish),
  }
}
