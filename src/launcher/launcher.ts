import { ConnectHubError } from '../errors.ts'
import { claimPage, releasePage } from './activeHub.ts'
import { LAUNCHER_MODULES, type LauncherModules, preload } from './deferred.ts'
import { createEvents } from './events.ts'
import { fate } from './fit.ts'
import type { Run } from './run.ts'
import { createValidator, sessionKey } from './session.ts'
import { type ConnectHubOptions, type ConnectHubState, type ConnectSuccess, IDLE } from './types.ts'

/**
 * The React-free launcher: holds the options and at most one run (a prefetch, or an open), and derives the state
 * `useConnectHub` subscribes to from that run's phase. `modules` is the code it loads lazily: the real dynamic imports,
 * or in tests the same modules already loaded.
 */
export function createLauncher(initial: ConnectHubOptions, modules: LauncherModules = LAUNCHER_MODULES) {
  let options = initial
  let state: ConnectHubState = IDLE
  let run: Run | undefined
  /** While the run's code loads (a click before a mounted button loaded it): whether the run to begin is on screen. */
  let waiting: boolean | undefined
  const listeners = new Set<() => void>()
  const owner = {}
  const events = createEvents(() => options)
  const validator = createValidator(modules.schema)

  function publish() {
    const next = run ? run.state : IDLE
    if (next.status === state.status && next.error === state.error && next.isOpen === state.isOpen) return
    state = next
    for (const listener of listeners) listener()
  }

  function begin(shown: boolean) {
    const code = modules.run.get()
    if (!code) {
      if (waiting === undefined) modules.run.load().then(() => waiting !== undefined && begin(waiting), loadFailed)
      waiting = waiting || shown
      return
    }
    waiting = undefined
    run = code.createRun(options, {
      options: () => options,
      modules,
      events,
      validator,
      changed: publish,
      dismiss: () => finish(),
      succeed: finish,
      drop: dispose,
    })
    run.start(shown)
  }

  function loadFailed(cause: unknown) {
    const shown = waiting
    dispose()
    if (shown) events.report(new ConnectHubError('hub_unavailable', 'the launcher could not load its code — check the network', { cause }))
  }

  /** Removes the run without a word: prefetch dropped, component unmounted. */
  function dispose() {
    waiting = undefined
    const current = run
    if (!current) return releasePage(owner)
    // Removing the dialog returns focus to the trigger: that is no intent to open again, and while `run` is still set
    // it prefetches nothing.
    current.dispose()
    run = undefined
    releasePage(owner)
    publish()
  }

  /** Ends the run on screen: with `success`, after `onSuccess`; without, as a dismissal. */
  function finish(success?: ConnectSuccess) {
    if (!state.isOpen) return
    if (success) {
      events.emit('success', success)
      events.call('onSuccess', options.onSuccess, success)
    }
    dispose()
    if (!success) {
      events.emit('cancel')
      events.call('onCancel', options.onCancel)
    }
    events.emit('close')
    events.call('onClose', options.onClose)
  }

  /** Applies the rule of what a run is made for to the run there is: it goes on, is dropped, or closes. */
  function judge() {
    const verdict = run && fate(run.made, options, state.isOpen)
    if (verdict === 'drop') dispose()
    else if (verdict === 'close') finish()
  }

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Replaces the options; callbacks are always read from the latest. Drops or closes a run they no longer fit. */
    setOptions(next: ConnectHubOptions) {
      options = next
      judge()
    },
    /** Opens the hub. A no-op while open, or while another launcher on the page has a hub on screen. */
    open() {
      if (state.isOpen || waiting) return
      if (!claimPage(owner)) return events.emit('open_blocked')
      judge()
      events.emit('hub_opened')
      // The frame starts loading before the dialog is shown; getToken is called after, so it cannot delay it.
      if (run) run.show()
      else begin(true)
    },
    /** Closes the hub as a dismissal (`onCancel`, `onClose`). Safe to call twice. */
    close: () => finish(),
    /** Fetches the token and pre-loads the hub, hidden, so that `open()` shows a ready hub. */
    prefetch() {
      if (!run && waiting === undefined && typeof window !== 'undefined') begin(false)
    },
    /** Loads the session schema and validates the options ahead of time (errors surface on open). */
    warm() {
      preload(modules, options)
      validator.validate(options, sessionKey(options)).catch(() => {})
    },
    /** Tears everything down without callbacks: the component unmounted. */
    destroy: dispose,
  }
}
