import type { ConnectHubError } from '../errors.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'
import type { Token } from '../token/token.ts'
import type { ChromeState } from './chrome.ts'
import { type ConnectHubState, IDLE } from './types.ts'

type Session = NormalizedConnectSessionOptions

/**
 * Where the launcher is. A run is one open, or the prefetch that the next open takes over: it validates the
 * session, then fetches the token while the hub loads, and is `open` once the hub said ready and has the token.
 * `shown` is whether the run is on screen: a prefetched run is not, and a failure drops it instead of showing.
 */
export type Phase =
  | { name: 'idle' }
  | { name: 'validating'; shown: boolean; hubReady: boolean }
  | { name: 'fetching-token'; shown: boolean; hubReady: boolean; session: Session }
  | { name: 'loading-hub'; shown: boolean; session: Session; token: Token }
  | { name: 'open'; shown: boolean; session: Session; token: Token }
  | { name: 'error'; shown: true; error: ConnectHubError; session: Session | undefined; token: Token | undefined }

/** Everything that moves the launcher from one phase to another. */
export type Action =
  /** A run begins: a prefetch (hidden) or an open (shown). */
  | { type: 'start'; shown: boolean }
  /** `open()` takes over a prefetched run. */
  | { type: 'show' }
  | { type: 'validated'; session: Session }
  /** A token arrived: the first of the run, or a refreshed one. */
  | { type: 'token'; token: Token }
  | { type: 'hub-ready' }
  | { type: 'fail'; error: ConnectHubError }
  /** Retry: a new hub loads; `token` is the run's token if it is still fresh. */
  | { type: 'retry'; token: Token | undefined }

export const IDLE_PHASE: Phase = { name: 'idle' }

/**
 * A failure of the token itself (`token_failed`, `token_timeout`, `invalid_token`, `token_expired`: the codes that
 * name the token): Retry must ask `getToken` again rather than hand the same token over.
 */
const isTokenFailure = (error: ConnectHubError) => error.code.includes('token')

/** The one place where the phase changes. Pure: the run performs what follows from each transition. */
export function reduce(phase: Phase, action: Action): Phase {
  switch (action.type) {
    case 'start':
      return phase.name === 'idle' ? { name: 'validating', shown: action.shown, hubReady: false } : phase
    case 'show':
      return phase.name === 'idle' || phase.shown ? phase : { ...phase, shown: true }
    case 'validated':
      if (phase.name === 'validating')
        return { name: 'fetching-token', shown: phase.shown, hubReady: phase.hubReady, session: action.session }
      return phase.name === 'error' && !phase.session ? { ...phase, session: action.session } : phase
    case 'token':
      if (phase.name === 'fetching-token') {
        const { shown, session } = phase
        return { name: phase.hubReady ? 'open' : 'loading-hub', shown, session, token: action.token }
      }
      return phase.name === 'loading-hub' || phase.name === 'open' || phase.name === 'error' ? { ...phase, token: action.token } : phase
    case 'hub-ready':
      if (phase.name === 'validating' || phase.name === 'fetching-token') return { ...phase, hubReady: true }
      return phase.name === 'loading-hub' ? { ...phase, name: 'open' } : phase
    case 'fail':
      if (phase.name === 'idle') return phase
      // A prefetch that failed is dropped quietly: the click tries again, and reports.
      if (!phase.shown) return IDLE_PHASE
      return {
        name: 'error',
        shown: true,
        error: action.error,
        session: sessionIn(phase),
        token: isTokenFailure(action.error) ? undefined : tokenIn(phase),
      }
    case 'retry':
      if (phase.name !== 'error') return phase
      if (!phase.session) return { name: 'validating', shown: true, hubReady: false }
      return action.token
        ? { name: 'loading-hub', shown: true, session: phase.session, token: action.token }
        : { name: 'fetching-token', shown: true, hubReady: false, session: phase.session }
  }
}

export { IDLE }

/** What React sees: a run that is not on screen is `idle`. */
export function stateOf(phase: Phase): ConnectHubState {
  if (phase.name === 'idle' || !phase.shown) return IDLE
  if (phase.name === 'error') return { status: 'error', error: phase.error, isOpen: true }
  const status = phase.name === 'open' ? 'open' : phase.name === 'loading-hub' ? 'opening' : 'fetching-token'
  return { status, error: null, isOpen: true }
}

/** The session, once the run validated it. */
export const sessionIn = (phase: Phase): Session | undefined => ('session' in phase ? phase.session : undefined)

/** The run's token, once it arrived. */
export const tokenIn = (phase: Phase): Token | undefined => ('token' in phase ? phase.token : undefined)

/** What the launcher's own frame shows: loading until the hub is ready and has the token. */
export const chromeStateOf = (phase: Phase): ChromeState => (phase.name === 'open' || phase.name === 'error' ? phase.name : 'loading')
