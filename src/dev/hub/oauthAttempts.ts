import { ApiError, type Attempt, type HubApi } from './api.ts'
import type { ActionHandle } from './oauthScreens.ts'
import type { Run } from './steps.ts'

/** How long one status request may wait for the answer (long polling), in seconds. */
const WAIT_SECONDS = 20
const NETWORK_RETRIES = 5
/** A prepared attempt is renewed once this share of its lifetime has gone by, so that a click never opens an expired one. */
const RENEW_AT = 0.8

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const ignore = () => undefined

/** How long an attempt stays fresh on this page's clock: its lifetime by the API's clock (so no clock skew), less a margin. */
const freshFor = (attempt: Attempt) => (Date.parse(attempt.expires_at) - Date.parse(attempt.created_at)) * RENEW_AT

/** The attempt the next click opens: created when its screen is shown, renewed before it expires while the screen stays. */
export function prepareAttempts(api: HubApi, integrationId: string, run: Run) {
  /** The attempt the next click opens, and until when (`performance.now()`) it is fresh. */
  let next: { attempt: Attempt; freshUntil: number } | undefined
  let renewTimer: ReturnType<typeof setTimeout> | undefined
  /** Counts preparations: one that finishes after a newer one started, or after a click, is dropped. */
  let preparing = 0
  /** The hub left the flow (Back, close): nothing may be prepared for it any more. */
  let abandoned = false

  const prepare = (handle: ActionHandle, renewing: boolean) => {
    // A renewal keeps the current attempt usable until the new one is there.
    if (!renewing) next = undefined
    clearTimeout(renewTimer)
    const generation = ++preparing
    void run(async () => {
      const attempt = await api.createAttempt(integrationId)
      if (abandoned || generation !== preparing) {
        api.cancelAttempt(attempt.id).catch(ignore)
        return
      }
      const replaced = next?.attempt
      next = { attempt, freshUntil: performance.now() + freshFor(attempt) }
      handle.ready(true)
      // The one it replaces was never opened: let the API forget it now.
      if (replaced) api.cancelAttempt(replaced.id).catch(ignore)
      renewTimer = setTimeout(() => prepare(handle, true), freshFor(attempt))
    })
  }
  const stop = () => {
    clearTimeout(renewTimer)
    preparing++
  }

  return {
    /** Prepares the attempt `handle`'s button opens, and enables the button once it exists. */
    prepare: (handle: ActionHandle) => prepare(handle, false),
    /** For a click: the prepared attempt, if any, and whether it is still fresh. Nothing prepared before is kept. */
    take(): { attempt: Attempt; fresh: boolean } | undefined {
      const prepared = next
      next = undefined
      stop()
      return prepared && { attempt: prepared.attempt, fresh: performance.now() < prepared.freshUntil }
    },
    /** Drops a preparation under way and the renewal: the screen that wanted them is gone. */
    stop,
    abandon() {
      abandoned = true
      stop()
    },
  }
}

/**
 * Long-polls the attempt until it settles, through a few network failures. A 404 is an expiry: a refreshed token is
 * another session, which does not see this attempt; it ended with the old token. `undefined` once `signal` aborts.
 */
async function settled(api: HubApi, attempt: Attempt, signal: AbortSignal): Promise<Attempt | undefined> {
  let failures = 0
  while (!signal.aborted) {
    let state: Attempt
    try {
      state = await api.attempt(attempt.id, WAIT_SECONDS, signal)
    } catch (error) {
      if (signal.aborted) return undefined
      if (error instanceof ApiError && error.status === 404) state = { ...attempt, status: 'expired' }
      else if (error instanceof TypeError && ++failures < NETWORK_RETRIES) {
        await pause(1000)
        continue
      } else throw error
    }
    failures = 0
    if (state.status !== 'pending') return state
  }
  return undefined
}

/** Follows the attempt whose window is open until the API says how it ended: the only word on the outcome. */
export function watchAttempts(api: HubApi, run: Run, onSettled: (state: Attempt) => void) {
  let watching: { attempt: Attempt; controller: AbortController } | undefined
  const stop = () => {
    watching?.controller.abort()
    watching = undefined
  }
  return {
    watch(attempt: Attempt) {
      stop()
      const current = { attempt, controller: new AbortController() }
      watching = current
      void run(async () => {
        const state = await settled(api, attempt, current.controller.signal)
        if (state && watching === current) onSettled(state)
      })
    },
    /** The attempt being watched, if any. */
    watched: () => watching?.attempt,
    stop,
  }
}
