import { asConnectHubError, type ConnectHubError } from '../errors.ts'
import type { HubInstance } from '../hub/types.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'
import { isFresh, type Token } from '../token/token.ts'
import { claimPage, releasePage } from './activeHub.ts'
import { createHub } from './createHub.ts'
import { preload, tokenRequest } from './deferred.ts'
import { createEvents } from './events.ts'
import { hubCallbacks } from './hubCallbacks.ts'
import { identityChanged, userChanged } from './identity.ts'
import { type Action, chromeStateOf, IDLE_PHASE, type Phase, reduce, sessionIn, stateOf, tokenIn } from './phase.ts'
import { createRun, disposeRun, type Run, stopHub } from './run.ts'
import { createValidator, sessionKey } from './session.ts'
import { type ConnectHubOptions, type ConnectHubState, DEFAULT_TIMEOUT_MS } from './types.ts'

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError'

/**
 * The React-free launcher: validates the session, fetches the token while the hub loads, and runs the hub inside
 * the launcher's chrome. Its phase changes only through `dispatch`; `useConnectHub` subscribes to the derived state.
 */
export function createLauncher(initial: ConnectHubOptions) {
  let options = initial
  let phase = IDLE_PHASE
  let state: ConnectHubState = stateOf(phase)
  let run: Run | undefined
  const listeners = new Set<() => void>()
  const owner = {}
  const events = createEvents(() => options)
  const validator = createValidator()

  function dispatch(action: Action) {
    phase = reduce(phase, action)
    // A run's phase is never idle: discard() drops the run before it ends the phase.
    run?.chrome.setState(chromeStateOf(phase), phase.name === 'error' ? phase.error : undefined)
    const next = stateOf(phase)
    if (next.status === state.status && next.error === state.error && next.isOpen === state.isOpen) return
    // Into the hub once it is usable on screen, whichever of its ready and the token came last. Not a pre-loaded hub
    // the click shows (it was not on screen before): it keeps the focus showModal() gives.
    if (state.isOpen && next.status === 'open') (run as Run).hub?.focus()
    state = next
    for (const listener of listeners) listener()
  }

  // On screen: the state React sees follows the phase, and a run that is not shown is idle there.
  const shown = () => state.isOpen

  /** A new run with its chrome, hidden until shown; `launch` then starts its hub and its validation. */
  function begin(visible: boolean): Run {
    const current = createRun(options, { onDismiss: () => finish(false), onRetry: retry })
    run = current
    dispatch({ type: 'start', shown: visible })
    return current
  }

  function launch(current: Run) {
    startHub(current)
    if (run === current) validate(current)
  }

  function validate(current: Run) {
    const validated = (session: NormalizedConnectSessionOptions) => {
      if (run !== current) return
      dispatch({ type: 'validated', session })
      // Not behind a hub that already failed: the failure is on screen, and Retry asks for the token it needs.
      if (phase.name === 'fetching-token') requestToken(current)
    }
    // Options validated ahead (warm) go on at once: the token request leaves in the click's own task, with the hub's.
    const cached = validator.cached(current.key)
    if (cached) validated(cached)
    else
      validator
        .validate(options, current.key)
        .then(validated, (error: unknown) => fail(current, asConnectHubError(error, 'invalid_session')))
  }

  function requestToken(current: Run, reason?: 'expired' | 'stale') {
    const session = sessionIn(phase)
    // One request at a time per run: double clicks, StrictMode and prefetch + click share it.
    if (!session || current.pending) return
    const code = tokenRequest.get()
    // Its code loads when a button mounts; a click that came first waits for it.
    if (!code) {
      tokenRequest.load().then(
        () => run === current && requestToken(current, reason),
        (error: unknown) => fail(current, asConnectHubError(error, 'token_failed')),
      )
      return
    }
    events.emit('token_requested')
    // The getToken of the latest render, read now: after a change of user it is the new user's.
    const request = code.requestToken(options.getToken, session, options.tokenTimeout ?? DEFAULT_TIMEOUT_MS)
    current.pending = request
    request.promise.then(
      (token) => {
        if (current.pending === request) current.pending = undefined
        if (run !== current) return
        if (reason) events.emit('token_refreshed', { reason })
        else events.emit('token_received')
        deliver(current, token)
      },
      (error: unknown) => {
        if (current.pending === request) current.pending = undefined
        if (!isAbort(error)) fail(current, asConnectHubError(error, 'token_failed'))
      },
    )
  }

  function deliver(current: Run, token: Token) {
    const session = sessionIn(phase)
    if (current.hub && session) {
      if (current.started) current.hub.refresh(token.token)
      else current.hub.start(token.token, session)
      current.started = true
    }
    dispatch({ type: 'token', token })
  }

  function startHub(current: Run) {
    const callbacks = hubCallbacks(
      {
        live: () => run === current && current.hub === hub,
        shown,
        ready() {
          clearTimeout(current.hubTimer)
          dispatch({ type: 'hub-ready' })
          events.emit('hub_ready')
        },
        succeed(result) {
          events.emit('success', result)
          events.call('onSuccess', options.onSuccess, result)
          finish(true)
        },
        cancel: () => finish(false),
        fail: (error) => fail(current, error),
        refresh: () => requestToken(current, 'expired'),
        resize(height) {
          if (options.display === 'inline') current.chrome.setHeight(height)
        },
      },
      events,
    )
    let hub: HubInstance | undefined
    const hand = (created: HubInstance) => {
      hub = created
      // A token that arrived first (or that Retry kept) goes to the new hub at once.
      const token = tokenIn(phase)
      const session = sessionIn(phase)
      if (token && session) created.start(token.token, session)
      current.started = Boolean(token && session)
    }
    createHub(current, options, callbacks, hand, (error) => fail(current, error))
  }

  function fail(current: Run, error: ConnectHubError) {
    if (run !== current) return
    if (!shown()) return discard()
    stopHub(current)
    dispatch({ type: 'fail', error })
    events.report(error)
  }

  function retry() {
    const current = run
    const failed = phase
    if (!current || failed.name !== 'error') return
    // Retry belongs to the same open: a token that is still fresh serves the new hub.
    const token = isFresh(failed.token) ? failed.token : undefined
    dispatch({ type: 'retry', token })
    // Through the same guard as open: a hubUrl that changed meanwhile fails here, shown with Retry, never thrown.
    startHub(current)
    const next = phase as Phase
    if (run !== current || next.name === 'error') return
    if (next.name === 'validating') validate(current)
    else if (!token) requestToken(current)
  }

  /** Removes the run without a word: prefetch dropped, component unmounted. */
  function discard() {
    const current = run
    if (!current) return
    // Removing the dialog returns focus to the trigger: that is no intent to open again, and while `run` is
    // still set it prefetches nothing.
    disposeRun(current)
    run = undefined
    releasePage(owner)
    dispatch({ type: 'end' })
  }

  function finish(succeeded: boolean) {
    if (!shown()) return
    discard()
    if (!succeeded) {
      events.emit('cancel')
      events.call('onCancel', options.onCancel)
    }
    events.emit('close')
    events.call('onClose', options.onClose)
  }

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Replaces the options; callbacks are always read from the latest. Drops what no longer fits them. */
    setOptions(next: ConnectHubOptions) {
      const previous = options
      options = next
      if (!run) return
      // A token serves one user: a hub pre-loaded for another one is dropped, one on screen closes.
      if (shown()) {
        if (identityChanged(previous, next)) finish(false)
      } else if (userChanged(previous, next) || run.key !== sessionKey(next)) discard()
    },
    /** Opens the hub. A no-op while open, or while another launcher on the page has a hub on screen. */
    open() {
      if (state.isOpen) return
      if (!claimPage(owner)) return events.emit('open_blocked')
      const prefetched = run
      const current = prefetched ?? begin(true)
      // The frame starts loading before the dialog is shown; getToken is called after, so it cannot delay it.
      if (prefetched) dispatch({ type: 'show' })
      else startHub(current)
      current.chrome.show()
      events.emit('hub_opened')
      if (!prefetched) {
        if (run === current) validate(current)
      } else if (tokenIn(phase) && !isFresh(tokenIn(phase))) requestToken(current, 'stale')
    },
    /** Closes the hub as a dismissal (`onCancel`, `onClose`). Safe to call twice. */
    close() {
      finish(false)
    },
    /** Fetches the token and pre-loads the hub, hidden, so that `open()` shows a ready hub. */
    prefetch() {
      if (run || typeof window === 'undefined') return
      launch(begin(false))
    },
    /** Loads the session schema and validates the options ahead of time (errors surface on open). */
    warm() {
      preload(options)
      validator.validate(options, sessionKey(options)).catch(() => {})
    },
    /** Tears everything down without callbacks: the component unmounted. */
    destroy: discard,
  }
}
