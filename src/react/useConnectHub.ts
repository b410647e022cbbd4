import { useContext, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { createLauncher } from '../launcher/launcher.ts'
import { type ConnectHubOptions, type ConnectHubState, IDLE } from '../launcher/types.ts'
import { HubOverrideContext } from './hubOverride.ts'

const serverState = () => IDLE

export interface UseConnectHubResult extends ConnectHubState {
  /** Opens the hub: validates the session, fetches the token and loads the hub at the same time. */
  open: () => void
  /** Closes the hub as a dismissal. Safe to call at any time. */
  close: () => void
  /** Fetches the token and pre-loads the hub ahead of a click (call it on hover or focus of your trigger). */
  prefetch: () => void
}

/**
 * Connects an account through the hub. Pass the connect-session options, `getToken` and `hubUrl`;
 * call `open()` from your trigger. Callbacks are read from the latest render: changing them never
 * re-creates the hub or re-fetches a token.
 */
export function useConnectHub(props: ConnectHubOptions): UseConnectHubResult {
  // Under a test provider, its hub and token source stand in for the host's own.
  const options: ConnectHubOptions = { ...props, ...useContext(HubOverrideContext) }
  const [launcher] = useState(() => createLauncher(options))

  // A layout effect in the browser, so that options reach the launcher before any event handler runs; on the server,
  // where neither runs, useEffect spares React 18's warning. Chosen here, not at import: importing reads no window.
  const useOptionsEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect
  useOptionsEffect(() => {
    launcher.setOptions(options)
  })

  const state = useSyncExternalStore(launcher.subscribe, launcher.getState, serverState)

  const prefetchOnMount = options.prefetch === 'mount'
  const [mounts] = useState(() => ({ count: 0 }))
  useEffect(() => {
    mounts.count++
    // Validate while the page is idle, so that a click requests the token at once.
    launcher.warm()
    if (prefetchOnMount) launcher.prefetch()
    return () => {
      mounts.count--
      // StrictMode unmounts and remounts at once: tear down only if nothing remounted by the next microtask.
      queueMicrotask(() => {
        if (mounts.count === 0) launcher.destroy()
      })
    }
  }, [launcher, mounts, prefetchOnMount])

  return useMemo(() => ({ open: launcher.open, close: launcher.close, prefetch: launcher.prefetch, ...state }), [launcher, state])
}
