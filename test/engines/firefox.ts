import puppeteer, { type Browser, type ElementHandle, type KeyInput, type Page } from 'puppeteer-core'
import { createDriver, type Driver } from './driver.ts'
import { firefoxPath } from './index.ts'
import { scriptedPage } from './scripted.ts'

const VIEWPORT = { width: 1280, height: 1024 }

const launch = () =>
  puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      // A page behind a popup or another tab keeps its timers at their set delays, as the front one does.
      'dom.min_background_timeout_value': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
      // Links and window.open() open a window of their own, as popups do, so that no page is hidden behind a tab.
      'browser.link.open_newwindow': 2,
      'browser.link.open_newwindow.restriction': 0,
    },
  })

/** A Firefox started once and left running, for test files to take in turn (see `launchFirefox`). */
export interface SharedFirefox {
  /** Its WebDriver BiDi address, `ws://127.0.0.1:…/session`. */
  endpoint: string
  stop(): Promise<void>
}

/**
 * Starts Firefox and lets go of it, for test files to connect to: Firefox takes one WebDriver BiDi session at a time,
 * so a file takes the first of the shared ones that is free. Starting Firefox on a fresh profile costs about 8 CPU-s;
 * connecting to a running one, about 1.
 */
export async function startSharedFirefox(): Promise<SharedFirefox> {
  const browser = await launch()
  const endpoint = browser.wsEndpoint()
  const firefox = browser.process()
  await browser.disconnect()
  return {
    endpoint,
    async stop() {
      if (!firefox || firefox.exitCode !== null) return
      // Puppeteer removes the profile it made once the process is gone.
      const exited = new Promise((resolve) => firefox.once('exit', resolve))
      firefox.kill()
      await exited
    },
  }
}

/**
 * Debian's Firefox ESR through Puppeteer over WebDriver BiDi, which Firefox speaks itself: no geckodriver. The first
 * of the running Firefoxes at `shared` (see `startSharedFirefox`) that is free; a Firefox of its own when none is (each
 * is in another file's hands, or still holds the session of a file that ended without closing it).
 */
export async function launchFirefox(shared: readonly string[] = []): Promise<Driver> {
  const browser = (await connectToFree(shared)) ?? (await launch())
  const own = browser.process() !== null
  // The blank tab Firefox starts with stays open and out of the test's sight, as WebKit's first window does: closing
  // it would end the browser, and counting it would make every count of windows one too many. In a shared Firefox,
  // the windows a previous file left open go first.
  const [home, ...left] = await browser.pages()
  await Promise.all(left.map((page) => page.close()))
  const opened = async () => (await browser.pages()).filter((page) => page !== home)
  return createDriver<Page>({
    engine: 'firefox',
    // A window, not a tab: a page in a background tab is hidden and gets no animation frames.
    open: () => browser.newPage({ type: 'window' }),
    list: opened,
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
    async close() {
      if (own) return browser.close()
      // The next file finds the shared Firefox as this one found it: its home tab, and the session free.
      await Promise.all((await opened()).map((page) => page.close()))
      await browser.disconnect()
    },
  })
}

async function connectToFree(endpoints: readonly string[]): Promise<Browser | undefined> {
  for (const endpoint of endpoints) {
    // A Firefox whose session another file holds refuses at once ("Maximum number of active sessions").
    const browser = await puppeteer
      .connect({ browserWSEndpoint: endpoint, protocol: 'webDriverBiDi', defaultViewport: VIEWPORT })
      .catch(() => undefined)
    if (browser) return browser
  }
  return undefined
}
