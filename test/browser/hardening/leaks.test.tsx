import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { cdp, server } from 'vitest/browser'
import { ConnectButton, type ConnectHubEvent, type GetToken } from '../../../src'
import { frames, guardEachTest, hubOrigin, hubUrl } from '../harness'

guardEachTest()

/**
 * Chromium measures the heap, whose noise needs 1,000 cycles for a 2 KB-per-cycle leak to show. Elsewhere only the
 * listeners, timers and nodes are counted, exactly: one cycle's leak already shows, so 100 cycles are plenty.
 */
const CYCLES = server.browser === 'chromium' ? 1000 : 100
/** Every this many cycles, load the real test hub and wait for ready; the others close as soon as the token arrives, their frame pointed at a 204. */
const FULL_EVERY = 50
/** Heap growth allowed over 1,000 cycles, after a forced GC: 2 KB per cycle would already be a real leak (a frame, a dialog or a closure chain). */
const HEAP_BOUND = 2 * 1024 * 1024

/** Counts the message listeners on window and the live timers created while it is installed. */
function instrument() {
  const listeners = new Set<EventListenerOrEventListenerObject>()
  const timers = new Set<number>()
  const seen = { listeners: 0, timers: 0 }
  const original = {
    add: window.addEventListener,
    remove: window.removeEventListener,
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
  }
  window.addEventListener = function (this: Window, ...args: Parameters<Window['addEventListener']>) {
    if (args[0] === 'message' && args[1]) {
      seen.listeners++
      listeners.add(args[1])
    }
    return original.add.apply(this, args)
  } as Window['addEventListener']
  window.removeEventListener = function (this: Window, ...args: Parameters<Window['removeEventListener']>) {
    if (args[0] === 'message' && args[1]) listeners.delete(args[1])
    return original.remove.apply(this, args)
  } as Window['removeEventListener']
  window.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
    const setTimer = original.setTimeout as unknown as (
      handler: (...args: unknown[]) => void,
      timeout?: number,
      ...rest: unknown[]
    ) => number
    const id = setTimer(
      (...args: unknown[]) => {
        timers.delete(id)
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args)
      },
      timeout,
      ...rest,
    )
    seen.timers++
    timers.add(id)
    return id
  }) as unknown as typeof window.setTimeout
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timers.delete(id)
    original.clearTimeout.call(window, id)
  }) as typeof window.clearTimeout
  const restore = () => {
    window.addEventListener = original.add
    window.removeEventListener = original.remove
    window.setTimeout = original.setTimeout
    window.clearTimeout = original.clearTimeout
  }
  return { listeners, timers, seen, restore }
}

/**
 * Chromium lets the test force a GC and read the heap (CDP). Firefox and WebKit give a page neither (no CDP, and no
 * WebDriver or BiDi command does it), so there the heap is not measured, and the test's name says so.
 */
const HEAP = server.browser === 'chromium'

async function heapUsed(): Promise<number> {
  const session = cdp()
  await session.send('HeapProfiler.collectGarbage')
  await session.send('HeapProfiler.collectGarbage')
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number }
  return usage.usedSize
}

/** What the page looks like to a leak: nodes, styles, attributes of html and body. */
const pageShape = () => ({
  nodes: document.getElementsByTagName('*').length,
  styles: document.querySelectorAll('style, link[rel=stylesheet]').length,
  htmlAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
  bodyAttributes: [...document.body.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
  frames: frames().length,
  dialogs: document.querySelectorAll('dialog').length,
})

let issued = 0
const getToken: GetToken = async () => `tok_${++issued}_${'x'.repeat(24)}`

let onEvent: (event: ConnectHubEvent) => void = () => {}
let url = hubUrl()
let mount: (shown: boolean) => void = () => {}

/** Mounts and unmounts a ConnectButton inside one long-lived React root. */
function Host() {
  const [shown, setShown] = useState(false)
  mount = setShown
  return shown ? (
    <ConnectButton getToken={getToken} hubUrl={url} prefetch="none" onEvent={(event) => onEvent(event)} onCancel={() => {}} />
  ) : null
}

/** mount → open → (token, or hub ready) → close → unmount, waiting on the launcher's own events. */
async function cycle(full: boolean) {
  let reached: () => void = () => {}
  const milestone = new Promise<void>((resolve) => {
    reached = resolve
  })
  onEvent = (event) => {
    if (event.type === (full ? 'hub_ready' : 'token_received')) reached()
  }
  url = full ? hubUrl() : `${hubOrigin}/no-content`
  act(() => mount(true))
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await milestone
  })
  act(() => {
    fireEvent.click(screen.getByRole('button', { name: 'Close' }))
  })
  act(() => mount(false))
  // useConnectHub tears down on the microtask after unmount (StrictMode remounts in between).
  await Promise.resolve()
}

// 1,000 cycles take 20-35 s alone; the limit is for a machine running every project at once.
describe(`given ${CYCLES.toLocaleString('en')} cycles of mount → open → close → unmount`, () => {
  const outcome = 'when they are done → no message listener, timer, frame, dialog or style is left behind'
  const heap = HEAP
    ? ', and the heap grows less than 2 MB'
    : ` (the heap is measured in Chromium only: ${server.browser} offers no forced GC or heap size to a test)`
  it(`${outcome}${heap}`, async () => {
    render(<Host />)
    for (let i = 0; i < 20; i++) await cycle(i % 10 === 0)
    const shape = pageShape()
    const heapBefore = HEAP ? await heapUsed() : 0
    const probe = instrument()
    const started = performance.now()
    try {
      for (let i = 0; i < CYCLES; i++) await cycle(i % FULL_EVERY === 0)
    } finally {
      probe.restore()
    }
    const elapsed = performance.now() - started
    // The probe saw every hub's listener and timers come and go.
    expect(probe.seen.listeners).toBeGreaterThanOrEqual(CYCLES)
    expect(probe.seen.timers).toBeGreaterThanOrEqual(CYCLES)
    expect(probe.listeners.size).toBe(0)
    expect(probe.timers.size).toBe(0)
    expect(pageShape()).toEqual(shape)
    if (!HEAP) {
      console.info(`[hardening] ${server.browser}: ${CYCLES} cycles in ${Math.round(elapsed)} ms`)
      return
    }
    const growth = (await heapUsed()) - heapBefore
    console.info(
      `[hardening] chromium: ${CYCLES} cycles in ${Math.round(elapsed)} ms: heap ${(heapBefore / 1024 / 1024).toFixed(2)} MB before, growth ${(growth / 1024).toFixed(0)} KB (bound ${HEAP_BOUND / 1024} KB)`,
    )
    expect(growth).toBeLessThan(HEAP_BOUND)
  }, 240_000)
})
