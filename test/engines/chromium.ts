import { chromium, type ElementHandle, type Page } from 'playwright-core'
import { createDriver, type Driver } from './driver.ts'
import { CHROMIUM_ARGS, chromiumPath } from './index.ts'
import { scriptedPage } from './scripted.ts'

/** Chromium through Playwright (Debian's build, launched by path: Playwright's own browsers are not installed). */
export async function launchChromium(): Promise<Driver> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  // One context for the driver: its HTTP cache keeps a dev server's modules between pages.
  const context = await browser.newContext()
  return createDriver<Page>({
    engine: 'chromium',
    open: () => context.newPage(),
    list: async () => context.pages(),
    wrap: (page) =>
      scriptedPage<ElementHandle>({
        mainFrame: () => page.mainFrame(),
        // A click that closes its own window (a popup's last button) has done its work, though Playwright, still
        // watching the page after the click, may report it closed.
        click: (element, count) =>
          element.click({ clickCount: count }).catch((error: unknown) => {
            if (!page.isClosed()) throw error
          }),
        keyDown: (key) => page.keyboard.down(key),
        keyUp: (key) => page.keyboard.up(key),
        type: (text) => page.keyboard.type(text),
        goto: (url) => page.goto(url),
        url: () => page.url(),
        reload: () => page.reload(),
        bringToFront: () => page.bringToFront(),
        setViewport: (size) => page.setViewportSize(size),
        screenshot: () => page.screenshot(),
        close: () => page.close(),
      }),
    close: () => browser.close(),
  })
}
