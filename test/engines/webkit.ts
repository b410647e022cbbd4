import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import type { Readable } from 'node:stream'
import { createDriver, type Driver, type DriverPage, FrameNotFound, type Frames } from './driver.ts'
import { webkitPaths } from './index.ts'

/**
 * WebKitGTK's MiniBrowser through its WebKitWebDriver, over plain W3C WebDriver (a few HTTP calls; a client
 * library would bring driver packages that download binaries). MiniBrowser needs a display: each driver gets
 * its own Xvfb, which picks a free display itself (`-displayfd`), so two runs starting at once cannot collide
 * as `xvfb-run -a` can.
 */
export async function launchWebKit(): Promise<Driver> {
  const paths = webkitPaths()
  const processes: ChildProcess[] = []
  const stop = () => {
    for (const child of processes.reverse()) child.kill()
  }
  process.once('exit', stop)
  try {
    const xvfb = spawn(paths.xvfb, ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    })
    processes.push(xvfb)
    const display = await firstLine(xvfb, xvfb.stdio[3] as Readable, 'Xvfb')
    const port = await freePort()
    const driver = spawn(paths.driver, [`--port=${port}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DISPLAY: `:${display}` },
    })
    processes.push(driver)
    const base = `http://127.0.0.1:${port}`
    await untilListening(driver, base)
    const { sessionId } = (await send(base, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          // Popups opened by script open, as in the other engines' automation (Playwright's and Puppeteer's profiles).
          'webkitgtk:browserOptions': { binary: paths.browser, args: ['--automation', '--javascript-can-open-windows-automatically=true'] },
        },
      },
    })) as { sessionId: string }
    const session = new Session(`${base}/session/${sessionId}`)
    // The first window stays open and blank: WebDriver ends the session when its last window closes.
    const home = (await session.send('GET', '/window')) as string
    await session.send('POST', '/window/rect', { width: 1280, height: 1024 })
    return createDriver<string>({
      engine: 'webkit',
      // A window, not a tab: a page in a background tab is hidden and gets no animation frames. Opened from the home
      // window, which is always there.
      open: async () => {
        const { handle } = (await session.in(home, [], () => session.send('POST', '/window/new', { type: 'window' }))) as { handle: string }
        await session.in(handle, [], () => session.send('POST', '/window/rect', { width: 1280, height: 1024 }))
        return handle
      },
      list: async () => ((await session.send('GET', '/window/handles')) as string[]).filter((handle) => handle !== home),
      wrap: (handle) => webkitPage(session, handle),
      close: async () => {
        await session.send('DELETE', '').catch(() => {})
        process.off('exit', stop)
        stop()
      },
    })
  } catch (error) {
    stop()
    throw error
  }
}

class WebDriverError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`react-connect-hub tests: WebKitWebDriver: ${code}: ${message}`)
  }
}

async function send(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const { value } = (await response.json()) as { value: unknown }
  if (!response.ok) {
    const { error, message } = value as { error: string; message: string }
    throw new WebDriverError(error, message)
  }
  return value
}

/**
 * A WebDriver session: one command at a time, each in its window and frame. It switches only when the target
 * changes, because WebKit focuses the frame it switches to, and a key press goes to the focused frame.
 */
class Session {
  private queue: Promise<unknown> = Promise.resolve()
  private window: string | undefined
  private frames: Frames | undefined
  constructor(private readonly base: string) {}

  send(method: string, path: string, body?: unknown): Promise<unknown> {
    return send(this.base, method, path, body)
  }

  /** Runs `work` alone, in window `handle`, inside the frame at `frames` (`null`: whichever frame is current). */
  in<T>(handle: string, frames: Frames | null, work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      try {
        await this.switch(handle, frames)
        return await work()
      } catch (error) {
        // The frame we were in may be gone (a test frame replaced, a hub removed): start again from the window.
        // WebKit says "no such window" when the frame it is in was removed.
        if (!(error instanceof WebDriverError && (error.code === 'no such frame' || error.code === 'no such window'))) throw error
        this.window = undefined
        await this.switch(handle, frames)
        return await work()
      }
    })
    this.queue = run.catch(() => {})
    return run
  }

  private async switch(handle: string, frames: Frames | null) {
    if (handle !== this.window) {
      this.window = undefined
      await this.send('POST', '/window', { handle })
      this.window = handle
      this.frames = undefined
    }
    if (frames === null || (this.frames && this.frames.join('\n') === frames.join('\n'))) return
    this.frames = undefined
    await this.send('POST', '/frame', { id: null })
    for (const selector of frames) {
      const found = (await this.send('POST', '/elements', { using: 'css selector', value: selector })) as object[]
      if (!found[0]) throw new FrameNotFound(selector)
      await this.send('POST', '/frame', { id: found[0] })
    }
    this.frames = frames
  }

  /** Forgets the window (closed) so that the next command switches again. */
  closed(handle: string) {
    if (this.window === handle) this.window = undefined
  }
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'
/** WebDriver's code points for the keys that are not characters. */
const KEYS: Record<string, string> = {
  Cancel: '\uE001',
  Help: '\uE002',
  Backspace: '\uE003',
  Tab: '\uE004',
  Clear: '\uE005',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Pause: '\uE00B',
  Escape: '\uE00C',
  ' ': '\uE00D',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Insert: '\uE016',
  Delete: '\uE017',
  Meta: '\uE03D',
}
const keyValue = (key: string) => {
  const value = KEYS[key] ?? key
  if ([...value].length !== 1) throw new Error(`react-connect-hub tests: WebKit cannot press the key "${key}"`)
  return value
}

function webkitPage(session: Session, handle: string): DriverPage {
  const top = <T>(work: () => Promise<T>) => session.in(handle, [], work)
  // Keys go to whichever frame has focus: typing must not switch (and so focus) another frame.
  const focused = <T>(work: () => Promise<T>) => session.in(handle, null, work)
  const execute = async (expression: string) => {
    const script = `const done = arguments[0]
      Promise.resolve().then(() => ${expression}).then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }))`
    const result = (await session.send('POST', '/execute/async', { script, args: [] })) as { value?: unknown; error?: string }
    if (result.error !== undefined) throw new Error(`react-connect-hub tests: in WebKit: ${result.error}`)
    return result.value
  }
  const element = async (expression: string) => {
    const found = (await session.send('POST', '/execute/sync', { script: `return ${expression}`, args: [] })) as Record<
      string,
      string
    > | null
    const id = found?.[ELEMENT]
    if (!id) throw new Error(`react-connect-hub tests: ${expression} is not an element`)
    return id
  }
  // Scrolls only when the element is out of view, and at once: a smooth scroll would move the element between the
  // pointer's down and up, and the click would land on whatever came under it.
  const inView = async (id: string) => {
    const script = `const box = arguments[0].getBoundingClientRect()
      if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth)
        arguments[0].scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' })`
    await session.send('POST', '/execute/sync', { script, args: [{ [ELEMENT]: id }] })
    return id
  }
  const pointer = (actions: object[]) =>
    session.send('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] })
  const keys = (actions: object[]) => session.send('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] })
  return {
    goto: (url) => top(() => session.send('POST', '/url', { url })).then(() => {}),
    url: () => top(() => session.send('GET', '/url')) as Promise<string>,
    reload: () => top(() => session.send('POST', '/refresh', {})).then(() => {}),
    evaluate: (frames, expression) => session.in(handle, frames, () => execute(expression)),
    click: (frames, expression, count = 1) =>
      session.in(handle, frames, async () => {
        const id = await inView(await element(expression))
        const press = [
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ]
        await pointer([
          { type: 'pointerMove', origin: { [ELEMENT]: id }, x: 0, y: 0 },
          ...Array.from({ length: count }, () => press).flat(),
        ])
      }),
    hover: (frames, expression) =>
      session.in(handle, frames, async () => {
        const id = await inView(await element(expression))
        await pointer([{ type: 'pointerMove', origin: { [ELEMENT]: id }, x: 0, y: 0 }])
      }),
    keyDown: (key) => focused(() => keys([{ type: 'keyDown', value: keyValue(key) }])).then(() => {}),
    keyUp: (key) => focused(() => keys([{ type: 'keyUp', value: keyValue(key) }])).then(() => {}),
    type: (text) =>
      focused(() =>
        keys(
          [...text].flatMap((value) => [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ]),
        ),
      ).then(() => {}),
    focus: () => focused(async () => {}),
    setViewport: ({ width, height }) => top(() => session.send('POST', '/window/rect', { width, height })).then(() => {}),
    screenshot: async () => Buffer.from((await top(() => session.send('GET', '/screenshot'))) as string, 'base64'),
    close: () =>
      focused(async () => {
        await session.send('DELETE', '/window')
        session.closed(handle)
      }),
  }
}

function firstLine(child: ChildProcess, stream: Readable, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    stream.on('data', (chunk: Buffer) => {
      text += chunk
      if (text.includes('\n')) resolve(text.trim())
    })
    child.once('exit', (code) => reject(new Error(`react-connect-hub tests: ${name} exited (${code}) before it was ready`)))
    child.once('error', reject)
  })
}

async function untilListening(driver: ChildProcess, base: string): Promise<void> {
  let exited: Error | undefined
  let stderr = ''
  driver.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk
  })
  driver.once('exit', (code) => {
    exited = new Error(`react-connect-hub tests: WebKitWebDriver exited (${code}) before it listened: ${stderr.trim()}`)
  })
  driver.once('error', (error) => {
    exited = error
  })
  // The driver prints nothing when it is ready: poll its status endpoint until it answers.
  for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (exited) throw exited
    if (
      await send(base, 'GET', '/status').then(
        () => true,
        () => false,
      )
    )
      return
  }
  throw new Error(`react-connect-hub tests: WebKitWebDriver did not listen on ${base} within 30 s: ${stderr.trim()}`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}
