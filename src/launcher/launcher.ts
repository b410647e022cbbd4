import { ConnectHubError, isConnectHubError } from '../errors.ts'
import { frameHub } from '../hub/frameHub.ts'
import type { HubFactory, HubInstance } from '../hub/types.ts'
import { SESSION_FIELDS } from '../session/fields.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'
import { requestToken as callGetToken, type TokenRequest } from '../token/requestToken.ts'
import { isFresh, type Token } from '../token/token.ts'
import { type Chrome, createChrome } from './chrome.ts'
import { resolveLabels } from './labels.ts'
import type { ConnectHubEvent, ConnectHubOptions, ConnectHubState } from './types.ts'

const DEFAULT_TIMEOUT_MS = 15_000
/** A second `token_expired` this soon after a refresh means refreshing does not help. */
const REFRESH_WINDOW_MS = 10_000

/** The launcher that has a hub on screen: one per page at a time. */
let active: object | undefined

// The session schema (zod) is the largest part of the library: it loads on first use, in parallel
// with the hub iframe, instead of weighing on every page that shows a button.
let parser: Promise<typeof import('../session/parse.ts')> | undefined
export const loadSessionParser = () => {
  parser ??= import('../session/parse.ts')
  return parser
}

interface Run {
  key: string
  /** Set once the options passed validation; the token is requested only then. */
  session: NormalizedConnectSessionOptions | undefined
  chrome: Chrome
  hub: HubInstance | undefined
  hubReady: boolean
  hubTimer: ReturnType<typeof setTimeout> | undefined
  token: Token | undefined
  /** The `getToken` call in flight for this run: the token belongs to this run (one open) alone. */
  pending: TokenRequest | undefined
  started: boolean
  refreshedAt: number
  succeeded: Set<string>
}

const IGNORE_REASONS = ['origin', 'source', 'shape', 'hidden'] as const
type IgnoreReason = (typeof IGNORE_REASONS)[number]

function ignoredReport(data: unknown): { reason: IgnoreReason; origin: string } | undefined {
  const { reason, origin } = (typeof data === 'object' && data !== null ? data : {}) as { reason?: unknown; origin?: unknown }
  return IGNORE_REASONS.includes(reason as IgnoreReason) && typeof origin === 'string'
    ? { reason: reason as IgnoreReason, origin }
    : undefined
}

/** The host named who is signed in, and that changed. */
const identityChanged = (a: ConnectHubOptions, b: ConnectHubOptions) =>
  (a.identity !== undefined || b.identity !== undefined) && !Object.is(a.identity, b.identity)

/**
 * Whether the options may stand for another signed-in user: the `identity` changed or, when the host names
 * none, the `getToken` function did (one bound to another organisation, say).
 */
const userChanged = (a: ConnectHubOptions, b: ConnectHubOptions) =>
  a.identity === undefined && b.identity === undefined ? a.getToken !== b.getToken : !Object.is(a.identity, b.identity)

const IDLE: ConnectHubState = { status: 'idle', error: null, isOpen: false }
const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError'

function sessionOf(options: ConnectHubOptions): Record<string, unknown> {
  const session: Record<string, unknown> = {}
  for (const field of SESSION_FIELDS) if (options[field] !== undefined) session[field] = options[field]
  return session
}

/** A stable key for a session: same options in any key order → same key. */
function keyOf(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  )
}

/**
 * The React-free launcher: validates the session, fetches the token, runs the hub inside the launcher's
 * chrome, and reports through callbacks read from the latest options. `useConnectHub` subscribes to it.
 */
export function createLauncher(initial: ConnectHubOptions) {
  let options = initial
  let state = IDLE
  let run: Run | undefined
  const listeners = new Set<() => void>()
  const self = {}

  function setState(next: Partial<ConnectHubState>) {
    const merged = { ...state, ...next }
    if (merged.status === state.status && merged.error === state.error && merged.isOpen === state.isOpen) return
    state = merged
    for (const listener of listeners) listener()
  }

  /** Runs a host callback; one that throws must not leave a dialog open or a state half-changed. */
  function call<A extends unknown[]>(name: keyof ConnectHubOptions, callback: ((...args: A) => void) | undefined, ...args: A) {
    try {
      callback?.(...args)
    } catch (error) {
      console.error(`react-connect-hub: ${name} threw`, error)
    }
  }

  function emit(event: ConnectHubEvent) {
    call('onEvent', options.onEvent, event)
  }
  const now = () => performance.timeOrigin + performance.now()
  const event = <T extends ConnectHubEvent['type']>(type: T, extra?: Omit<Extract<ConnectHubEvent, { type: T }>, 'type' | 'timestamp'>) =>
    // type and timestamp last: extra fields (some come from a hub) can never override them.
    emit({ ...extra, type, timestamp: now() } as ConnectHubEvent)

  function report(error: ConnectHubError) {
    event('error', { error })
    if (options.onError) call('onError', options.onError, error)
    else console.error(error)
  }

  const sessionKey = () => keyOf(sessionOf(options))

  /** The last options that passed validation, so that a click after `warm()` requests the token at once. */
  let validated: { key: string; session: NormalizedConnectSessionOptions } | undefined

  async function parseOptions(key: string): Promise<NormalizedConnectSessionOptions> {
    if (validated?.key === key) return validated.session
    const { parseConnectSessionOptions } = await loadSessionParser()
    const session = parseConnectSessionOptions(sessionOf(options))
    validated = { key, session }
    return session
  }

  function validate(current: Run) {
    if (validated?.key === current.key) {
      current.session = validated.session
      // A microtask, not a promise chain: still before the browser paints, and after open() shows the dialog.
      queueMicrotask(() => {
        if (current === run) requestToken(current)
      })
      return
    }
    parseOptions(current.key)
      .then((session) => {
        if (current !== run) return
        current.session = session
        requestToken(current)
      })
      .catch((error: unknown) =>
        fail(current, isConnectHubError(error) ? error : new ConnectHubError('invalid_session', String(error), { cause: error })),
      )
  }

  function hubFactory(): HubFactory {
    if (options.hub) return options.hub
    const url = options.hubUrl
    if (!url || !URL.canParse(url)) {
      throw new ConnectHubError('hub_unavailable', `hubUrl ${JSON.stringify(url)} is not an absolute URL — pass the URL of your hub page`)
    }
    return frameHub(url)
  }

  function syncStatus(current: Run) {
    if (current !== run || !current.chrome.shown || state.status === 'error') return
    const ready = current.hubReady && current.started
    current.chrome.setState(ready ? 'open' : 'loading')
    setState({ status: ready ? 'open' : current.token ? 'opening' : 'fetching-token' })
  }

  function fail(current: Run, error: ConnectHubError) {
    if (current !== run) return
    if (!current.chrome.shown) {
      // A prefetch that failed is dropped quietly; the click tries again and reports.
      discard()
      return
    }
    clearTimeout(current.hubTimer)
    // Retry starts a fresh hub; the failed one would only keep loading behind the error.
    current.hub?.destroy()
    current.hub = undefined
    current.chrome.setState('error', error.message.replace(/^react-connect-hub: /, ''))
    setState({ status: 'error', error })
    report(error)
  }

  function requestToken(current: Run, reason?: 'expired' | 'stale') {
    const session = current.session
    // One request at a time per run: double clicks, StrictMode and prefetch + click share it.
    if (!session || current.pending) return
    event('token_requested')
    // The current getToken, read now: after a change of user it is the new user's.
    const request = callGetToken(options.getToken, session, options.tokenTimeout ?? DEFAULT_TIMEOUT_MS)
    current.pending = request
    request.promise.then(
      (token) => {
        if (current.pending === request) current.pending = undefined
        if (current !== run) return
        event(reason ? 'token_refreshed' : 'token_received', reason ? { reason } : undefined)
        deliver(current, token)
      },
      (error: unknown) => {
        if (current.pending === request) current.pending = undefined
        if (isAbort(error)) return
        fail(current, isConnectHubError(error) ? error : new ConnectHubError('token_failed', String(error), { cause: error }))
      },
    )
  }

  function deliver(current: Run, token: Token) {
    current.token = token
    if (current.started) current.hub?.refresh(token.token)
    else {
      current.started = true
      if (current.session) current.hub?.start(token.token, current.session)
    }
    syncStatus(current)
  }

  // A pre-loaded hub is not on screen: no user can have connected or cancelled in it.
  const ignoreHidden = () => event('message_ignored', { reason: 'hidden', origin: '' })

  function startHub(current: Run) {
    current.hubReady = false
    const timeout = options.hubTimeout ?? DEFAULT_TIMEOUT_MS
    current.hubTimer = setTimeout(
      () =>
        fail(
          current,
          new ConnectHubError('hub_unavailable', `the hub did not answer within ${timeout} ms — check hubUrl and that the hub page loads`),
        ),
      timeout,
    )
    current.hub = hubFactory()({
      display: options.display ?? 'modal',
      container: current.chrome.body,
      title: resolveLabels(options.labels, options.accountId !== undefined).title,
      callbacks: {
        ready() {
          if (current !== run) return
          clearTimeout(current.hubTimer)
          current.hubReady = true
          event('hub_ready')
          syncStatus(current)
          if (current.chrome.shown) current.hub?.focus()
        },
        success(account, mode) {
          if (current !== run || current.succeeded.has(account.id)) return
          if (!current.chrome.shown) return ignoreHidden()
          current.succeeded.add(account.id)
          const result = { accountId: account.id, provider: account.provider, mode }
          event('success', result)
          call('onSuccess', options.onSuccess, result)
          finish(true)
        },
        cancel() {
          if (current !== run) return
          if (!current.chrome.shown) return ignoreHidden()
          finish(false)
        },
        error(error) {
          fail(current, error)
        },
        tokenExpired() {
          if (current !== run) return
          const at = Date.now()
          if (at - current.refreshedAt < REFRESH_WINDOW_MS) {
            fail(
              current,
              new ConnectHubError('token_expired', 'the hub rejected a freshly refreshed token — check the token your backend returns'),
            )
            return
          }
          current.refreshedAt = at
          requestToken(current, 'expired')
        },
        resize(height) {
          if (current === run && options.display === 'inline') current.chrome.setHeight(height)
        },
        event(name, data) {
          if (current !== run) return
          // A hub may name its own analytics event anything: only a well-formed report becomes message_ignored,
          // and only its two fields are kept.
          const ignored = name === 'message_ignored' ? ignoredReport(data) : undefined
          if (ignored) event('message_ignored', ignored)
          else event('hub_event', data === undefined ? { name } : { name, data })
        },
      },
    })
  }

  /** Creates the chrome, the hub and the token request for the current session, hidden until shown. */
  function ensureRun(): Run {
    const key = sessionKey()
    if (run && run.key !== key && !run.chrome.shown) discard()
    if (run) return run
    const labels = resolveLabels(options.labels, options.accountId !== undefined)
    const current: Run = {
      key,
      session: undefined,
      chrome: createChrome({
        display: options.display ?? 'modal',
        container: (typeof options.container === 'function' ? options.container() : options.container) ?? undefined,
        labels,
        className: options.dialogClassName,
        onDismiss: () => finish(false),
        onRetry: () => retry(),
      }),
      hub: undefined,
      hubReady: false,
      hubTimer: undefined,
      token: undefined,
      pending: undefined,
      started: false,
      refreshedAt: Number.NEGATIVE_INFINITY,
      succeeded: new Set(),
    }
    run = current
    try {
      startHub(current)
    } catch (error) {
      discard()
      throw error
    }
    validate(current)
    return current
  }

  /** Removes the run without a word: prefetch dropped, component unmounted. */
  function discard() {
    const current = run
    if (!current) return
    run = undefined
    clearTimeout(current.hubTimer)
    current.pending?.abort()
    current.hub?.destroy()
    current.chrome.destroy()
    if (active === self) active = undefined
  }

  function finish(succeeded: boolean) {
    if (!run?.chrome.shown) return
    discard()
    setState(IDLE)
    if (!succeeded) {
      event('cancel')
      call('onCancel', options.onCancel)
    }
    event('close')
    call('onClose', options.onClose)
  }

  function retry() {
    const current = run
    if (!current || state.status !== 'error') return
    setState({ status: 'fetching-token', error: null })
    clearTimeout(current.hubTimer)
    current.hub?.destroy()
    current.hub = undefined
    current.chrome.setState('loading')
    // The hub factory already succeeded once for this run, so it cannot throw here.
    startHub(current)
    // Retry belongs to the same open: a token that is still fresh serves the new hub.
    const cached = isFresh(current.token) ? current.token : undefined
    current.started = false
    current.token = undefined
    if (cached) deliver(current, cached)
    else if (current.session) requestToken(current)
    else validate(current)
    syncStatus(current)
  }

  function guard(action: () => void) {
    try {
      action()
    } catch (error) {
      const failure = isConnectHubError(error) ? error : new ConnectHubError('hub_unavailable', String(error), { cause: error })
      setState({ status: 'error', error: failure, isOpen: false })
      report(failure)
    }
  }

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Replaces the options; callbacks are always read from the latest. A session change drops a hidden prefetch. */
    setOptions(next: ConnectHubOptions) {
      const previous = options
      options = next
      if (!run) return
      // A token serves one user: a hub pre-loaded for another one is dropped, one on screen closes.
      if (run.chrome.shown) {
        if (identityChanged(previous, next)) finish(false)
      } else if (userChanged(previous, next)) discard()
    },
    /** Opens the hub. A no-op while open, or while another launcher on the page has a hub open. */
    open() {
      if (state.isOpen) return
      if (active && active !== self) {
        event('open_blocked')
        return
      }
      guard(() => {
        const current = ensureRun()
        active = self
        setState({ isOpen: true, error: null })
        current.chrome.show()
        event('hub_opened')
        if (current.token && !isFresh(current.token)) requestToken(current, 'stale')
        syncStatus(current)
      })
    },
    /** Closes the hub as a dismissal (`onCancel`, `onClose`). Safe to call twice. */
    close() {
      finish(false)
    },
    /** Fetches the token and pre-loads the hub, hidden, so that `open()` shows a ready hub. */
    prefetch() {
      if (state.isOpen || typeof window === 'undefined') return
      try {
        ensureRun()
      } catch (error) {
        // A bad hubUrl is reported when the user opens the hub, not on hover; anything else now.
        if (!isConnectHubError(error)) report(new ConnectHubError('hub_unavailable', String(error), { cause: error }))
      }
    },
    /** Loads the session schema and validates the options ahead of time (errors surface on open). */
    warm() {
      parseOptions(sessionKey()).catch(() => {})
    },
    /** Drops a hidden prefetch that no longer matches the options. */
    sync() {
      if (run && !run.chrome.shown && sessionKey() !== run.key) discard()
    },
    /** Tears everything down without callbacks: the component unmounted. */
    destroy() {
      discard()
      if (state !== IDLE) setState(IDLE)
    },
  }
}

export type Launcher = ReturnType<typeof createLauncher>
