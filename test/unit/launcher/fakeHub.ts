import { vi } from 'vitest'
import type { HubContext, HubFactory, HubInstance } from '../../../src/hub/types.ts'
import type { ConnectHubEvent, ConnectHubOptions, GetToken, NormalizedConnectSessionOptions } from '../../../src/index.ts'

export interface FakeHub extends HubInstance {
  context: HubContext
  started: [string, NormalizedConnectSessionOptions][]
  refreshed: string[]
  focused: number
  destroyed: boolean
}

/** A hub the test drives by hand: it reports what the launcher handed it, and says what the test makes it say. */
export function fakeHubs() {
  const made: FakeHub[] = []
  const factory: HubFactory = (context) => {
    const hub: FakeHub = {
      context,
      started: [],
      refreshed: [],
      focused: 0,
      destroyed: false,
      start: (token, session) => hub.started.push([token, session]),
      refresh: (token) => hub.refreshed.push(token),
      focus: () => hub.focused++,
      destroy: () => {
        hub.destroyed = true
      },
    }
    made.push(hub)
    return hub
  }
  return {
    factory,
    made,
    /** The hub made last. */
    get last(): FakeHub {
      const hub = made.at(-1)
      if (!hub) throw new Error('no hub was made')
      return hub
    },
  }
}

/** A getToken whose calls the test settles by hand, and the options and callbacks that record what happened. */
export function fakeHost(extra: Partial<ConnectHubOptions> = {}) {
  const hubs = fakeHubs()
  const requests: {
    session: NormalizedConnectSessionOptions
    signal: AbortSignal
    resolve(token: string): void
    reject(error: unknown): void
  }[] = []
  const getToken = vi.fn<GetToken>(
    (session, { signal }) => new Promise((resolve, reject) => requests.push({ session, signal, resolve, reject })),
  )
  const events: ConnectHubEvent[] = []
  const calls: string[] = []
  const options: ConnectHubOptions = {
    getToken,
    hub: hubs.factory,
    prefetch: 'none',
    provider: 'hibob',
    onEvent: (event) => events.push(event),
    onSuccess: vi.fn(() => calls.push('success')),
    onCancel: vi.fn(() => calls.push('cancel')),
    onClose: vi.fn(() => calls.push('close')),
    onError: vi.fn(() => calls.push('error')),
    ...extra,
  }
  /** Settles the `n`-th getToken call (the last by default) with a token. */
  const answer = (token: string, n = requests.length - 1) => requests[n]?.resolve(token)
  const types = () => events.map((event) => event.type)
  return { hubs, requests, getToken, events, calls, options, answer, types }
}
