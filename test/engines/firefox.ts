import puppeteer, { type ElementHandle, type KeyInput, type Page } from 'puppeteer-core'
import { createDriver, type Driver } from './driver.ts'
import { firefoxPath } from './index.ts'
import { scriptedPage } from './scripted.ts'

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
  return createDriver<Page>({
    engine: 'firefox',
    // A window, not a tab: a page in a background tab is hidden and gets no animation frames.
    open: () => browser.newPage({ type: 'window' }),
    list: async () => (await browser.pages()).filter((page) => !home.has(page)),
    wrap: (page) =>
      scriptedPage<ElementHandle<Element>>({
        mainFrame: () => page.mainFrame(),
        click: (element, count) => element.click({ count }),
        keyDown: (key) => page.keyboard.down(key as KeyInput),
        keyUp: (key) => page.keyboard.up(key as KeyInput),
        type: (text) => page.keyboard.type(text),
        goto: (url) => page.goto(url),
        url: () => page.url(),
        reload: () => page.reload(),
        bringToFront: () => page.bringToFront(),
        setViewport: (size) => page.setViewport(size),
        screenshot: async () => Buffer.from(await page.screenshot()),
        close: () => page.close(),
      }),
    close: () => browser.close(),
  })
}
