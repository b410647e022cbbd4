import type { Browser } from 'playwright-core'
import { freshPage, type Target } from './measure.ts'

/** One OAuth connection through the reference hub, in ms: click → provider page painted, and Allow → `onSuccess`. */
export interface OAuthSample {
  shownMs: number
  successMs: number
}

declare global {
  interface Window {
    /** Epoch ms of the trusted click in the hub frame, recorded by the benchmark. */
    benchClickAt?: number
  }
}

/**
 * Opens the reference hub on an OAuth provider (HubSpot), clicks its Connect button and Allow on the provider's page.
 * The click is timed in the hub frame (its event's timestamp), the window by the provider page's first contentful
 * paint, Allow from the driver's side just before its click, and `onSuccess` by the launcher's `success` event.
 */
export async function measureOAuthOnce(browser: Browser, target: Target): Promise<OAuthSample> {
  const page = await freshPage(browser, target, 'parallel', 'oauth')
  try {
    await page.click('#connect')
    await page.evaluate(() => window.bench.opened())
    const hub = page.frames().find((frame) => frame.url().startsWith(target.hubUrl))
    if (!hub) throw new Error('oauth: the hub frame is missing')
    const connect = hub.getByRole('button', { name: 'Connect', exact: true })
    // Enabled once the hub has created its connection attempt, so that the click opens the window at once.
    await connect.click({ trial: true })
    await hub.evaluate(() =>
      document.addEventListener(
        'click',
        (event) => {
          window.benchClickAt = performance.timeOrigin + event.timeStamp
        },
        { capture: true, once: true },
      ),
    )
    const [popup] = await Promise.all([page.context().waitForEvent('page'), connect.click()])
    const allow = popup.getByRole('button', { name: 'Allow', exact: true })
    await allow.waitFor()
    const shownAt = await popup.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]
      return performance.timeOrigin + (paint?.startTime ?? performance.now())
    })
    const clickAt = (await hub.evaluate(() => window.benchClickAt)) ?? Number.NaN
    const allowAt = await popup.evaluate(() => performance.timeOrigin + performance.now())
    await allow.click()
    await page.evaluate(() => window.bench.succeeded())
    const successAt = (await page.evaluate(() => window.bench.marks.find((mark) => mark.type === 'success')?.timestamp)) ?? Number.NaN
    const sample = { shownMs: shownAt - clickAt, successMs: successAt - allowAt }
    if (!Number.isFinite(sample.shownMs) || !Number.isFinite(sample.successMs)) {
      throw new Error(`oauth: incomplete milestones ${JSON.stringify({ clickAt, shownAt, allowAt, successAt })}`)
    }
    return sample
  } finally {
    await page.context().close()
  }
}
