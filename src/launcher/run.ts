import { asConnectHubError, ConnectHubError } from '../errors.ts'
import type { HubCallbacks, HubInstance, RejectReason } from '../hub/types.ts'
import type { ConnectMode } from '../protocol/messages.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'
import type { TokenRequest } from '../token/requestToken.ts'
import { isFresh } from '../token/token.ts'
import { createChrome } from './chrome.ts'
import { createHub } from './createHub.ts'
import type { LauncherModules } from './deferred.ts'
import type { Events } from './events.ts'
import { resolveLabels } from './labels.ts'
import type { Look } from './look.ts'
import { type Action, chromeStateOf, IDLE_PHASE, type Phase, reduce, sessionIn, stateOf, tokenIn } from './phase.ts'
import type { createValidator } from './session.ts'
import { sessionKey } from './session.ts'
import { type ConnectHubOptions, type ConnectSuccess, DEFAULT_TIMEOUT_MS } from './types.ts'

/** A second `token_expired` this soon after a refresh means refreshing does not help. */
const REFRESH_WINDOW_MS = 10_000
/** More reloads than this within `RELOAD_WINDOW_MS` mean the hub page is failing, not recovering. */
const MAX_RELOADS = 3
const RELOAD_WINDOW_MS = 60_000

/** Whether the phase is on screen: a pre-loaded run is not. */
const onScreen = (phase: Phase) => phase.name !== 'idle' && phase.shown

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError'

/** The look of a run for `options`: at once when its code and words are loaded (a mounted button loaded them), else a promise. */
const lookFor = ({ looks }: LauncherModules, options: ConnectHubOptions): Look | Promise<Look> =>
  looks.get()?.lookOf(options) ?? looks.load().then((code) => code.loadLook(options))

/** What a run needs from its launcher: the latest options, the shared parts, and where it reports its end. */
export interface RunContext {
  /** The latest options: callbacks, `getToken`, timeouts, and the hub that Retry loads. */
  options(): ConnectHubOptions
  modules: LauncherModules
  events: Events
  validator: ReturnType<typeof createValidator>
  /** The phase changed. */
  changed(): void
  /** The user dismissed the run on screen (close control, Escape, the hub's cancel). */
  dismiss(): void
  /** The hub on screen connected an account. */
  succeed(result: ConnectSuccess): void
  /** A pre-loaded run failed: it is dropped without a word, and the click tries again. */
  drop(): void
}

export type Run = ReturnType<typeof createRun>

/**
 * One run — an open, or the prefetch that the next open takes over — made for `made`. It owns its phase and all it
 * holds (the chrome, the hub, the token request in flight, the hub's timer): nothing outside changes them. Its phase
 * changes only through `dispatch`, and what it does follows from each transition. A callback of a replaced hub or of
 * a disposed run is cut off in one place: its generation.
 */
export function createRun(made: ConnectHubOptions, context: RunContext) {
  const { modules, events } = context
  let phase: Phase = IDLE_PHASE
  let queue: Action[] | undefined
  /** Bumped by every new hub, by stopping one and by dispose: work begun under another generation is stale. */
  let generation = 0
  let hub: HubInstance | undefined
  /** Whether `hub` was handed a token since it last said ready: later tokens go through `refresh`. */
  let given = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: TokenRequest | undefined
  let reloads: number[] = []
  /** Its words, direction and appearance: at hand at once when a mounted button loaded them, else on their way. */
  let look = lookFor(modules, made)
  if (look instanceof Promise)
    look.then(
      (ready) => {
        look = ready
      },
      () => {},
    )

  const chrome = createChrome({
    display: made.display ?? 'modal',
    container: (typeof made.container === 'function' ? made.container() : made.container) ?? undefined,
    labels: resolveLabels(made),
    look,
    className: made.dialogClassName,
    showErrorDetails: made.showErrorDetails,
    onDismiss: () => context.dismiss(),
    onRetry: retry,
  })

  /** Runs `effect` only if no newer hub replaced the one of `at`, and the run was not disposed. */
  const live =
    <A extends unknown[]>(at: number, effect: (...args: A) => void) =>
    (...args: A) => {
      if (at === generation) effect(...args)
    }

  function dispatch(action: Action) {
    // An action raised by an effect waits for the transition in progress to finish its effects.
    if (queue) return void queue.push(action)
    queue = [action]
    for (let next = queue.shift(); next && generation >= 0; next = queue.shift()) {
      const previous = phase
      phase = reduce(previous, next)
      if (previous !== phase) transition(previous, phase)
    }
    queue = undefined
  }

  /** What follows from moving from `from` to `to`. */
  function transition(from: Phase, to: Phase) {
    chrome.setState(chromeStateOf(to), to.name === 'error' ? to.error : undefined)
    if (to.name === 'idle') return context.drop()
    const token = tokenIn(to)
    if (to.name === 'error') {
      if (from.name !== 'error') stop()
      if (from.name !== 'error' || from.error !== to.error) events.report(to.error)
    } else if (from.name === 'idle' || from.name === 'error') startHub()
    else if (token && token !== tokenIn(from)) give(token)
    if (onScreen(to) && !onScreen(from)) {
      chrome.show()
      if (from.name !== 'idle' && token && !isFresh(token)) requestToken('stale')
    }
    if (to.name === 'validating' && from.name !== 'validating') validate()
    if (to.name === 'fetching-token' && from.name !== 'fetching-token') requestToken()
    // Into the hub once it is usable on screen, whichever of its ready and the token came last. Not a pre-loaded hub
    // the click shows (it was not on screen before): it keeps the focus showModal() gives.
    if (onScreen(from) && from.name !== 'open' && to.name === 'open') hub?.focus()
    context.changed()
  }

  /** Hands `token` to the hub: `start` (init) the first time since it said ready, `refresh` after. */
  function give(token: NonNullable<ReturnType<typeof tokenIn>>) {
    const session = sessionIn(phase)
    if (!hub || !session) return
    if (given) hub.refresh(token.token)
    else hub.start(token.token, session)
    given = true
  }

  function fail(error: ConnectHubError) {
    dispatch({ type: 'fail', error })
  }

  function validate() {
    const validated = live(generation, (session: NormalizedConnectSessionOptions) => dispatch({ type: 'validated', session }))
    // Options validated ahead (warm) go on at once: the token request leaves in the click's own task, with the hub's.
    const key = sessionKey(made)
    const cached = context.validator.cached(key)
    if (cached) validated(cached)
    else
      context.validator.validate(made, key).then(
        validated,
        live(generation, (error: unknown) => fail(asConnectHubError(error, 'invalid_session'))),
      )
  }

  function requestToken(reason?: 'expired' | 'stale') {
    const session = sessionIn(phase)
    // One request at a time per run: double clicks, StrictMode and prefetch + click share it.
    if (!session || pending) return
    const code = modules.tokenRequest.get()
    // Its code loads when a button mounts; a click that came first waits for it.
    if (!code) {
      modules.tokenRequest.load().then(
        live(generation, () => requestToken(reason)),
        live(generation, (error: unknown) => fail(asConnectHubError(error, 'token_failed'))),
      )
      return
    }
    events.emit('token_requested')
    const options = context.options()
    // The getToken of the latest render, read now: after a change of user it is the new user's.
    const request = code.requestToken(options.getToken, session, options.tokenTimeout ?? DEFAULT_TIMEOUT_MS)
    pending = request
    const settled = () => {
      if (pending === request) pending = undefined
    }
    request.promise.finally(settled).then(
      live(generation, (token) => {
        if (reason) events.emit('token_refreshed', { reason })
        else events.emit('token_received')
        dispatch({ type: 'token', token })
      }),
      live(generation, (error: unknown) => {
        if (!isAbort(error)) fail(asConnectHubError(error, 'token_failed'))
      }),
    )
  }

  /** A hub that says ready again reloaded: it gets `init` again, with a fresh token; one that keeps reloading fails. */
  function reloaded() {
    const now = Date.now()
    reloads = [...reloads.filter((at) => now - at < RELOAD_WINDOW_MS), now]
    if (reloads.length > MAX_RELOADS) {
      const message = `the hub reloaded ${reloads.length} times within ${RELOAD_WINDOW_MS / 1000} s — check that the hub page loads without errors`
      return fail(new ConnectHubError('hub_unavailable', message))
    }
    given = false
    const token = tokenIn(phase)
    if (isFresh(token)) give(token)
    else if (token) requestToken('stale')
  }

  /** Loads a new hub (the first, or Retry's) with the latest `hub`/`hubUrl`, and gives it `hubTimeout` to say ready. */
  function startHub() {
    const at = ++generation
    hub = undefined
    given = false
    const options = context.options()
    const timeout = options.hubTimeout ?? DEFAULT_TIMEOUT_MS
    const silent = `the hub did not answer within ${timeout} ms — check hubUrl and that the hub page loads`
    timer = setTimeout(
      live(at, () => fail(new ConnectHubError('hub_unavailable', silent))),
      timeout,
    )
    let readies = 0
    let refreshedAt = -Infinity
    const hidden = () => events.emit('message_ignored', { reason: 'hidden', origin: '' })
    // What the hub reports, each through the one generation check: a replaced or stopped hub has no say, and a
    // pre-loaded one, not yet on screen, cannot have been used by anyone to succeed or cancel.
    const callbacks: HubCallbacks = {
      ready: live(at, () => {
        if (readies++) return reloaded()
        clearTimeout(timer)
        dispatch({ type: 'hub-ready' })
        events.emit('hub_ready')
      }),
      success: live(at, (account: { id: string; provider: string }, mode: ConnectMode) =>
        onScreen(phase) ? context.succeed({ accountId: account.id, provider: account.provider, mode }) : hidden(),
      ),
      cancel: live(at, () => (onScreen(phase) ? context.dismiss() : hidden())),
      error: live(at, fail),
      tokenExpired: live(at, () => {
        const now = Date.now()
        if (now - refreshedAt < REFRESH_WINDOW_MS) {
          return fail(
            new ConnectHubError('token_expired', 'the hub rejected a freshly refreshed token — check the token your backend returns'),
          )
        }
        refreshedAt = now
        requestToken('expired')
      }),
      resize: live(at, (height: number) => {
        if (made.display === 'inline') chrome.setHeight(height)
      }),
      // Analytics only: whatever its name, a hub's event is a hub_event, never one of the launcher's own.
      event: live(at, (name: string, data?: unknown) => events.emit('hub_event', data === undefined ? { name } : { name, data })),
      rejected: live(at, (reason: RejectReason, origin: string) => events.emit('message_ignored', { reason, origin })),
    }
    // The hub is told the run's locale, direction and appearance: it waits for the run's look as for its own code.
    const make = live(at, (frame: ReturnType<LauncherModules['frameHub']['get']>, ready: Look) => {
      try {
        hub = createHub(options, frame, { display: made.display ?? 'modal', container: chrome.body, callbacks, ...ready.hub })
      } catch (error) {
        return fail(error as ConnectHubError)
      }
      // A token that arrived first (or that Retry kept) goes to the new hub at once.
      const token = tokenIn(phase)
      if (token) give(token)
    })
    const frame = modules.frameHub.get()
    // A look still on its way is asked for again: the same load while it runs, a new one after it failed (Retry).
    const looking = look instanceof Promise ? lookFor(modules, made) : look
    if ((options.hub || frame) && !(looking instanceof Promise)) make(frame, looking)
    else
      Promise.all([options.hub ? undefined : modules.frameHub.load(), looking]).then(
        ([loaded, ready]) => make(loaded, ready),
        live(at, (cause: unknown) =>
          fail(new ConnectHubError('hub_unavailable', "the launcher's code could not be loaded — check the network and Retry", { cause })),
        ),
      )
  }

  /** Ends the run's work: the token request is aborted, the hub timer cleared, the hub removed. */
  function stop() {
    generation++
    pending?.abort()
    clearTimeout(timer)
    hub?.destroy()
    hub = undefined
  }

  function retry() {
    if (phase.name !== 'error') return
    // Retry belongs to the same open: a token that is still fresh serves the new hub.
    dispatch({ type: 'retry', token: isFresh(phase.token) ? phase.token : undefined })
  }

  return {
    /** The options the run was made for. */
    made,
    /** What React sees: a run that is not on screen is idle. */
    get state() {
      return stateOf(phase)
    },
    /** Starts the hub and the validation, on screen or pre-loaded. */
    start(shown: boolean) {
      dispatch({ type: 'start', shown })
    },
    /** Puts a pre-loaded run on screen. */
    show() {
      dispatch({ type: 'show' })
    },
    /** Frees everything the run holds, without a word; what it began and has not finished is cut off. */
    dispose() {
      stop()
      generation = -1
      chrome.destroy()
    },
  }
}
