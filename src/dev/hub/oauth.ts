import { ApiError, type Attempt, type HubApi, type Integration } from './api.ts'
import { type ActionHandle, showOAuthBlocked, showOAuthRetry, showOAuthStart, showOAuthWaiting } from './oauthScreens.ts'
import { words } from './words/index.ts'

/** How long one status request may wait for the answer (long polling), in seconds. */
const WAIT_SECONDS = 20
const WINDOW_NAME = 'connect-hub-oauth'
/** How often the window's handle is looked at: only to word the waiting screen, never to decide the outcome. */
const WINDOW_CHECK_MS = 500
const NETWORK_RETRIES = 5
/** A prepared attempt is renewed once this share of its lifetime has gone by, so that a click never opens an expired one. */
const RENEW_AT = 0.8

export interface OAuthFlowOptions {
  api: HubApi
  integration: Integration
  mode: 'create' | 'edit'
  guide: string
  /** Runs a step of the hub: a refused token pauses it until the host sends a new one. */
  run(step: () => Promise<void>): Promise<void>
  onSuccess(account: { id: string; provider: string }, mode: 'create' | 'edit'): void
  onBack?: (() => void) | undefined
}

function openWindow(url: string): Window | null {
  const width = 520
  const height = 700
  const left = Math.round(window.screenX + (window.outerWidth - width) / 2)
  const top = Math.round(window.screenY + (window.outerHeight - height) / 3)
  // Not `noopener`: with it `window.open` always returns null, and a blocked window could not be told apart.
  return window.open(url, WINDOW_NAME, `popup,width=${width},height=${height},left=${left},top=${top}`)
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** How long an attempt stays fresh on this page's clock: its lifetime by the API's clock (so no clock skew), less a margin. */
const freshFor = (attempt: Attempt) => (Date.parse(attempt.expires_at) - Date.parse(attempt.created_at)) * RENEW_AT

/**
 * Connects `integration` through the provider's window. The rules a hub must follow, and why:
 * - the attempt is created when a screen with a Connect / Try again button is shown, and renewed before it expires, so
 *   that the click opens the window synchronously: anything awaited before `window.open` loses the click's activation
 *   and Safari blocks it. A click that finds no fresh attempt (a sleeping computer delays timers) opens the window on
 *   a waiting page of the API at once, and sends it on to the attempt once it exists;
 * - the window's URL carries the attempt's id only, never the session token;
 * - the outcome comes from the API (the attempt's status, long polled), never from `window.opener` or
 *   `window.closed`: a provider's COOP cuts the opener and makes `closed` read true while the window is open.
 */
export function startOAuthFlow(options: OAuthFlowOptions): { abandon(): void } {
  const { api, integration, run } = options
  /** The attempt the next click opens, and until when (`performance.now()`) it is fresh. */
  let next: { attempt: Attempt; freshUntil: number } | undefined
  let renewTimer: ReturnType<typeof setTimeout> | undefined
  /** Counts preparations: one that finishes after a newer one started, or after a click, is dropped. */
  let preparing = 0
  /** The attempt whose window is open, watched until it settles. */
  let watched: Attempt | undefined
  let popup: Window | null = null
  let watching: AbortController | undefined
  let windowTimer: ReturnType<typeof setInterval> | undefined
  let finished = false
  /** The hub left this flow (Back, close): nothing may be prepared for it any more. */
  let abandoned = false

  const stopWatching = () => {
    watching?.abort()
    watching = undefined
    watched = undefined
  }
  const stop = () => {
    stopWatching()
    clearInterval(windowTimer)
    clearTimeout(renewTimer)
    preparing++
  }

  /** Creates the attempt the shown screen's button will open, and renews it before it expires while the screen stays. */
  const prepare = (handle: ActionHandle, renewing = false) => {
    // A renewal keeps the current attempt usable until the new one is there.
    if (!renewing) next = undefined
    clearTimeout(renewTimer)
    const generation = ++preparing
    void run(async () => {
      const attempt = await api.createAttempt(integration.integration_id)
      if (abandoned || generation !== preparing) {
        api.cancelAttempt(attempt.id).catch(() => undefined)
        return
      }
      const replaced = next?.attempt
      next = { attempt, freshUntil: performance.now() + freshFor(attempt) }
      handle.ready(true)
      // The one it replaces was never opened: let the API forget it now.
      if (replaced) api.cancelAttempt(replaced.id).catch(() => undefined)
      renewTimer = setTimeout(() => prepare(handle, true), freshFor(attempt))
    })
  }

  const start = () => {
    stop()
    prepare(showOAuthStart({ integration, mode: options.mode, guide: options.guide, onConnect: connect, onBack: options.onBack }))
  }

  function connect() {
    if (finished) return
    const prepared = next
    next = undefined
    clearTimeout(renewTimer)
    preparing++
    if (prepared && performance.now() < prepared.freshUntil) {
      open(prepared.attempt)
      watch(prepared.attempt)
      return
    }
    // No fresh attempt: the window opens now, inside the click, and is sent on once the attempt exists.
    const waiting = openWindow(api.waitingUrl())
    if (prepared) api.cancelAttempt(prepared.attempt.id).catch(() => undefined)
    for (const button of document.querySelectorAll<HTMLButtonElement>('#screen button')) button.disabled = true
    void run(async () => {
      const attempt = await api.createAttempt(integration.integration_id)
      if (waiting && !waiting.closed) waiting.location.replace(attempt.url)
      open(attempt, waiting)
      watch(attempt)
    })
  }

  /** Synchronous from the click to `window.open` (or given the window the click opened). */
  function open(attempt: Attempt, opened?: Window | null) {
    popup = opened === undefined ? openWindow(attempt.url) : opened
    clearInterval(windowTimer)
    if (!popup) {
      showOAuthBlocked({ integration, url: attempt.url, onCancel: () => cancel(attempt) })
      return
    }
    popup.focus()
    const screen = showOAuthWaiting({
      integration,
      onShowWindow: () => {
        if (popup && !popup.closed) popup.focus()
        else open(attempt)
      },
      onCancel: () => cancel(attempt),
    })
    windowTimer = setInterval(() => {
      if (!popup || popup.closed) {
        clearInterval(windowTimer)
        screen.windowLost()
      }
    }, WINDOW_CHECK_MS)
  }

  function watch(attempt: Attempt) {
    stopWatching()
    const controller = new AbortController()
    watching = controller
    watched = attempt
    void run(async () => {
      let failures = 0
      while (!controller.signal.aborted) {
        let state: Attempt
        try {
          state = await api.attempt(attempt.id, WAIT_SECONDS, controller.signal)
        } catch (error) {
          if (controller.signal.aborted) return
          // A refreshed token is another session, which does not see this attempt: it ended with the old token.
          if (error instanceof ApiError && error.status === 404) state = { ...attempt, status: 'expired' }
          else if (error instanceof TypeError && ++failures < NETWORK_RETRIES) {
            await pause(1000)
            continue
          } else throw error
        }
        failures = 0
        if (state.status !== 'pending') {
          if (watching === controller) settle(state)
          return
        }
      }
    })
  }

  function settle(state: Attempt) {
    stop()
    if (state.status === 'authorised' && state.account) {
      finished = true
      options.onSuccess(state.account, state.mode)
    } else if (state.status === 'denied') {
      const text = words.oauth.deniedText(integration.name, state.error?.description)
      const title = words.oauth.deniedTitle(integration.name)
      prepare(showOAuthRetry({ integration, state: 'denied', title, text, onRetry: connect }))
    } else if (state.status === 'expired') {
      const text = words.oauth.expiredText(integration.name)
      prepare(showOAuthRetry({ integration, state: 'expired', title: words.oauth.expiredTitle, text, onRetry: connect }))
    } else {
      start()
    }
  }

  function cancel(attempt: Attempt) {
    stop()
    for (const button of document.querySelectorAll<HTMLButtonElement>('#screen button')) button.disabled = true
    // The screen changes once the API has heard of it: an Allow that got there first wins, and is reported.
    void run(async () => {
      const state = await api.cancelAttempt(attempt.id).catch((error: unknown) => {
        if (error instanceof ApiError) return { ...attempt, status: 'cancelled' as const }
        throw error
      })
      settle(state)
    })
  }

  start()
  return {
    /** The hub is going away: a window still open must not connect an account nobody hears of. */
    abandon() {
      const attempt = watched
      abandoned = true
      stop()
      if (attempt && !finished) api.cancelAttempt(attempt.id).catch(() => undefined)
    },
  }
}
