import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { call, type Driver, type DriverPage, type Frames } from './driver.ts'
import type { Engine } from './index.ts'

/**
 * The engine harness for tests that drive a whole app from Node (the demo's end-to-end tests, and any test that
 * follows a flow across windows): one API over Chromium, Firefox and WebKit. Elements are found as Testing
 * Library finds them (by role and accessible name, label, text), inside the page, its open shadow roots and its
 * frames, even cross-origin ones; actions use the engine's real pointer and keyboard; waits poll a condition
 * until a generous limit, so a slow machine only makes them slower. `shared` names browsers a project started
 * once (see test/node/e2e/global-setup.ts): each file connects to one that is free rather than starting its own.
 */
export async function openBrowser(engine: Engine, shared?: SharedBrowser): Promise<EngineBrowser> {
  // Each adapter is loaded when its engine is asked for: a file runs in one engine, and Playwright and Puppeteer take
  // about 1 CPU-s each to import.
  if (engine === 'chromium') return new EngineBrowser(await (await import('./chromium.ts')).launchChromium())
  if (engine === 'firefox') return new EngineBrowser(await (await import('./firefox.ts')).launchFirefox(shared?.firefox))
  return new EngineBrowser(await (await import('./webkit.ts')).launchWebKit())
}

/** Where an engine's browsers, started once for a whole project, can be reached: Firefox's WebDriver BiDi addresses. */
export interface SharedBrowser {
  firefox?: string[]
}

/** How long a wait may take before it fails: generous, because the machine may be running three browsers at once. */
export const WAIT_MS = 20_000

/** Text to match as Testing Library matches it: a string matches the whole (trimmed) text, a RegExp any part. */
export type TextMatch = string | RegExp
type WireText = string | { source: string; flags: string }
type Step =
  | { by: 'role'; role: string; name?: WireText }
  | { by: 'text' | 'label'; text: WireText }
  | { by: 'css'; css: string }
  | { by: 'hasText'; text: WireText }
  | { by: 'nth'; index: number }

const wire = (text: TextMatch): WireText => (typeof text === 'string' ? text : { source: text.source, flags: text.flags })
const describe = (steps: Step[]) =>
  steps
    .map((step) => {
      const shown = (text: WireText) => (typeof text === 'string' ? JSON.stringify(text) : `/${text.source}/${text.flags}`)
      if (step.by === 'role') return `role ${step.role}${step.name === undefined ? '' : ` named ${shown(step.name)}`}`
      if (step.by === 'css') return step.css
      if (step.by === 'nth') return `#${step.index}`
      return `${step.by} ${shown(step.text)}`
    })
    .join(' › ')

const testingLibrary = readFileSync(
  createRequire(import.meta.url).resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'),
  'utf8',
).replace(/\/\/# sourceMappingURL=.*$/m, '')

/** Installs Testing Library's queries and the locator engine in a document, once. */
const HELPERS = `(() => {
  ${testingLibrary}
  const TL = globalThis.TestingLibraryDom
  delete globalThis.TestingLibraryDom
  const text = (t) => (typeof t === 'string' ? t : new RegExp(t.source, t.flags))
  const has = (content, t) => (typeof t === 'string' ? content.includes(t) : text(t).test(content))
  // Open shadow roots are searched too, as Playwright does (StackOne's hub renders into one).
  const shadows = (root) => [...root.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? [element.shadowRoot, ...shadows(element.shadowRoot)] : []))
  const deepText = (node) => (node.textContent || '') + shadows(node).map((shadow) => shadow.textContent || '').join('')
  const find = (steps) => {
    let found = [document]
    for (const step of steps) {
      if (step.by === 'nth') {
        const one = found.at(step.index)
        found = one ? [one] : []
        continue
      }
      const next = []
      for (const root of found.flatMap((element) => (step.by === 'hasText' ? [element] : [element, ...shadows(element)]))) {
        if (step.by === 'role') next.push(...TL.queryAllByRole(root, step.role, step.name === undefined ? {} : { name: text(step.name) }))
        else if (step.by === 'text') next.push(...TL.queryAllByText(root, text(step.text)))
        else if (step.by === 'label') next.push(...TL.queryAllByLabelText(root, text(step.text)))
        else if (step.by === 'css') next.push(...root.querySelectorAll(step.css))
        else if (step.by === 'hasText' && has(deepText(root), step.text)) next.push(root)
      }
      found = [...new Set(next)]
    }
    return found
  }
  const visible = (element) => {
    const box = element.getBoundingClientRect()
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'
  }
  globalThis.__engines = { find, visible }
  return true
})()`

/**
 * One browser of one engine; its pages share cookies and the HTTP cache. A window that a test opened with `newPage`
 * and closes is kept, blank and out of sight, for the next `newPage`: a new window costs the engine a new process
 * (Chromium, WebKit), about twice what loading the demo page costs. Windows a page opened (popups) really close.
 */
export class EngineBrowser {
  private readonly wrapped = new WeakMap<DriverPage, Page>()
  /** The windows `newPage` opened. */
  private readonly opened = new WeakSet<DriverPage>()
  /** Of those, the ones closed since, blank, for the next `newPage`. */
  private readonly spare: DriverPage[] = []
  constructor(private readonly driver: Driver) {}

  get engine(): Engine {
    return this.driver.engine
  }

  private wrap(page: DriverPage): Page {
    let wrapped = this.wrapped.get(page)
    if (!wrapped) {
      wrapped = new Page(this.driver.engine, page, () => this.release(page))
      this.wrapped.set(page, wrapped)
    }
    return wrapped
  }

  private async release(page: DriverPage): Promise<void> {
    if (!this.opened.has(page) || this.spare.includes(page)) return page.close()
    // Leaving the page runs its pagehide as closing it would.
    await page.goto('about:blank')
    this.spare.push(page)
  }

  /** A new window (a blank one a test closed, or a new one), at `url` if given. */
  async newPage(url?: string): Promise<Page> {
    const reused = this.spare.pop()
    const driverPage = reused ?? (await this.driver.newPage())
    this.opened.add(driverPage)
    // A new Page object: a test that holds the old one sees it closed.
    if (reused) this.wrapped.delete(reused)
    const page = this.wrap(driverPage)
    if (url) await page.goto(url)
    return page
  }

  /** Every open window, popups included. */
  async pages(): Promise<Page[]> {
    return (await this.driver.pages()).filter((page) => !this.spare.includes(page)).map((page) => this.wrap(page))
  }

  /** Runs `action` (a click that opens a popup, say) and returns the window it opened. */
  async waitForPage(action: () => Promise<unknown>, timeout = WAIT_MS): Promise<Page> {
    const before = new Set(await this.driver.pages())
    await action()
    const opened = await until(`${this.engine}: a new window`, timeout, async () =>
      (await this.driver.pages()).find((page) => !before.has(page)),
    )
    return this.wrap(opened)
  }

  /** Waits until `page` is gone: the window closed itself, or the test closed it. */
  async waitForClose(page: Page, timeout = WAIT_MS): Promise<void> {
    await until(`${this.engine}: the window to close`, timeout, async () => {
      const open = await this.pages()
      return open.includes(page) ? undefined : true
    })
  }

  close(): Promise<void> {
    return this.driver.close()
  }
}

/** Polls `probe` until it returns something other than undefined; its errors count as "not yet" until the limit. */
export async function until<T>(what: string, timeout: number, probe: () => Promise<T | undefined>): Promise<T> {
  const started = Date.now()
  let last: unknown
  // Often at first, then less: a long wait (a window, a server's timer) would otherwise keep the driver and the
  // engine busy with checks, on the cores the page under test needs.
  for (let pause = 20; ; pause = Math.min(pause * 1.5, 250)) {
    try {
      const value = await probe()
      if (value !== undefined) return value
    } catch (error) {
      last = error
    }
    if (Date.now() - started > timeout) {
      const cause = last instanceof Error ? ` (last error: ${last.message})` : ''
      throw new Error(`react-connect-hub tests: waited ${timeout} ms for ${what}${cause}`)
    }
    await new Promise((resolve) => setTimeout(resolve, pause))
  }
}

/** A document: a page's, or a frame's inside it. Finds elements in it. */
export class Scope {
  constructor(
    readonly engine: Engine,
    protected readonly page: DriverPage,
    readonly frames: Frames,
  ) {}

  /** The document of the iframe that `selector` matches in this one (cross-origin or not). */
  frame(selector: string): Scope {
    return new Scope(this.engine, this.page, [...this.frames, selector])
  }

  getByRole(role: string, options: { name?: TextMatch } = {}): Locator {
    return this.at([{ by: 'role', role, ...(options.name === undefined ? {} : { name: wire(options.name) }) }])
  }
  getByText(text: TextMatch): Locator {
    return this.at([{ by: 'text', text: wire(text) }])
  }
  getByLabel(text: TextMatch): Locator {
    return this.at([{ by: 'label', text: wire(text) }])
  }
  locator(css: string): Locator {
    return this.at([{ by: 'css', css }])
  }

  /** Runs `fn(arg)` in this document and returns its (JSON) result. `fn` is sent as source: it sees only its argument. */
  async evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<Awaited<T>> {
    return (await this.run(call(fn.toString(), arg ?? null))) as Awaited<T>
  }

  protected at(steps: Step[]): Locator {
    return new Locator(this, steps)
  }

  /** Evaluates `expression` with the helpers installed in this document (installing them the first time). */
  async run(expression: string): Promise<unknown> {
    const guarded = `globalThis.__engines ? Promise.resolve(${expression}).then((value) => ({ value })) : { missing: true }`
    let result = (await this.page.evaluate(this.frames, guarded)) as { value?: unknown; missing?: true }
    if (result.missing) {
      await this.page.evaluate(this.frames, HELPERS)
      result = (await this.page.evaluate(this.frames, guarded)) as { value?: unknown; missing?: true }
    }
    return result.value
  }

  click(expression: string, count?: number) {
    return this.page.click(this.frames, expression, count)
  }
  hover(expression: string) {
    return this.page.hover(this.frames, expression)
  }
  /** Types into whatever has focus (in any frame of the page). */
  type(text: string): Promise<void> {
    return this.page.type(text)
  }
  /** Presses and releases one key, named as `KeyboardEvent.key` names it (`Escape`, `Enter`, `a`). */
  async press(key: string): Promise<void> {
    await this.page.keyDown(key)
    await this.page.keyUp(key)
  }
}

/** A top-level window. */
export class Page extends Scope {
  constructor(
    engine: Engine,
    page: DriverPage,
    private readonly release: () => Promise<void>,
  ) {
    super(engine, page, [])
  }

  goto(url: string): Promise<void> {
    return this.page.goto(url)
  }
  url(): Promise<string> {
    return this.page.url()
  }
  reload(): Promise<void> {
    return this.page.reload()
  }
  /** A PNG of what the window shows: for a failing test's report. */
  screenshot(): Promise<Buffer> {
    return this.page.screenshot()
  }
  /** Waits until the window's address satisfies `matches` (a navigation, a redirect). */
  async waitForURL(matches: (url: URL) => boolean, timeout = WAIT_MS): Promise<void> {
    await until(`${this.engine}: the window's URL to match ${matches}`, timeout, async () =>
      matches(new URL(await this.page.url())) ? true : undefined,
    )
  }
  /** Brings this window to the front. */
  focus(): Promise<void> {
    return this.page.focus()
  }
  close(): Promise<void> {
    return this.release()
  }
}

type State = 'attached' | 'detached' | 'visible' | 'hidden'

/**
 * Watches the pointer's presses until `unguard()`: those on the element count as hits; those on anything else are
 * stopped before the page's own listeners see them. Runs in the page.
 */
const GUARD = `(element) => {
  const state = { clicked: false, missed: '' }
  const guard = (event) => {
    if (!event.isTrusted) return
    if (event.composedPath().includes(element)) {
      if (event.type === 'click') state.clicked = true
      return
    }
    state.missed ||= String(event.composedPath()[0]?.outerHTML ?? event.target).slice(0, 80)
    event.stopImmediatePropagation()
    event.preventDefault()
  }
  const types = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick']
  for (const type of types) addEventListener(type, guard, true)
  globalThis.__engines.unguard = () => {
    for (const type of types) removeEventListener(type, guard, true)
    return state
  }
}`

/** Where the one element is if a pointer can act on it (`at x,y,width,height`), else why not. Runs in the page. */
const ACTIONABLE = `(elements) => {
  if (elements.length !== 1) return 'matches ' + elements.length + ' elements'
  const element = elements[0]
  if (!globalThis.__engines.visible(element)) return 'is not visible'
  if (element.disabled || element.getAttribute('aria-disabled') === 'true') return 'is disabled'
  let box = element.getBoundingClientRect()
  if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) {
    element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' })
    box = element.getBoundingClientRect()
  }
  const x = box.left + box.width / 2
  const y = box.top + box.height / 2
  const root = element.getRootNode()
  const hit = (root.elementFromPoint ? root : document).elementFromPoint(x, y)
  if (!hit || !(hit === element || element.contains(hit))) return 'is covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing')
  return 'at ' + [x, y, box.width, box.height].map(Math.round).join(',')
}`

/** Elements found by a chain of queries, each inside the previous one's elements; resolved anew on every use. */
export class Locator {
  constructor(
    private readonly scope: Scope,
    private readonly steps: Step[],
  ) {}

  toString() {
    return `${this.scope.engine}: ${[...this.scope.frames.map((frame) => `frame ${frame}`), describe(this.steps)].join(' › ')}`
  }

  private and(step: Step): Locator {
    return new Locator(this.scope, [...this.steps, step])
  }

  getByRole(role: string, options: { name?: TextMatch } = {}): Locator {
    return this.and({ by: 'role', role, ...(options.name === undefined ? {} : { name: wire(options.name) }) })
  }
  getByText(text: TextMatch): Locator {
    return this.and({ by: 'text', text: wire(text) })
  }
  getByLabel(text: TextMatch): Locator {
    return this.and({ by: 'label', text: wire(text) })
  }
  locator(css: string): Locator {
    return this.and({ by: 'css', css })
  }
  /** Keeps the elements whose text contains `hasText` (a string) or matches it (a RegExp). */
  filter({ hasText }: { hasText: TextMatch }): Locator {
    return this.and({ by: 'hasText', text: wire(hasText) })
  }
  nth(index: number): Locator {
    return this.and({ by: 'nth', index })
  }
  first(): Locator {
    return this.nth(0)
  }

  private find = (body: string) => `((elements) => ${body})(globalThis.__engines.find(${JSON.stringify(this.steps)}))`

  /** How many elements match, and how many of them are visible. */
  private probe() {
    return this.scope.run(
      this.find('({ count: elements.length, visible: elements.filter(globalThis.__engines.visible).length })'),
    ) as Promise<{
      count: number
      visible: number
    }>
  }

  /** Waits until the locator is in `state`: attached (matches an element), detached (none), visible or hidden. */
  async waitFor({ state = 'visible', timeout = WAIT_MS }: { state?: State; timeout?: number } = {}): Promise<void> {
    await until(`${this} to be ${state}`, timeout, async () => {
      const { count, visible } = await this.probe()
      const reached = { attached: count > 0, detached: count === 0, visible: visible > 0, hidden: visible === 0 }[state]
      return reached || undefined
    })
  }

  /** Waits for exactly one matching element (more is an error, as it is in Playwright), visible if asked. */
  private async one(visible: boolean, timeout = WAIT_MS): Promise<string> {
    await until(`${this} to match one${visible ? ' visible' : ''} element`, timeout, async () => {
      const found = await this.probe()
      if (found.count > 1) throw new Error(`${this} matches ${found.count} elements`)
      return found.count === 1 && (!visible || found.visible === 1) ? true : undefined
    })
    return this.find('elements[0]')
  }

  /**
   * Waits, as Playwright does, until exactly one element matches and the pointer can act on it: visible, enabled,
   * scrolled into view, the topmost element at its centre, and in the same place on two looks in a row (not
   * animating). A click before then would be lost (a disabled submit button) or land elsewhere.
   */
  private async actionable(timeout = WAIT_MS): Promise<string> {
    let last = ''
    await until(`${this} to be ready for input`, timeout, async () => {
      const state = (await this.scope.run(this.find(`(${ACTIONABLE})(elements)`))) as string
      const steady = state === last
      last = state
      if (!state.startsWith('at ')) throw new Error(`${this} ${state}`)
      return steady || undefined
    })
    return this.find('elements[0]')
  }

  /**
   * Clicks the element with the real pointer, until the element receives the click. The page may still move it
   * between the last look and the release (a form that lays itself out again when the pressed button takes focus
   * from a field): as Playwright does, pointer events that land elsewhere are stopped before the page sees them,
   * and the click is tried again.
   */
  private async press(count: number, timeout = WAIT_MS): Promise<void> {
    const started = Date.now()
    for (;;) {
      const element = await this.actionable(Math.max(timeout - (Date.now() - started), 0))
      await this.scope.run(`(${GUARD})(${element})`)
      await this.scope.click(element, count)
      // A click that closes the frame or navigates the page takes the guard with it: that click was received.
      const result = (await this.scope.run('globalThis.__engines.unguard?.()').catch(() => undefined)) as
        | { clicked: boolean; missed: string }
        | undefined
      if (!result || result.clicked) return
      const { missed } = result
      console.info(`[engines] ${this}: the click landed on ${missed || 'nothing'}; clicking again`)
      if (Date.now() - started > timeout) throw new Error(`react-connect-hub tests: ${this}: the click landed on ${missed || 'nothing'}`)
    }
  }

  async click(): Promise<void> {
    await this.press(1)
  }
  async dblclick(): Promise<void> {
    await this.press(2)
  }
  async hover(): Promise<void> {
    await this.scope.hover(await this.actionable())
  }

  /** Clicks the field, selects what it holds and types `text` over it with the keyboard. */
  async fill(text: string): Promise<void> {
    await this.press(1)
    await this.scope.run(`(${await this.one(true)}).select()`)
    if (text) await this.scope.type(text)
    else await this.scope.press('Delete')
    const value = await this.inputValue()
    if (value !== text)
      throw new Error(`react-connect-hub tests: ${this} holds ${JSON.stringify(value)} after typing ${JSON.stringify(text)}`)
  }

  /** Clicks a checkbox or radio button unless it is checked already, then waits until it is. */
  async check(): Promise<void> {
    if (!(await this.isChecked())) await this.click()
    await until(`${this} to be checked`, WAIT_MS, async () => (await this.isChecked()) || undefined)
  }

  /** Picks the option (by its label or value) as Playwright does: selected, then `input` and `change`. */
  async selectOption(option: { label: string } | { value: string }): Promise<void> {
    const element = await this.one(true)
    const picked = (await this.scope.run(
      `((select, option) => {
        const index = [...select.options].findIndex((o) => ('label' in option ? o.label === option.label : o.value === option.value))
        if (index === -1) return false
        select.selectedIndex = index
        select.dispatchEvent(new Event('input', { bubbles: true }))
        select.dispatchEvent(new Event('change', { bubbles: true }))
        return true
      })(${element}, ${JSON.stringify(option)})`,
    )) as boolean
    if (!picked) throw new Error(`react-connect-hub tests: ${this} has no option ${JSON.stringify(option)}`)
  }

  /** Whether it matches a visible element now (no waiting). */
  async isVisible(): Promise<boolean> {
    const { count, visible } = await this.probe()
    if (count > 1) throw new Error(`react-connect-hub tests: ${this} matches ${count} elements`)
    return visible === 1
  }
  /** Whether the one matching element is enabled (not `disabled`, not `aria-disabled`). */
  async isEnabled(): Promise<boolean> {
    const element = await this.one(false)
    return (await this.scope.run(`!(${element}).disabled && (${element}).getAttribute('aria-disabled') !== 'true'`)) as boolean
  }
  async getAttribute(name: string): Promise<string | null> {
    return (await this.scope.run(`(${await this.one(false)}).getAttribute(${JSON.stringify(name)})`)) as string | null
  }
  async isChecked(): Promise<boolean> {
    return (await this.scope.run(`(${await this.one(false)}).checked`)) as boolean
  }
  async textContent(): Promise<string> {
    return (await this.scope.run(`(${await this.one(false)}).textContent`)) as string
  }
  async inputValue(): Promise<string> {
    return (await this.scope.run(`(${await this.one(false)}).value`)) as string
  }
  /** How many elements match now (no waiting). */
  async count(): Promise<number> {
    return (await this.probe()).count
  }
  async allTextContents(): Promise<string[]> {
    return (await this.scope.run(this.find('elements.map((element) => element.textContent)'))) as string[]
  }
  /** Runs `fn(elements)` in the document on every matching element; `fn` is sent as source. */
  async evaluateAll<T>(fn: (elements: Element[]) => T): Promise<Awaited<T>> {
    return (await this.scope.run(this.find(`(${fn.toString()})(elements)`))) as Awaited<T>
  }
}
