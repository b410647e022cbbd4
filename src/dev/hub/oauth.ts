import { ApiError, type Attempt, type HubApi, type Integration } from './api.ts'
import { prepareAttempts, watchAttempts } from './oauthAttempts.ts'
import { disableActions, showOAuthRetry, showOAuthStart } from './oauthScreens.ts'
import { openWaitingWindow, providerWindow } from './oauthWindow.ts'
import type { Run } from './steps.ts'

export interface OAuthFlowOptions {
  api: HubApi
  integration: Integration
  mode: 'create' | 'edit'
  guide: string
  /** Runs a step of the hub: a refused token pauses it until the host sends a new one. */
  run: Run
  onSuccess(account: { id: string; provider: string }, mode: 'create' | 'edit'): void
  onBack?: (() => void) | undefined
}

export interface OAuthFlow {
  /** The hub is going away: a window still open must not connect an account nobody hears of. */
  abandon(): void
}

const ignore = () => undefined

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
export function startOAuthFlow(options: OAuthFlowOptions): OAuthFlow {
  const { api, integration, run } = options
  const attempts = prepareAttempts(api, integration.integration_id, run)
  const watcher = watchAttempts(api, run, (state) => settle(state))
  const provider = providerWindow(integration, (attempt) => cancel(attempt))
  let finished = false

  const stop = () => {
    watcher.stop()
    provider.stop()
    attempts.stop()
  }

  const start = () => {
    stop()
    attempts.prepare(showOAuthStart({ integration, mode: options.mode, guide: options.guide, onConnect: connect, onBack: options.onBack }))
  }

  function connect() {
    if (finished) return
    const prepared = attempts.take()
    if (prepared?.fresh) {
      provider.open(prepared.attempt)
      watcher.watch(prepared.attempt)
      return
    }
    const waiting = openWaitingWindow(api.waitingUrl())
    if (prepared) api.cancelAttempt(prepared.attempt.id).catch(ignore)
    disableActions()
    void run(async () => {
      const attempt = await api.createAttempt(integration.integration_id)
      waiting.sendTo(attempt.url)
      provider.open(attempt, waiting.window)
      watcher.watch(attempt)
    })
  }

  function settle(state: Attempt) {
    stop()
    if (state.status === 'authorised' && state.account) {
      finished = true
      options.onSuccess(state.account, state.mode)
    } else if (state.status === 'denied' || state.status === 'expired') {
      attempts.prepare(showOAuthRetry({ integration, state: state.status, reason: state.error?.description, onRetry: connect }))
    } else {
      start()
    }
  }

  function cancel(attempt: Attempt) {
    stop()
    disableActions()
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
    abandon() {
      const attempt = watcher.watched()
      attempts.abandon()
      stop()
      if (attempt && !finished) api.cancelAttempt(attempt.id).catch(ignore)
    },
  }
}
