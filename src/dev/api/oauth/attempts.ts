import { randomToken } from '../../tokens.ts'

/** Where a connection attempt stands. `expired` is reached on the clock, the others by an answer or a cancel. */
export type AttemptStatus = 'pending' | 'authorised' | 'denied' | 'cancelled' | 'expired'

/** One try at connecting an account by OAuth: created by a hub, answered at the provider, read back by the hub. */
export interface ConnectionAttempt {
  /** Opaque and unguessable: the only thing the provider window's URL carries. */
  readonly id: string
  /** The OAuth `state` sent to the provider: another random value, so the provider never sees `id`. */
  readonly state: string
  /** The PKCE verifier of the attempt's authorisation request: the provider gets its S256 only, the token endpoint the verifier. */
  readonly codeVerifier: string
  /** The session the attempt belongs to, by its token: it never leaves the server. */
  readonly sessionToken: string
  /** Set at creation by the reference hub, or when StackOne's window opens `/connect/oauth2/{integration_id}`. */
  provider: string | undefined
  /** Edit mode: the account to authorise again. */
  readonly accountId: string | undefined
  readonly createdAt: number
  readonly expiresAt: number
  status: AttemptStatus
  account: { id: string; provider: string } | undefined
  error: { code: string; description: string } | undefined
  /** StackOne's `redirect_uri`: where the window goes once the provider answered. */
  returnTo: string | undefined
}

export interface AttemptStore {
  create(input: { sessionToken: string; sessionExpiresAt: number; provider?: string; accountId?: string }): ConnectionAttempt
  /** The attempt, its status brought up to date with the clock. */
  get(id: string): ConnectionAttempt | undefined
  byState(state: string): ConnectionAttempt | undefined
  /** Moves a pending attempt to its final status and wakes whoever waits on it. Returns `false` when it was not pending. */
  settle(attempt: ConnectionAttempt, outcome: Settlement): boolean
  /** Resolves when the attempt leaves `pending`, after `ms`, or when `signal` aborts, whichever comes first. */
  waitForChange(attempt: ConnectionAttempt, ms: number, signal: AbortSignal): Promise<void>
}

export type Settlement =
  | { status: 'authorised'; account: { id: string; provider: string } }
  | { status: 'denied'; error: { code: string; description: string } }
  | { status: 'cancelled' }

/** Attempts are kept this long after they expire, so that a late answer still finds out why it was refused. */
const KEEP_AFTER_EXPIRY_MS = 10 * 60_000

/** Resolves after `ms`, when `signal` aborts, or when the attempt's waiters are woken, whichever comes first. */
function wait(waiters: Map<string, Set<() => void>>, id: string, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const set = waiters.get(id) ?? new Set()
    waiters.set(id, set)
    const done = () => {
      clearTimeout(timer)
      set.delete(done)
      if (set.size === 0 && waiters.get(id) === set) waiters.delete(id)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    set.add(done)
    signal.addEventListener('abort', done)
  })
}

/** An in-memory attempt store: attempts expire after `ttlMs`, and never after the session they belong to. */
export function createAttemptStore(options: { now: () => number; ttlMs: number }): AttemptStore {
  const { now, ttlMs } = options
  const attempts = new Map<string, ConnectionAttempt>()
  const byState = new Map<string, ConnectionAttempt>()
  const waiters = new Map<string, Set<() => void>>()

  const wake = (attempt: ConnectionAttempt) => {
    for (const waiter of waiters.get(attempt.id) ?? []) waiter()
    waiters.delete(attempt.id)
  }
  const refresh = (attempt: ConnectionAttempt) => {
    if (attempt.status === 'pending' && now() >= attempt.expiresAt) {
      attempt.status = 'expired'
      wake(attempt)
    }
    return attempt
  }
  const prune = () => {
    const before = now() - KEEP_AFTER_EXPIRY_MS
    for (const attempt of attempts.values()) {
      if (attempt.expiresAt < before) {
        attempts.delete(attempt.id)
        byState.delete(attempt.state)
      }
    }
  }

  return {
    create(input) {
      prune()
      const createdAt = now()
      const attempt: ConnectionAttempt = {
        id: randomToken('ca_', 18),
        state: randomToken('st_', 18),
        codeVerifier: randomToken('', 32),
        sessionToken: input.sessionToken,
        provider: input.provider,
        accountId: input.accountId,
        createdAt,
        expiresAt: Math.min(createdAt + ttlMs, input.sessionExpiresAt),
        status: 'pending',
        account: undefined,
        error: undefined,
        returnTo: undefined,
      }
      attempts.set(attempt.id, attempt)
      byState.set(attempt.state, attempt)
      return attempt
    },
    get(id) {
      const attempt = attempts.get(id)
      return attempt && refresh(attempt)
    },
    byState(state) {
      const attempt = byState.get(state)
      return attempt && refresh(attempt)
    },
    settle(attempt, outcome) {
      if (refresh(attempt).status !== 'pending') return false
      attempt.status = outcome.status
      if (outcome.status === 'authorised') attempt.account = outcome.account
      if (outcome.status === 'denied') attempt.error = outcome.error
      wake(attempt)
      return true
    },
    waitForChange(attempt, ms, signal) {
      if (refresh(attempt).status !== 'pending' || ms <= 0 || signal.aborted) return Promise.resolve()
      // Wake at the expiry too, so that a waiting hub hears `expired` as it happens.
      return wait(waiters, attempt.id, Math.min(ms, Math.max(0, attempt.expiresAt - now())), signal)
    },
  }
}
