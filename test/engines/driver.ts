import type { Engine } from './index.ts'

/** CSS selectors of the iframes to descend through from the top document: `[]` is the page itself. */
export type Frames = readonly string[]

/**
 * What each engine's automation library must do, and all the test harnesses use: Playwright for Chromium,
 * Puppeteer over WebDriver BiDi for Firefox, W3C WebDriver for WebKit. Input is real (the engine's own
 * pointer and keyboard), so a click focuses, an Escape press fires a `<dialog>`'s `cancel`.
 */
export interface Driver {
  readonly engine: Engine
  /** A new top-level page (a tab or a window), blank. */
  newPage(): Promise<DriverPage>
  /** Every open top-level page, popups included; the same object for the same page on every call. */
  pages(): Promise<DriverPage[]>
  close(): Promise<void>
}

export interface DriverPage {
  goto(url: string): Promise<void>
  url(): Promise<string>
  reload(): Promise<void>
  /**
   * Evaluates `expression` (JavaScript source) in the frame at `frames` and returns its JSON value, awaiting a
   * promise. Runs outside the page's CSP, as a debugger's console would.
   */
  evaluate(frames: Frames, expression: string): Promise<unknown>
  /** A real pointer click (`count` clicks) at the centre of the element that `expression` yields in that frame. */
  click(frames: Frames, expression: string, count?: number): Promise<void>
  /** Moves the real pointer onto the centre of the element that `expression` yields. */
  hover(frames: Frames, expression: string): Promise<void>
  /** Presses (and holds) a key, named as `KeyboardEvent.key` names it: `Escape`, `Tab`, `Shift`, `a`. */
  keyDown(key: string): Promise<void>
  keyUp(key: string): Promise<void>
  /** Types text key by key into whatever has focus. */
  type(text: string): Promise<void>
  /** Makes this page the one that has focus (the front tab or window). */
  focus(): Promise<void>
  setViewport(size: { width: number; height: number }): Promise<void>
  /** A PNG of what the window shows. */
  screenshot(): Promise<Buffer>
  close(): Promise<void>
}

/** Raised when an iframe on the way to a frame does not exist (yet): a harness waiting for it tries again. */
export class FrameNotFound extends Error {
  constructor(selector: string) {
    super(`react-connect-hub tests: no frame matches ${selector}`)
  }
}

export const call = (fn: string, ...args: unknown[]) => `(${fn})(${args.map((arg) => JSON.stringify(arg)).join(', ')})`

/** What an engine's automation library must provide for a Driver: how to open, list and wrap its pages. */
export interface EngineAdapter<P> {
  readonly engine: Engine
  /** Opens a new top-level page (a window, not a tab: a page in a background tab gets no animation frames). */
  open(): Promise<P>
  /** The engine's top-level pages, popups included, without any the adapter keeps out of the tests' sight. */
  list(): Promise<P[]>
  /** The Driver operations on one page. */
  wrap(page: P): DriverPage
  close(): Promise<void>
}

/** A Driver over an engine's adapter, with one DriverPage per page: `pages()` returns the same object for the same page. */
export function createDriver<P>(adapter: EngineAdapter<P>): Driver {
  const wrapped = new Map<P, DriverPage>()
  const wrap = (page: P) => {
    let driverPage = wrapped.get(page)
    if (!driverPage) {
      driverPage = adapter.wrap(page)
      wrapped.set(page, driverPage)
    }
    return driverPage
  }
  return {
    engine: adapter.engine,
    newPage: async () => wrap(await adapter.open()),
    pages: async () => (await adapter.list()).map(wrap),
    close: () => adapter.close(),
  }
}
