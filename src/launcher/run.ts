import type { HubInstance } from '../hub/types.ts'
import type { TokenRequest } from '../token/requestToken.ts'
import { type Chrome, createChrome } from './chrome.ts'
import { lookFor } from './deferred.ts'
import { resolveLabels } from './labels.ts'
import type { Look } from './look.ts'
import { sessionKey } from './session.ts'
import type { ConnectHubOptions } from './types.ts'

/**
 * What one run holds besides its phase: the DOM it made, the hub in it and the work in flight. A run is one
 * open, or the prefetch that the next open takes over; nothing in it outlives it.
 */
export interface Run {
  /** The session options it was made for. */
  key: string
  /** Its words, direction and appearance: at hand at once when a mounted button loaded them, else on their way. */
  look: Look | Promise<Look>
  chrome: Chrome
  hub: HubInstance | undefined
  /** Whether `hub` has been handed a token (`start`); later tokens go through `refresh`. */
  started: boolean
  hubTimer: ReturnType<typeof setTimeout> | undefined
  /** The hub being started, while its code loads: a newer start (Retry) or a failure makes it stale. */
  attempt: object | undefined
  /** The `getToken` call in flight: its token belongs to this run alone. */
  pending: TokenRequest | undefined
}

/** A run for `options`, its chrome built (hidden) with the strings and classes they give. */
export function createRun(options: ConnectHubOptions, handlers: { onDismiss(): void; onRetry(): void }): Run {
  const look = lookFor(options)
  return {
    key: sessionKey(options),
    look,
    chrome: createChrome({
      display: options.display ?? 'modal',
      container: (typeof options.container === 'function' ? options.container() : options.container) ?? undefined,
      labels: resolveLabels(options),
      look,
      className: options.dialogClassName,
      showErrorDetails: options.showErrorDetails,
      ...handlers,
    }),
    hub: undefined,
    started: false,
    hubTimer: undefined,
    attempt: undefined,
    pending: undefined,
  }
}

/**
 * Stops the run's work: Retry starts a fresh hub (the failed one would only keep loading behind the error) and asks
 * for the token it needs, so a token still on its way is not waited for.
 */
export function stopHub(run: Run): void {
  run.pending?.abort()
  clearTimeout(run.hubTimer)
  run.hub?.destroy()
  run.hub = undefined
  run.attempt = undefined
}

/** Releases everything the run holds: the token request is aborted, the hub and the chrome removed. */
export function disposeRun(run: Run): void {
  stopHub(run)
  run.chrome.destroy()
}
