import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectButton } from '../../../src'
import { frames, guardEachTest, hubOrigin, hubUrl, openDialog, recorder } from '../harness'

guardEachTest()

const host = encodeURIComponent(window.location.origin)
/** Well-formed messages that poster.html sends from a window that is not the hub's frame. */
const FORGED = 6
const MB = 'x'.repeat(1024 * 1024)
const ok = { protocol: 'connect-hub', version: 1 }

/** Payloads the hub frame itself sends: each must fail the parser. JSON text, so that __proto__ stays an own key. */
const HOSTILE: string[] = [
  ...[
    { ...ok, protocol: 'connect-hubx', type: 'cancel' },
    { ...ok, protocol: 'Connect-Hub', type: 'cancel' },
    { ...ok, version: 2, type: 'cancel' },
    { ...ok, version: '1', type: 'cancel' },
    { ...ok, version: 0, type: 'cancel' },
    { protocol: 'connect-hub', type: 'cancel' },
    { version: 1, type: 'cancel' },
    { ...ok },
    { ...ok, type: 'init', token: 'tok', session: {} },
    { ...ok, type: 'token', token: 'tok' },
    { ...ok, type: 'close' },
    { ...ok, type: 'CANCEL' },
    { ...ok, type: 'success', account: { id: 'a', provider: 'p' } },
    { ...ok, type: 'success', mode: 'create' },
    { ...ok, type: 'success', account: { id: 'a' }, mode: 'create' },
    { ...ok, type: 'success', account: { id: 'a', provider: 'p', secret: 's' }, mode: 'create' },
    { ...ok, type: 'success', account: { id: 'a', provider: 'p' }, mode: 'create', extra: true },
    { ...ok, type: 'success', account: { id: 1, provider: 'p' }, mode: 'create' },
    { ...ok, type: 'success', account: { id: '', provider: 'p' }, mode: 'create' },
    { ...ok, type: 'success', account: ['a', 'p'], mode: 'create' },
    { ...ok, type: 'success', account: { id: 'a', provider: 'p' }, mode: 'delete' },
    { ...ok, type: 'success', account: { id: MB, provider: 'p' }, mode: 'create' },
    { ...ok, type: 'cancel', reason: 'x' },
    { ...ok, type: 'ready', token: 'tok' },
    { ...ok, type: 'error', code: 'x' },
    { ...ok, type: 'error', code: 7, message: 'm' },
    { ...ok, type: 'error', code: 'x', message: MB },
    { ...ok, type: 'resize', height: '100' },
    { ...ok, type: 'resize', height: -1 },
    { ...ok, type: 'resize', height: 1e9 },
    { ...ok, type: 'event', name: MB },
    { ...ok, type: 'event', name: 'big', data: MB },
    { ...ok, type: 'token_expired', token: 'tok' },
    { ...ok, type: 'constructor' },
    { ...ok, type: 'toString' },
    { ...ok, type: 'hasOwnProperty' },
    { ...ok, type: '__proto__' },
    { ...ok, type: 'success', account: { id: 'a', provider: 'p' }, mode: 'create', constructor: { name: 'x' } },
    [ok.protocol, ok.version, 'cancel'],
    'cancel',
    null,
    42,
  ].map((payload) => JSON.stringify(payload)),
  '{"protocol":"connect-hub","version":1,"type":"success","__proto__":{"account":{"id":"a","provider":"p"},"mode":"create"}}',
  '{"__proto__":{"protocol":"connect-hub","version":1,"type":"cancel"}}',
  '{"protocol":"connect-hub","version":1,"type":"success","account":{"id":"a","provider":"p","__proto__":{}},"mode":"create"}',
  '{"protocol":"connect-hub","version":1,"type":"cancel","__proto__":null}',
]

/** Asks the hub page to post `payloads` (JSON) `times` times, then a valid `harness-done` event; resolves on that event. */
async function postFromHub(t: ReturnType<typeof recorder>, payloads: string[], times = 1) {
  const frame = frames()[0]
  const before = t.hubEvent('harness-done').length
  frame?.contentWindow?.postMessage({ harness: 'post', payloads, times }, hubOrigin)
  await waitFor(() => expect(t.hubEvent('harness-done')).toHaveLength(before + 1), { timeout: 20_000 })
}

async function openHub(t: ReturnType<typeof recorder>) {
  render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} prefetch="none" {...t.callbacks} />)
  await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
  const dialog = await openDialog()
  await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
  return dialog
}

/** The hub is still open and nothing was acted on: no callback, the same state, no extra token request. */
function expectUntouched(t: ReturnType<typeof recorder>, dialog: HTMLElement) {
  expect(t.calls).toEqual([])
  expect(t.getToken).toHaveBeenCalledTimes(1)
  expect(dialog).toHaveAttribute('data-state', 'open')
  expect(screen.getByRole('button', { name: 'Connect' })).toHaveAttribute('data-state', 'open')
  // hub_ready and the token may arrive in either order.
  expect(
    t.events
      .filter((event) => !['message_ignored', 'hub_event'].includes(event.type))
      .map((event) => event.type)
      .sort(),
  ).toEqual(['hub_opened', 'hub_ready', 'token_received', 'token_requested'])
}

async function closeHub(t: ReturnType<typeof recorder>) {
  await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  expect(t.calls).toEqual(['cancel', 'close'])
}

function addFrame(src: string, sandbox?: string) {
  const frame = document.createElement('iframe')
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox)
  frame.src = src
  document.body.append(frame)
  return frame
}

describe('given an open hub and messages from windows that are not its frame', () => {
  it.each([
    ['a frame on the same host, another port', () => inject('hubOriginOtherPort'), 'origin'],
    ['a frame on localhost with the hub’s port (the hub is on 127.0.0.1)', () => inject('hubOriginLocalhost'), 'origin'],
    ['a sibling frame of the hub’s own origin', () => hubOrigin, 'source'],
  ] as const)('when %s posts well-formed messages → none is acted on', async (_, origin, reason) => {
    const t = recorder()
    const dialog = await openHub(t)
    const sibling = addFrame(`${origin()}/poster.html?origin=${host}`)
    await waitFor(() => expect(t.ignored(reason)).toHaveLength(FORGED))
    expect(t.ignored(reason).every((event) => event.origin === origin())).toBe(true)
    sibling.remove()
    expectUntouched(t, dialog)
    await closeHub(t)
  })

  it('when a sandboxed frame without allow-same-origin (origin "null") posts → none is acted on', async () => {
    const t = recorder()
    const dialog = await openHub(t)
    const sandboxed = addFrame(`${hubOrigin}/poster.html?origin=${host}`, 'allow-scripts')
    await waitFor(() => expect(t.ignored('origin')).toHaveLength(FORGED))
    expect(t.ignored('origin').every((event) => event.origin === 'null')).toBe(true)
    sandboxed.remove()
    expectUntouched(t, dialog)
    await closeHub(t)
  })

  it('when a popup of the hub’s origin posts to its opener → none is acted on', async () => {
    const t = recorder()
    const dialog = await openHub(t)
    const popup = window.open(`${hubOrigin}/poster.html?to=opener&origin=${host}`, '_blank')
    expect(popup).not.toBeNull()
    await waitFor(() => expect(t.ignored('source')).toHaveLength(FORGED))
    popup?.close()
    expectUntouched(t, dialog)
    await closeHub(t)
  })

  it('when the host page posts protocol messages to itself → none is acted on', async () => {
    const t = recorder()
    const dialog = await openHub(t)
    for (const type of ['ready', 'cancel', 'token_expired'])
      window.postMessage({ protocol: 'connect-hub', version: 1, type }, window.location.origin)
    window.postMessage(
      { protocol: 'connect-hub', version: 1, type: 'success', account: { id: 'x', provider: 'y' }, mode: 'create' },
      window.location.origin,
    )
    await waitFor(() => expect(t.ignored('origin')).toHaveLength(4))
    expect(t.ignored('origin').every((event) => event.origin === window.location.origin)).toBe(true)
    expectUntouched(t, dialog)
    await closeHub(t)
  })
})

describe('given an open hub whose own frame sends hostile payloads', () => {
  it('when it sends wrong protocols and versions, missing, extra and mistyped fields, 1 MB strings, __proto__ and constructor keys → each is ignored as malformed', async () => {
    const t = recorder()
    const dialog = await openHub(t)
    await postFromHub(t, HOSTILE)
    expect(t.ignored('shape')).toHaveLength(HOSTILE.length)
    expect(t.ignored()).toHaveLength(HOSTILE.length)
    expect(({} as Record<string, unknown>).account).toBeUndefined()
    expect(({} as Record<string, unknown>).mode).toBeUndefined()
    expectUntouched(t, dialog)
    await closeHub(t)
  })

  it('when it sends an analytics event named like the launcher’s own events → it cannot forge a success, a type or a timestamp in onEvent', async () => {
    const t = recorder()
    const dialog = await openHub(t)
    const forged = { type: 'success', accountId: 'forged', provider: 'evil', mode: 'create', timestamp: 0, reason: 'origin', origin: 'x' }
    await postFromHub(t, [
      JSON.stringify({ ...ok, type: 'event', name: 'message_ignored', data: forged }),
      JSON.stringify({ ...ok, type: 'event', name: 'message_ignored', data: 'string data' }),
      JSON.stringify({ ...ok, type: 'event', name: 'success', data: forged }),
    ])
    expect(t.events.filter((event) => event.type === 'success')).toEqual([])
    expect(t.events.every((event) => event.timestamp > 0)).toBe(true)
    const named = t.events.flatMap((event) => (event.type === 'hub_event' ? [event.name] : []))
    expect(named).toEqual(expect.arrayContaining(['message_ignored', 'success']))
    expect(t.ignored().every((event) => Object.keys(event).sort().join() === 'origin,reason,timestamp,type')).toBe(true)
    expectUntouched(t, dialog)
    await closeHub(t)
  })

  it('when its analytics event data carries __proto__, constructor and prototype keys → onEvent gets the data without them, at every depth', async () => {
    const t = recorder()
    const dialog = await openHub(t)
    const data =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"prototype":3,"screen":"catalog",' +
      '"steps":[{"__proto__":{"polluted":4},"name":"a"}],"deep":{"a":{"constructor":5,"b":{"__proto__":null,"c":"d"}}}}'
    await postFromHub(t, [`{"protocol":"connect-hub","version":1,"type":"event","name":"merge-me","data":${data}}`])
    expect(t.hubEvent('merge-me')).toHaveLength(1)
    const received = t.hubEvent('merge-me')[0]?.data as Record<string, unknown>
    expect(JSON.stringify(received)).toBe('{"screen":"catalog","steps":[{"name":"a"}],"deep":{"a":{"b":{"c":"d"}}}}')
    // What a host's analytics code does with it: a naive deep merge into an object of its own.
    const merge = (target: Record<string, unknown>, source: Record<string, unknown>) => {
      for (const key in source) {
        const value = source[key]
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          target[key] ??= {}
          merge(target[key] as Record<string, unknown>, value as Record<string, unknown>)
        } else target[key] = value
      }
    }
    merge({}, received)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(t.ignored()).toEqual([])
    expectUntouched(t, dialog)
    await closeHub(t)
  })

  it('when it floods the host with 10,000 malformed messages → none is acted on and the page stays responsive', async () => {
    const t = recorder()
    const dialog = await openHub(t)
    const flood = HOSTILE.filter((payload) => payload.length < 1024).slice(0, 10)
    const times = 10_000 / flood.length
    const started = performance.now()
    await postFromHub(t, flood, times)
    const delivered = performance.now()
    expect(t.ignored('shape')).toHaveLength(10_000)
    expectUntouched(t, dialog)
    // Responsive, checked by what must still happen rather than by a time: the page paints a frame, the launcher still
    // hears its hub (a message round trip through the frame), and the user's click still closes the dialog.
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const painted = performance.now()
    await postFromHub(t, [])
    const roundTrip = performance.now()
    expect(t.hubEvent('harness-done')).toHaveLength(2)
    expect(t.ignored('shape')).toHaveLength(10_000)
    expectUntouched(t, dialog)
    await closeHub(t)
    expect(screen.queryByRole('dialog')).toBeNull()
    console.info(
      `[hardening] flood of 10,000 messages: handled in ${Math.round(delivered - started)} ms; then a frame painted after ${(painted - delivered).toFixed(1)} ms, a round trip through the hub took ${(roundTrip - painted).toFixed(1)} ms`,
    )
  })
})
