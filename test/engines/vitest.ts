import { fileURLToPath } from 'node:url'
import { defineBrowserProvider, parseKeyDef } from '@vitest/browser'
import type { BrowserCommand, BrowserCommandContext, BrowserProvider, BrowserProviderOption, TestProject } from 'vitest/node'
import { call, type Driver, type DriverPage } from './driver.ts'
import { launchFirefox } from './firefox.ts'
import type { Engine } from './index.ts'
import { launchWebKit } from './webkit.ts'

const LAUNCH: Partial<Record<Engine, () => Promise<Driver>>> = { firefox: launchFirefox, webkit: launchWebKit }

/**
 * A Vitest browser provider for Firefox (Puppeteer over WebDriver BiDi) and WebKit (WebKitWebDriver): it opens
 * Vitest's page in the engine and carries out `userEvent` with the engine's real pointer and keyboard. Chromium
 * keeps `@vitest/browser-playwright`; `@vitest/browser-webdriverio` cannot drive these two here (it requires
 * geckodriver for Firefox, always sends a `browserName` that WebKitGTK's MiniBrowser refuses, and is published
 * for other Vitest versions than this one).
 */
export function engines(): BrowserProviderOption {
  return defineBrowserProvider({
    name: 'engines',
    supportedBrowser: Object.keys(LAUNCH),
    providerFactory: (project) => new EnginesProvider(project),
  })
}

/** The frame Vitest runs a test file in, inside its orchestrator page. */
const TEST_FRAME = ['iframe[data-vitest="true"]']
const byCss = (selector: string) => call('(selector) => document.querySelector(selector)', selector)

class EnginesProvider implements BrowserProvider {
  readonly name = 'engines'
  // One page per engine: a second tab would run without focus, and focus is what these tests check.
  readonly supportsParallelism = false
  readonly initScripts = [fileURLToPath(new URL('./locators.ts', import.meta.url))]
  private readonly engine: Engine
  private driver: Promise<Driver> | undefined
  private readonly pages = new Map<string, Promise<DriverPage>>()

  constructor(project: TestProject) {
    this.engine = project.config.browser.name as Engine
    for (const [name, command] of Object.entries(COMMANDS)) project.browser?.registerCommand(name as never, command as BrowserCommand)
  }

  private open(sessionId: string): Promise<DriverPage> {
    let page = this.pages.get(sessionId)
    if (!page) {
      const launch = LAUNCH[this.engine]
      if (!launch) throw new Error(`react-connect-hub tests: the engines provider has no ${this.engine}`)
      this.driver ??= launch()
      page = this.driver.then((driver) => driver.newPage())
      this.pages.set(sessionId, page)
    }
    return page
  }

  async openPage(sessionId: string, url: string): Promise<void> {
    const page = await this.open(sessionId)
    await page.goto(url)
    await page.focus()
  }

  getCommandsContext(sessionId: string) {
    const page = this.pages.get(sessionId)
    if (!page) throw new Error(`react-connect-hub tests: no ${this.engine} page for session ${sessionId}`)
    return { page }
  }

  async close(): Promise<void> {
    const driver = this.driver
    this.driver = undefined
    this.pages.clear()
    await (await driver)?.close()
  }
}

type Context = BrowserCommandContext & { page: Promise<DriverPage> }
type KeyboardState = { unreleased: string[] }

/** Presses keys as userEvent.keyboard describes them (`{Escape}`, `{Shift>}`, `abc`), leaving held keys in `pressed`. */
async function press(page: DriverPage, text: string, pressed: Set<string>, selectAll: () => Promise<void>) {
  for (const { releasePrevious, releaseSelf, repeat, keyDef } of parseKeyDef(text)) {
    const key = keyDef.key ?? ''
    if (pressed.has(key)) {
      await page.keyUp(key)
      pressed.delete(key)
    }
    if (releasePrevious) continue
    if (key === 'selectall') {
      await selectAll()
      continue
    }
    for (let i = 0; i < repeat; i++) await page.keyDown(key)
    if (releaseSelf) await page.keyUp(key)
    else pressed.add(key)
  }
}

/** Focuses the element (or the test frame's window) and selects its text, so typing replaces it. */
const focusAndSelect = (selector?: string) =>
  call(
    `(selector) => {
      const element = selector ? document.querySelector(selector) : document.activeElement
      if (selector) element.focus()
      else if (!element || element === document.body) window.focus()
      if (element && typeof element.select === 'function') element.select()
    }`,
    selector ?? null,
  )

const unsupported = (what: string) => async (context: Context) => {
  throw new Error(`react-connect-hub tests: ${what} is not available in ${context.project.config.browser.name} here`)
}

const COMMANDS: Record<string, (context: Context, ...args: never[]) => unknown> = {
  __vitest_click: async (context, selector: string) => (await context.page).click(TEST_FRAME, byCss(selector)),
  __vitest_dblClick: async (context, selector: string) => (await context.page).click(TEST_FRAME, byCss(selector), 2),
  __vitest_tripleClick: async (context, selector: string) => (await context.page).click(TEST_FRAME, byCss(selector), 3),
  __vitest_hover: async (context, selector: string) => (await context.page).hover(TEST_FRAME, byCss(selector)),
  __vitest_fill: async (context, selector: string, text: string) => {
    const page = await context.page
    await page.evaluate(TEST_FRAME, focusAndSelect(selector))
    if (text) await page.type(text)
    else await press(page, '{Delete}', new Set(), async () => {})
  },
  __vitest_clear: async (context, selector: string) => {
    const page = await context.page
    await page.evaluate(TEST_FRAME, focusAndSelect(selector))
    await press(page, '{Delete}', new Set(), async () => {})
  },
  __vitest_type: async (context, selector: string, text: string, options: { skipClick?: boolean; unreleased?: string[] }) => {
    const page = await context.page
    if (!options.skipClick) await page.click(TEST_FRAME, byCss(selector))
    const pressed = new Set(options.unreleased ?? [])
    await press(page, text, pressed, () => page.evaluate(TEST_FRAME, focusAndSelect(selector)).then(() => {}))
    return { unreleased: [...pressed] }
  },
  __vitest_keyboard: async (context, text: string, state: KeyboardState) => {
    const page = await context.page
    await page.evaluate(TEST_FRAME, focusAndSelect())
    const pressed = new Set(state.unreleased)
    await press(page, text, pressed, () => page.evaluate(TEST_FRAME, focusAndSelect()).then(() => {}))
    return { unreleased: [...pressed] }
  },
  __vitest_tab: async (context, options: { shift?: boolean } = {}) => {
    const page = await context.page
    await press(page, options.shift ? '{Shift>}{Tab}{/Shift}' : '{Tab}', new Set(), async () => {})
  },
  __vitest_cleanup: async (context, state: KeyboardState) => {
    const page = await context.page
    for (const key of state.unreleased ?? []) await page.keyUp(key)
  },
  // As Playwright's selectOption does: choose the options and fire input and change, without the native picker.
  __vitest_selectOptions: async (context, selector: string, indexes: number[]) =>
    (await context.page).evaluate(
      TEST_FRAME,
      call(
        `(selector, indexes) => {
          const select = document.querySelector(selector)
          for (const [index, option] of [...select.options].entries()) option.selected = indexes.includes(index)
          select.dispatchEvent(new Event('input', { bubbles: true }))
          select.dispatchEvent(new Event('change', { bubbles: true }))
        }`,
        selector,
        indexes,
      ),
    ),
  __vitest_wheel: unsupported('userEvent.wheel'),
  __vitest_dragAndDrop: unsupported('userEvent.dragAndDrop'),
  __vitest_upload: unsupported('userEvent.upload'),
  __vitest_takeScreenshot: unsupported('page.screenshot'),
}
