import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ConnectHubError } from '../../../src/errors.ts'
import { createLauncher } from '../../../src/launcher/launcher.ts'
import type { ConnectHubOptions } from '../../../src/launcher/types.ts'
import type { GetToken } from '../../../src/token/token.ts'
import { fakeHost } from './fakeHub.ts'
import { LOADED_MODULES } from './modules.ts'

// React-free: the launcher driven directly, with a hand-driven hub and fake timers. jsdom has no showModal:
// the dialog's open attribute stands in for the top layer.
const dialogProto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>
beforeAll(() => {
  dialogProto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  dialogProto.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
})
afterAll(() => {
  delete dialogProto.showModal
  delete dialogProto.close
})

let launchers: ReturnType<typeof createLauncher>[] = []
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') })
})
afterEach(() => {
  for (const launcher of launchers) launcher.destroy()
  launchers = []
  vi.useRealTimers()
  vi.restoreAllMocks()
  expect(document.querySelectorAll('dialog, .rch-root')).toHaveLength(0)
})

/** Lets promises and microtasks settle (validation, getToken's answer) without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0)
const TOKEN = `tok_${'x'.repeat(24)}`

function launch(host = fakeHost()) {
  // The session schema (with the token request), the iframe hub and the error texts, handed over loaded: every test below
  // settles in microtasks.
  const launcher = createLauncher(host.options, LOADED_MODULES)
  launchers.push(launcher)
  const statuses: string[] = []
  launcher.subscribe(() => statuses.push(launcher.getState().status))
  const dialog = () => document.querySelector('dialog')
  return { ...host, launcher, statuses, dialog, status: () => launcher.getState().status }
}

/** Opens and brings the hub to `open`: validated, token delivered, hub ready. */
async function openReady(t = launch()) {
  t.launcher.open()
  await settle()
  t.answer(TOKEN)
  await settle()
  t.hubs.last.context.callbacks.ready()
  return t
}

describe('given a launcher and a hub → open goes through validating, fetching-token, loading-hub and open', () => {
  it('when opened and everything answers in turn → each phase in order, the token handed to the hub once', async () => {
    const t = launch()
    t.launcher.open()
    expect(t.launcher.getState()).toEqual({ status: 'fetching-token', error: null, isOpen: true })
    expect(t.dialog()?.open).toBe(true)
    expect(t.dialog()?.dataset.state).toBe('loading')
    expect(t.hubs.made).toHaveLength(1)
    expect(t.getToken).not.toHaveBeenCalled()

    await settle()
    expect(t.getToken).toHaveBeenCalledTimes(1)
    expect(t.requests[0]?.session).toEqual({ provider: 'hibob' })

    t.answer(TOKEN)
    await settle()
    expect(t.status()).toBe('opening')
    expect(t.hubs.last.started).toEqual([[TOKEN, { provider: 'hibob' }]])

    t.hubs.last.context.callbacks.ready()
    expect(t.status()).toBe('open')
    expect(t.dialog()?.dataset.state).toBe('open')
    expect(t.hubs.last.focused).toBe(1)
    expect(t.statuses).toEqual(['fetching-token', 'opening', 'open'])
    expect(t.types()).toEqual(['hub_opened', 'token_requested', 'token_received', 'hub_ready'])
  })

  it('when the hub says ready before the token arrives → fetching-token, then open at once', async () => {
    const t = launch()
    t.launcher.open()
    t.hubs.last.context.callbacks.ready()
    await settle()
    expect(t.status()).toBe('fetching-token')
    t.answer(TOKEN)
    await settle()
    expect(t.statuses).toEqual(['fetching-token', 'open'])
  })

  it('when opened while open → nothing happens', async () => {
    const t = await openReady()
    t.launcher.open()
    await settle()
    expect(t.hubs.made).toHaveLength(1)
    expect(t.getToken).toHaveBeenCalledTimes(1)
  })

  it('when another launcher on the page has a hub on screen → open is blocked', async () => {
    await openReady()
    const second = launch()
    second.launcher.open()
    expect(second.types()).toEqual(['open_blocked'])
    expect(second.status()).toBe('idle')
    expect(document.querySelectorAll('dialog')).toHaveLength(1)
  })
})

describe('given a prefetch → the run is hidden until open', () => {
  it('when prefetched → token and hub are ready, status stays idle; open shows the same hub with the same token', async () => {
    const t = launch()
    t.launcher.prefetch()
    await settle()
    t.answer(TOKEN)
    await settle()
    t.hubs.last.context.callbacks.ready()
    expect(t.status()).toBe('idle')
    expect(t.dialog()?.open).toBe(false)
    expect(t.hubs.last.focused).toBe(0)

    t.launcher.open()
    expect(t.status()).toBe('open')
    expect(t.dialog()?.open).toBe(true)
    expect(t.hubs.made).toHaveLength(1)
    expect(t.getToken).toHaveBeenCalledTimes(1)
  })

  it('when prefetched twice → one run, one token request', async () => {
    const t = launch()
    t.launcher.prefetch()
    t.launcher.prefetch()
    await settle()
    expect(t.hubs.made).toHaveLength(1)
    expect(t.getToken).toHaveBeenCalledTimes(1)
  })

  it('when the prefetched token went stale before the click → open refreshes it (stale) and hands it over', async () => {
    const t = launch()
    t.launcher.prefetch()
    await settle()
    t.requests[0]?.resolve({ token: TOKEN, expiresAt: Date.now() + 60_000 } as unknown as string)
    await settle()
    t.hubs.last.context.callbacks.ready()
    vi.advanceTimersByTime(60_000)
    t.launcher.open()
    await settle()
    t.answer('tok_fresh_xxxxxxxxxxxxxxxx')
    await settle()
    expect(t.events.find((event) => event.type === 'token_refreshed')).toMatchObject({ reason: 'stale' })
    expect(t.hubs.last.refreshed).toEqual(['tok_fresh_xxxxxxxxxxxxxxxx'])
  })

  it('when a prefetch fails → it is dropped quietly, and the click tries again and reports', async () => {
    const t = launch()
    t.launcher.prefetch()
    await settle()
    t.requests[0]?.reject(new Error('down'))
    await settle()
    expect(t.hubs.last.destroyed).toBe(true)
    expect(t.calls).toEqual([])
    expect(document.querySelector('dialog')).toBeNull()

    t.launcher.open()
    await settle()
    t.requests[1]?.reject(new Error('down again'))
    await settle()
    expect(t.launcher.getState()).toMatchObject({ status: 'error', error: { code: 'token_failed' } })
    expect(t.calls).toEqual(['error'])
  })

  it('when a hidden hub reports success or cancel → ignored as hidden', async () => {
    const t = launch()
    t.launcher.prefetch()
    t.hubs.last.context.callbacks.success({ id: 'acc', provider: 'p' }, 'create')
    t.hubs.last.context.callbacks.cancel()
    expect(t.events.filter((event) => event.type === 'message_ignored')).toEqual([
      expect.objectContaining({ reason: 'hidden' }),
      expect.objectContaining({ reason: 'hidden' }),
    ])
    expect(t.calls).toEqual([])
  })
})

describe('given an open hub → success, cancel and close end the run', () => {
  it('when the hub reports success → onSuccess then onClose, idle, the hub removed; the next open asks for a new token', async () => {
    const t = await openReady()
    const first = t.hubs.last
    first.context.callbacks.success({ id: 'acc_1', provider: 'hibob' }, 'create')
    first.context.callbacks.success({ id: 'acc_1', provider: 'hibob' }, 'create')
    expect(t.calls).toEqual(['success', 'close'])
    expect(t.options.onSuccess).toHaveBeenCalledWith({ accountId: 'acc_1', provider: 'hibob', mode: 'create' })
    expect(t.status()).toBe('idle')
    expect(first.destroyed).toBe(true)
    expect(t.dialog()).toBeNull()

    t.launcher.open()
    await settle()
    expect(t.getToken).toHaveBeenCalledTimes(2)
  })

  it('when the hub cancels → onCancel then onClose', async () => {
    const t = await openReady()
    t.hubs.last.context.callbacks.cancel()
    expect(t.calls).toEqual(['cancel', 'close'])
    expect(t.types().slice(-2)).toEqual(['cancel', 'close'])
  })

  it('when closed twice → one dismissal; the next open asks for a new token', async () => {
    const t = await openReady()
    t.launcher.close()
    t.launcher.close()
    expect(t.calls).toEqual(['cancel', 'close'])
    t.launcher.open()
    await settle()
    expect(t.getToken).toHaveBeenCalledTimes(2)
  })

  it('when closed while the token loads → its signal aborts and a late answer changes nothing', async () => {
    const t = launch()
    t.launcher.open()
    await settle()
    t.launcher.close()
    expect(t.requests[0]?.signal.aborted).toBe(true)
    t.answer(TOKEN, 0)
    await settle()
    expect(t.hubs.last.started).toEqual([])
    expect(t.status()).toBe('idle')
  })

  it('when destroyed (unmount) → everything is removed without a callback', async () => {
    const t = launch()
    t.launcher.open()
    await settle()
    t.launcher.destroy()
    expect(t.requests[0]?.signal.aborted).toBe(true)
    expect(t.hubs.last.destroyed).toBe(true)
    expect(t.calls).toEqual([])
    expect(t.status()).toBe('idle')
  })
})

describe('given failures → the error phase, and Retry', () => {
  it('when the session options are invalid → invalid_session, no token requested', async () => {
    const t = launch(fakeHost({ categories: ['nope' as 'hris'] }))
    t.launcher.open()
    await settle()
    expect(t.launcher.getState()).toMatchObject({ status: 'error', isOpen: true, error: { code: 'invalid_session' } })
    expect(t.getToken).not.toHaveBeenCalled()
    expect(t.dialog()?.dataset.state).toBe('error')
  })

  it('when the hub never says ready → hub_unavailable after hubTimeout; Retry loads a new hub with the same fresh token', async () => {
    const t = launch(fakeHost({ hubTimeout: 1000 }))
    t.launcher.open()
    await settle()
    t.answer(TOKEN)
    await settle()
    vi.advanceTimersByTime(999)
    expect(t.status()).toBe('opening')
    vi.advanceTimersByTime(1)
    expect(t.launcher.getState()).toMatchObject({ status: 'error', error: { code: 'hub_unavailable' } })
    expect(t.hubs.last.destroyed).toBe(true)
    expect(t.launcher.getState().error?.detail).toBe('the hub did not answer within 1000 ms — check hubUrl and that the hub page loads')
    await settle()
    // The person connecting reads plain words; the detail went to onError (or the console).
    expect(t.dialog()?.querySelector('.rch-error-message')?.textContent).toBe(
      "The connection service isn't responding. Please try again in a moment.",
    )
    expect(t.dialog()?.querySelector('.rch-error-detail')).toBeNull()

    t.dialog()?.querySelector<HTMLButtonElement>('.rch-retry')?.click()
    expect(t.status()).toBe('opening')
    expect(t.hubs.made).toHaveLength(2)
    expect(t.hubs.last.started).toEqual([[TOKEN, { provider: 'hibob' }]])
    t.hubs.last.context.callbacks.ready()
    expect(t.status()).toBe('open')
    expect(t.getToken).toHaveBeenCalledTimes(1)
    expect(t.statuses).toEqual(['fetching-token', 'opening', 'error', 'opening', 'open'])
  })

  it('when getToken rejects → token_failed; Retry asks getToken again', async () => {
    const t = launch()
    t.launcher.open()
    await settle()
    t.requests[0]?.reject(new Error('backend down'))
    await settle()
    expect(t.launcher.getState().error).toMatchObject({ code: 'token_failed', detail: 'getToken failed: backend down' })
    t.dialog()?.querySelector<HTMLButtonElement>('.rch-retry')?.click()
    expect(t.status()).toBe('fetching-token')
    await settle()
    expect(t.getToken).toHaveBeenCalledTimes(2)
    t.answer(TOKEN)
    await settle()
    t.hubs.last.context.callbacks.ready()
    expect(t.status()).toBe('open')
  })

  it('when getToken hangs past tokenTimeout → token_timeout', async () => {
    const t = launch(fakeHost({ tokenTimeout: 500 }))
    t.launcher.open()
    await settle()
    await vi.advanceTimersByTimeAsync(500)
    expect(t.launcher.getState().error?.code).toBe('token_timeout')
    expect(t.requests[0]?.signal.aborted).toBe(true)
  })

  it('when the hub reports an error → hub_error; onError once', async () => {
    const t = await openReady()
    t.hubs.last.context.callbacks.error(new ConnectHubError('hub_error', 'the hub reported boom: broke'))
    expect(t.launcher.getState().error?.code).toBe('hub_error')
    expect(t.calls).toEqual(['error'])
    expect(t.types()).toContain('error')
  })

  it('when the error phase is closed → a cancel, and idle', async () => {
    const t = await openReady()
    t.hubs.last.context.callbacks.error(new ConnectHubError('hub_error', 'broke'))
    t.launcher.close()
    expect(t.calls).toEqual(['error', 'cancel', 'close'])
    expect(t.launcher.getState()).toEqual({ status: 'idle', error: null, isOpen: false })
  })
})

describe('given an open hub whose token expires', () => {
  it('when the hub reports token_expired → one refresh handed over; a second one within 10 s → token_expired', async () => {
    const t = await openReady()
    t.hubs.last.context.callbacks.tokenExpired()
    await settle()
    t.answer('tok_2_xxxxxxxxxxxxxxxxxxxxxxxx')
    await settle()
    expect(t.hubs.last.refreshed).toEqual(['tok_2_xxxxxxxxxxxxxxxxxxxxxxxx'])
    expect(t.events.find((event) => event.type === 'token_refreshed')).toMatchObject({ reason: 'expired' })
    expect(t.status()).toBe('open')

    vi.advanceTimersByTime(9_999)
    t.hubs.last.context.callbacks.tokenExpired()
    expect(t.launcher.getState().error?.code).toBe('token_expired')
    expect(t.getToken).toHaveBeenCalledTimes(2)
  })

  it('when it expires again after the window → another refresh', async () => {
    const t = await openReady()
    t.hubs.last.context.callbacks.tokenExpired()
    await settle()
    t.answer('tok_2_xxxxxxxxxxxxxxxxxxxxxxxx')
    await settle()
    vi.advanceTimersByTime(10_000)
    t.hubs.last.context.callbacks.tokenExpired()
    await settle()
    expect(t.getToken).toHaveBeenCalledTimes(3)
    expect(t.status()).toBe('open')
  })
})

describe('given new options → a token serves one user', () => {
  it('when identity changes while prefetched → the hidden run is dropped and its request aborted', async () => {
    const t = launch(fakeHost({ identity: 'alice' }))
    t.launcher.prefetch()
    await settle()
    t.launcher.setOptions({ ...t.options, identity: 'bob' })
    expect(t.requests[0]?.signal.aborted).toBe(true)
    expect(t.hubs.last.destroyed).toBe(true)
    t.launcher.open()
    await settle()
    expect(t.getToken).toHaveBeenCalledTimes(2)
  })

  it('when identity is given and only getToken changes (another organisation, same user) → the prefetch and its token are dropped', async () => {
    const t = launch(fakeHost({ identity: 'alice' }))
    t.launcher.prefetch()
    await settle()
    t.answer(TOKEN)
    await settle()
    t.hubs.last.context.callbacks.ready()
    const orgB = vi.fn<GetToken>((...args) => t.getToken(...args))
    t.launcher.setOptions({ ...t.options, getToken: orgB })
    expect(t.hubs.last.destroyed).toBe(true)
    t.launcher.open()
    await settle()
    expect(orgB).toHaveBeenCalledTimes(1)
    t.answer('tok_org_b_xxxxxxxxxxxxxxxxxxx')
    await settle()
    expect(t.hubs.made).toHaveLength(2)
    expect(t.hubs.last.started).toEqual([['tok_org_b_xxxxxxxxxxxxxxxxxxx', { provider: 'hibob' }]])
  })

  it('when a stable getToken and unchanged inputs come with a re-render → the prefetched hub opens with its token, no second request', async () => {
    const t = launch()
    t.launcher.prefetch()
    await settle()
    t.answer(TOKEN)
    await settle()
    t.hubs.last.context.callbacks.ready()
    t.launcher.setOptions({ ...t.options, onSuccess: () => {}, appearance: undefined })
    t.launcher.open()
    expect(t.status()).toBe('open')
    expect(t.hubs.made).toHaveLength(1)
    expect(t.hubs.last.started).toEqual([[TOKEN, { provider: 'hibob' }]])
    expect(t.getToken).toHaveBeenCalledTimes(1)
  })

  it.each<[string, (hub: ReturnType<typeof fakeHost>['hubs']) => Partial<ConnectHubOptions>]>([
    ['hub', (hubs) => ({ hub: (context) => hubs.factory(context) })],
    ['display', () => ({ display: 'inline' })],
    ['locale', () => ({ locale: 'de' })],
    ['appearance', () => ({ appearance: { colorScheme: 'dark' } })],
  ])('when %s changes while prefetched → the pre-loaded hub is dropped; the click shows a new one with a new token', async (_, change) => {
    const t = launch()
    t.launcher.prefetch()
    await settle()
    t.answer(TOKEN)
    await settle()
    const first = t.hubs.last
    t.launcher.setOptions({ ...t.options, ...change(t.hubs) })
    expect(first.destroyed).toBe(true)
    t.launcher.open()
    await settle()
    t.answer('tok_new_xxxxxxxxxxxxxxxxxxxxx')
    await settle()
    expect(t.hubs.made).toHaveLength(2)
    expect(t.hubs.last.started).toEqual([['tok_new_xxxxxxxxxxxxxxxxxxxxx', { provider: 'hibob' }]])
    expect(t.getToken).toHaveBeenCalledTimes(2)
  })

  it('when an inline getToken is re-created on every render of one open → exactly one request', async () => {
    const t = launch()
    t.launcher.open()
    for (let i = 0; i < 5; i++) t.launcher.setOptions({ ...t.options, getToken: (...args) => t.getToken(...args) })
    await settle()
    for (let i = 0; i < 5; i++) t.launcher.setOptions({ ...t.options, getToken: (...args) => t.getToken(...args) })
    t.answer(TOKEN)
    await settle()
    t.hubs.last.context.callbacks.ready()
    expect(t.status()).toBe('open')
    expect(t.getToken).toHaveBeenCalledTimes(1)
  })

  it('when no identity is given and getToken changes → the prefetch is dropped, but a hub on screen stays', async () => {
    const t = launch()
    t.launcher.prefetch()
    await settle()
    t.launcher.setOptions({ ...t.options, getToken: (...args) => t.getToken(...args) })
    expect(t.hubs.last.destroyed).toBe(true)

    await openReady(t)
    t.launcher.setOptions({ ...t.options, getToken: (...args) => t.getToken(...args) })
    expect(t.status()).toBe('open')
  })

  it('when identity changes while the hub is on screen → it closes as a cancel', async () => {
    const t = await openReady(launch(fakeHost({ identity: 1 })))
    t.launcher.setOptions({ ...t.options, identity: 2 })
    expect(t.calls).toEqual(['cancel', 'close'])
    expect(t.status()).toBe('idle')
  })

  it('when the session options change while prefetched → the hidden run is dropped', async () => {
    const t = launch()
    t.launcher.prefetch()
    t.launcher.setOptions({ ...t.options, provider: 'personio' })
    expect(t.hubs.last.destroyed).toBe(true)
    t.launcher.setOptions({ ...t.options, provider: 'personio', onSuccess: () => {} })
    t.launcher.prefetch()
    await settle()
    expect(t.requests.at(-1)?.session).toEqual({ provider: 'personio' })
  })
})

describe('given the hub contract → only the launcher reports ignored messages', () => {
  it('when a hub sends an analytics event named message_ignored → it is a hub_event like any other', async () => {
    const t = await openReady()
    t.hubs.last.context.callbacks.event('message_ignored', { reason: 'origin', origin: 'https://evil.example' })
    expect(t.events.filter((event) => event.type === 'message_ignored')).toEqual([])
    expect(t.events.at(-1)).toMatchObject({ type: 'hub_event', name: 'message_ignored' })
  })

  it('when the transport rejects a message → message_ignored with its reason and origin', async () => {
    const t = await openReady()
    t.hubs.last.context.callbacks.rejected('origin', 'https://evil.example')
    expect(t.events.at(-1)).toMatchObject({ type: 'message_ignored', reason: 'origin', origin: 'https://evil.example' })
  })

  it('when a replaced hub still reports → nothing reaches the host', async () => {
    const t = launch(fakeHost({ hubTimeout: 100 }))
    t.launcher.open()
    vi.advanceTimersByTime(100)
    const old = t.hubs.last
    t.dialog()?.querySelector<HTMLButtonElement>('.rch-retry')?.click()
    const before = t.events.length
    old.context.callbacks.success({ id: 'acc', provider: 'p' }, 'create')
    old.context.callbacks.event('late')
    old.context.callbacks.ready()
    expect(t.events.length).toBe(before)
    expect(t.calls).toEqual(['error'])
  })
})

describe('given a hubUrl that changes while an error shows', () => {
  it('when Retry meets a javascript: hubUrl → it never throws, the dialog says why; a good hubUrl then loads', async () => {
    // jsdom loads no page and the iframe hub refuses it (see the jsdom tests): said to be a browser, it makes its frame.
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0')
    const host = fakeHost({ hub: undefined, hubUrl: 'https://hub.example.test/connect', hubTimeout: 100, showErrorDetails: true })
    const t = launch(host)
    t.launcher.open()
    vi.advanceTimersByTime(100)
    expect(t.launcher.getState().error?.code).toBe('hub_unavailable')

    t.launcher.setOptions({ ...host.options, hubUrl: 'javascript:alert(1)' })
    const retry = () => t.dialog()?.querySelector<HTMLButtonElement>('.rch-retry')?.click()
    expect(retry).not.toThrow()
    expect(t.launcher.getState().error).toMatchObject({ code: 'hub_unavailable', detail: expect.stringMatching(/must be an https: URL/) })
    await settle()
    expect(t.dialog()?.querySelector('.rch-error-detail')?.textContent).toMatch(/not javascript:/)
    expect(document.querySelector('iframe')).toBeNull()

    t.launcher.setOptions({ ...host.options, hubUrl: 'https://hub.example.test/connect' })
    retry()
    expect(t.status()).toBe('fetching-token')
    expect(document.querySelector('iframe')?.src).toMatch(/^https:\/\/hub\.example\.test\/connect\?v=1&origin=/)
  })
})

describe('given a hub that says ready again (it reloaded)', () => {
  it('when its token is still fresh → init again (start) with that token and the session, no new request', async () => {
    const t = await openReady()
    t.hubs.last.context.callbacks.ready()
    expect(t.hubs.last.started).toEqual([
      [TOKEN, { provider: 'hibob' }],
      [TOKEN, { provider: 'hibob' }],
    ])
    expect(t.getToken).toHaveBeenCalledTimes(1)
    expect(t.status()).toBe('open')
  })

  it('when its token went stale → one request, and init again with the new token', async () => {
    const t = await openReady()
    vi.advanceTimersByTime(30 * 60_000)
    t.hubs.last.context.callbacks.ready()
    t.hubs.last.context.callbacks.ready()
    await settle()
    expect(t.getToken).toHaveBeenCalledTimes(2)
    t.answer('tok_fresh_xxxxxxxxxxxxxxxxxxx')
    await settle()
    expect(t.hubs.last.started.at(-1)).toEqual(['tok_fresh_xxxxxxxxxxxxxxxxxxx', { provider: 'hibob' }])
    expect(t.hubs.last.refreshed).toEqual([])
  })

  it('when it reloads more than three times within a minute → hub_unavailable with Retry; Retry loads a new hub', async () => {
    const t = await openReady()
    for (let i = 0; i < 3; i++) t.hubs.last.context.callbacks.ready()
    expect(t.status()).toBe('open')
    t.hubs.last.context.callbacks.ready()
    expect(t.launcher.getState().error).toMatchObject({ code: 'hub_unavailable', detail: expect.stringMatching(/reloaded 4 times/) })
    expect(t.hubs.last.destroyed).toBe(true)
    expect(t.calls).toEqual(['error'])
    t.dialog()?.querySelector<HTMLButtonElement>('.rch-retry')?.click()
    expect(t.hubs.made).toHaveLength(2)
    t.hubs.last.context.callbacks.ready()
    expect(t.status()).toBe('open')
  })

  it('when it reloads now and then, a minute apart → it gets init each time and never fails', async () => {
    const t = await openReady()
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(60_000)
      t.hubs.last.context.callbacks.ready()
      await settle()
      t.answer(`tok_${i}_xxxxxxxxxxxxxxxxxxxxxxxx`)
      await settle()
    }
    expect(t.status()).toBe('open')
    expect(t.hubs.last.started).toHaveLength(7)
  })
})
