import type { Browser, Page } from 'playwright-core'
import type { Strategy } from './host/probe.ts'
import { type Milestones, type Sample, sampleOf } from './stats.ts'

const RUN_TIMEOUT_MS = 15_000

export interface Target {
  hostOrigin: string
  hubUrl: string
  /** The dev API and StackOne's `appUrl`, for StackOne's hub. */
  apiUrl: string
  appUrl: string
}

/** Which hub the host page's button opens: see `bench/host/main.tsx`. */
export type HubKind = 'reference' | 'stackone' | 'oauth'

/** A fresh browser context (no cache, no cookies, no token) with the host page loaded and settled. */
export async function freshPage(browser: Browser, target: Target, strategy: Strategy, kind: HubKind = 'reference'): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.setDefaultTimeout(RUN_TIMEOUT_MS)
  page.on('pageerror', (error) => process.stderr.write(`host page error (${strategy}): ${error.message}\n`))
  const query = new URLSearchParams({ strategy, hub: target.hubUrl, kind, api: target.apiUrl, app: target.appUrl })
  await page.goto(`${target.hostOrigin}/?${query}`)
  await page.waitForFunction(() => window.bench?.mounted)
  // Let the page go idle, so that loading it does not bill the click.
  await page.waitForTimeout(50)
  return page
}

/** The prefetched strategy hovers first and clicks only once the token arrived and the hidden hub said `ready`. */
async function prefetch(page: Page) {
  await page.hover('#connect')
  await page.evaluate(() => window.bench.prefetched())
}

/** One run: fresh page, [hover and wait for the prefetch], click, wait until the hub is usable and on screen. */
export async function measureOnce(browser: Browser, target: Target, strategy: Strategy): Promise<Sample> {
  const page = await freshPage(browser, target, strategy)
  try {
    if (strategy === 'prefetched') await prefetch(page)
    await page.click('#connect')
    await page.evaluate(() => window.bench.opened())
    // Resource timings arrive late (an iframe's on its load) and only explain the figures: wait for them briefly.
    await Promise.race([page.evaluate(() => window.bench.loaded()), page.waitForTimeout(2000)])
    // Functions declared inside an evaluated callback would be renamed by the TypeScript loader: read raw data instead.
    const probe = await page.evaluate(() => ({
      clickAt: window.bench.clickAt,
      handlerAt: window.bench.handlerAt,
      visibleAt: window.bench.visibleAt,
      marks: window.bench.marks,
      resources: window.bench.resources,
    }))
    const at = (type: string) => probe.marks.find((mark) => mark.type === type)?.timestamp ?? Number.NaN
    const hub = probe.resources.find((resource) => resource.initiatorType === 'iframe')
    const token = probe.resources.find((resource) => resource.name.endsWith('/api/connect-session'))
    const milestones: Milestones = {
      clickAt: probe.clickAt ?? Number.NaN,
      handlerAt: probe.handlerAt ?? Number.NaN,
      visibleAt: probe.visibleAt ?? Number.NaN,
      opened: at('hub_opened'),
      hubReady: at('hub_ready'),
      tokenReceived: at('token_received'),
      hubRequestAt: hub?.startAt ?? Number.NaN,
      tokenRequestAt: token?.startAt ?? Number.NaN,
      tokenResponseAt: token?.endAt ?? Number.NaN,
    }
    const sample = sampleOf(milestones)
    if (!Number.isFinite(sample.readyMs) || !Number.isFinite(sample.visibleMs)) {
      throw new Error(`${strategy}: incomplete milestones ${JSON.stringify(milestones)}`)
    }
    return sample
  } finally {
    await page.context().close()
  }
}

/** One run of StackOne's hub, in ms from the click: the dialog on screen, and its catalog rendered in it. */
export interface StackOneSample {
  visibleMs: number
  usableMs: number
}

/** One run with StackOne's hub: fresh page (its chunk not cached), [hover and wait for the prefetch], click, catalog shown. */
export async function measureStackOnce(browser: Browser, target: Target, prefetched: boolean): Promise<StackOneSample> {
  const page = await freshPage(browser, target, prefetched ? 'prefetched' : 'parallel', 'stackone')
  try {
    if (prefetched) await prefetch(page)
    await page.click('#connect')
    await page.evaluate(() => window.bench.usable())
    const probe = await page.evaluate(() => ({
      clickAt: window.bench.clickAt,
      visibleAt: window.bench.visibleAt,
      catalogAt: window.bench.catalogAt,
      marks: window.bench.marks,
    }))
    const clickAt = probe.clickAt ?? Number.NaN
    const opened = probe.marks.find((mark) => mark.type === 'hub_opened')?.timestamp ?? Number.NaN
    const sample = {
      visibleMs: (probe.visibleAt ?? Number.NaN) - clickAt,
      usableMs: Math.max(opened, probe.catalogAt ?? Number.NaN) - clickAt,
    }
    if (!Number.isFinite(sample.usableMs) || !Number.isFinite(sample.visibleMs)) {
      throw new Error(`stackone${prefetched ? ' prefetched' : ''}: incomplete milestones ${JSON.stringify(probe)}`)
    }
    return sample
  } finally {
    await page.context().close()
  }
}

export interface RenderCount {
  /** Commits in which the host's own component rendered. */
  host: number
  /** Commits that re-rendered the button (its `data-state`). */
  button: number
  /** Every commit under the root `<Profiler>`. */
  root: number
}

/** Counts React commits during one open → ready → close cycle of the library's button. */
export async function countRenders(browser: Browser, target: Target, strategy: 'parallel' | 'prefetched'): Promise<RenderCount> {
  const page = await freshPage(browser, target, strategy)
  try {
    await page.evaluate(() => window.bench.resetCounts())
    if (strategy === 'prefetched') await prefetch(page)
    await page.click('#connect')
    await page.evaluate(() => window.bench.opened())
    await page.click('.rch-close')
    await page.evaluate(() => window.bench.closed())
    // Commits scheduled by the close land within a frame or two.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    return await page.evaluate(() => ({
      host: window.bench.hostRenders,
      button: window.bench.buttonCommits,
      root: window.bench.rootCommits,
    }))
  } finally {
    await page.context().close()
  }
}
