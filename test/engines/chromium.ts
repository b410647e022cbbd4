import { type BrowserContext, chromium, type ElementHandle, type Frame, type Page } from 'playwright-core'
import { type Driver, type DriverPage, FrameNotFound, type Frames } from './driver.ts'
import { CHROMIUM_ARGS, chromiumPath } from './index.ts'

/** Chromium through Playwright (Debian's build, launched by path: Playwright's own browsers are not installed). */
export async function launchChromium(): Promise<Driver> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  // One context for the driver: its HTTP cache keeps a dev server's modules between pages.
  const context = await browser.newContext()
  const wrapped = new WeakMap<Page, DriverPage>()
  const wrap = (page: Page) => {
    let driverPage = wrapped.get(page)
    if (!driverPage) {
      driverPage = chromiumPage(context, page)
      wrapped.set(page, driverPage)
    }
    return driverPage
  }
  return {
    engine: 'chromium',
    newPage: async () => wrap(await context.newPage()),
    pages: async () => context.pages().map(wrap),
    close: () => browser.close(),
  }
}

async function frameAt(page: Page, frames: Frames): Promise<Frame> {
  let frame = page.mainFrame()
  for (const selector of frames) {
    const next = await (await frame.$(selector))?.contentFrame()
    if (!next) throw new FrameNotFound(selector)
    frame = next
  }
  return frame
}

async function elementAt(page: Page, frames: Frames, expression: string): Promise<ElementHandle> {
  const element = (await (await frameAt(page, frames)).evaluateHandle(expression)).asElement()
  if (!element) throw new Error(`react-connect-hub tests: ${expression} is not an element`)
  return element as ElementHandle
}

function chromiumPage(_context: BrowserContext, page: Page): DriverPage {
  return {
    goto: async (url) => {
      await page.goto(url)
    },
    url: async () => page.url(),
    reload: async () => {
      await page.reload()
    },
    evaluate: async (frames, expression) => (await frameAt(page, frames)).evaluate(expression),
    click: async (frames, expression, count = 1) => (await elementAt(page, frames, expression)).click({ clickCount: count }),
    hover: async (frames, expression) => (await elementAt(page, frames, expression)).hover(),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    type: (text) => page.keyboard.type(text),
    focus: () => page.bringToFront(),
    setViewport: (size) => page.setViewportSize(size),
    screenshot: () => page.screenshot(),
    close: () => page.close(),
  }
}
