import puppeteer, { type ElementHandle, type Frame, type KeyInput, type Page } from 'puppeteer-core'
import { type Driver, type DriverPage, FrameNotFound, type Frames } from './driver.ts'
import { firefoxPath } from './index.ts'

/** Debian's Firefox ESR through Puppeteer over WebDriver BiDi, which Firefox speaks itself: no geckodriver. */
export async function launchFirefox(): Promise<Driver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    defaultViewport: { width: 1280, height: 1024 },
    extraPrefsFirefox: {
      // A page behind a popup or another tab keeps its timers at their set delays, as the front one does.
      'dom.min_background_timeout_value': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
      // Links and window.open() open a window of their own, as popups do, so that no page is hidden behind a tab.
      'browser.link.open_newwindow': 2,
      'browser.link.open_newwindow.restriction': 0,
    },
  })
  // The blank tab Firefox starts with stays open and out of the test's sight, as WebKit's first window does: closing
  // it would end the browser, and counting it would make every count of windows one too many.
  const home = new Set(await browser.pages())
  const wrapped = new WeakMap<Page, DriverPage>()
  const wrap = (page: Page) => {
    let driverPage = wrapped.get(page)
    if (!driverPage) {
      driverPage = firefoxPage(page)
      wrapped.set(page, driverPage)
    }
    return driverPage
  }
  return {
    engine: 'firefox',
    // A window, not a tab: a page in a background tab is hidden and gets no animation frames.
    newPage: async () => wrap(await browser.newPage({ type: 'window' })),
    pages: async () => (await browser.pages()).filter((page) => !home.has(page)).map(wrap),
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

async function elementAt(page: Page, frames: Frames, expression: string): Promise<ElementHandle<Element>> {
  const element = (await (await frameAt(page, frames)).evaluateHandle(expression)).asElement()
  if (!element) throw new Error(`react-connect-hub tests: ${expression} is not an element`)
  return element as ElementHandle<Element>
}

function firefoxPage(page: Page): DriverPage {
  return {
    goto: async (url) => {
      await page.goto(url)
    },
    url: async () => page.url(),
    reload: async () => {
      await page.reload()
    },
    evaluate: async (frames, expression) => (await frameAt(page, frames)).evaluate(expression),
    click: async (frames, expression, count = 1) => (await elementAt(page, frames, expression)).click({ count }),
    hover: async (frames, expression) => (await elementAt(page, frames, expression)).hover(),
    keyDown: (key) => page.keyboard.down(key as KeyInput),
    keyUp: (key) => page.keyboard.up(key as KeyInput),
    type: (text) => page.keyboard.type(text),
    focus: () => page.bringToFront(),
    setViewport: (size) => page.setViewport(size),
    screenshot: async () => Buffer.from(await page.screenshot()),
    close: () => page.close(),
  }
}
