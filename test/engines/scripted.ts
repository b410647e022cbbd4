import { type DriverPage, FrameNotFound, type Frames } from './driver.ts'

/** An element handle, as Playwright and Puppeteer both have it. */
interface ScriptedElement {
  hover(): Promise<unknown>
}

/** A frame, as Playwright and Puppeteer both have it: CSS queries, scripts, and the frame of an iframe element. */
export interface ScriptedFrame {
  $(selector: string): Promise<{ contentFrame(): Promise<ScriptedFrame | null> } | null>
  evaluate(expression: string): Promise<unknown>
  evaluateHandle(expression: string): Promise<{ asElement(): unknown }>
}

/** Where Playwright's and Puppeteer's pages differ: how they click, press keys, size and capture the page. */
export interface ScriptedPage<E extends ScriptedElement> {
  mainFrame(): ScriptedFrame
  click(element: E, count: number): Promise<void>
  keyDown(key: string): Promise<void>
  keyUp(key: string): Promise<void>
  type(text: string): Promise<void>
  goto(url: string): Promise<unknown>
  url(): string
  reload(): Promise<unknown>
  bringToFront(): Promise<void>
  setViewport(size: { width: number; height: number }): Promise<void>
  screenshot(): Promise<Buffer>
  close(): Promise<void>
}

/**
 * A DriverPage for an engine scripted through element handles (Chromium with Playwright, Firefox with Puppeteer over
 * WebDriver BiDi): frames found by descending through iframe elements, input from the library's real pointer and keys.
 */
export function scriptedPage<E extends ScriptedElement>(page: ScriptedPage<E>): DriverPage {
  const frameAt = async (frames: Frames): Promise<ScriptedFrame> => {
    let frame = page.mainFrame()
    for (const selector of frames) {
      const next = await (await frame.$(selector))?.contentFrame()
      if (!next) throw new FrameNotFound(selector)
      frame = next
    }
    return frame
  }
  const elementAt = async (frames: Frames, expression: string): Promise<E> => {
    const element = (await (await frameAt(frames)).evaluateHandle(expression)).asElement()
    if (!element) throw new Error(`react-connect-hub tests: ${expression} is not an element`)
    return element as E
  }
  return {
    goto: async (url) => {
      await page.goto(url)
    },
    url: async () => page.url(),
    reload: async () => {
      await page.reload()
    },
    evaluate: async (frames, expression) => (await frameAt(frames)).evaluate(expression),
    click: async (frames, expression, count = 1) => page.click(await elementAt(frames, expression), count),
    hover: async (frames, expression) => {
      await (await elementAt(frames, expression)).hover()
    },
    keyDown: (key) => page.keyDown(key),
    keyUp: (key) => page.keyUp(key),
    type: (text) => page.type(text),
    focus: () => page.bringToFront(),
    setViewport: (size) => page.setViewport(size),
    screenshot: () => page.screenshot(),
    close: () => page.close(),
  }
}
