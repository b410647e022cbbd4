import { HUB_TOKEN_HEADER } from '../protocol/hubApi.ts'

/** What a check of the session token found. */
export type TokenCheck = 'valid' | 'expired' | 'unknown'

/** After this long without a check, the user's next interaction with the hub checks the token again. */
export const CHECK_AFTER_IDLE_MS = 30_000

/** Asks the hub API whether `token` is still accepted: `GET {baseUrl}/hub/settings`, as the hub itself does. */
export async function checkToken(baseUrl: string, token: string): Promise<TokenCheck> {
  try {
    const response = await fetch(`${baseUrl}/hub/settings`, { headers: { [HUB_TOKEN_HEADER]: token }, cache: 'no-store' })
    await response.body?.cancel()
    return response.status === 401 || response.status === 403 ? 'expired' : response.ok ? 'valid' : 'unknown'
  } catch {
    return 'unknown'
  }
}

export interface ExpiryWatch {
  /** Checks the token now (a new mount, a save to confirm). */
  check(): Promise<TokenCheck>
  stop(): void
}

/**
 * StackOne's component meets a 401/403 with an empty screen and no callback, and it calls the global
 * `fetch` itself, so its requests cannot be wrapped without patching the whole page. Instead the adapter
 * checks the token itself: when the hub mounts with it, when the page becomes visible again (the usual
 * way a token runs out: the tab sat in the background), and on the user's first interaction with the hub
 * after `CHECK_AFTER_IDLE_MS` without a check. A refused token calls `onExpired`.
 */
export function watchExpiry(options: { baseUrl: string; element: HTMLElement; token: () => string; onExpired: () => void }): ExpiryWatch {
  const { baseUrl, element, token, onExpired } = options
  let checkedAt = Date.now()
  let pending: { token: string; result: Promise<TokenCheck> } | undefined
  let stopped = false

  const check = (): Promise<TokenCheck> => {
    const sent = token()
    if (pending?.token === sent) return pending.result
    checkedAt = Date.now()
    const current = {
      token: sent,
      result: checkToken(baseUrl, sent).then((result) => {
        if (pending === current) pending = undefined
        if (!stopped && result === 'expired' && sent === token()) onExpired()
        return result
      }),
    }
    pending = current
    return current.result
  }
  const onVisible = () => {
    if (document.visibilityState === 'visible') check()
  }
  const onInteraction = () => {
    if (Date.now() - checkedAt >= CHECK_AFTER_IDLE_MS) check()
  }

  document.addEventListener('visibilitychange', onVisible)
  element.addEventListener('pointerdown', onInteraction, true)
  element.addEventListener('keydown', onInteraction, true)
  return {
    check,
    stop() {
      stopped = true
      document.removeEventListener('visibilitychange', onVisible)
      element.removeEventListener('pointerdown', onInteraction, true)
      element.removeEventListener('keydown', onInteraction, true)
    },
  }
}
