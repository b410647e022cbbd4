import type { Attempt, Integration } from './api.ts'
import { showOAuthBlocked, showOAuthWaiting } from './oauthScreens.ts'

const WINDOW_NAME = 'connect-hub-oauth'
/** How often the window's handle is looked at: only to word the waiting screen, never to decide the outcome. */
const WINDOW_CHECK_MS = 500

export function openWindow(url: string): Window | null {
  const width = 520
  const height = 700
  const left = Math.round(window.screenX + (window.outerWidth - width) / 2)
  const top = Math.round(window.screenY + (window.outerHeight - height) / 3)
  // Not `noopener`: with it `window.open` always returns null, and a blocked window could not be told apart.
  return window.open(url, WINDOW_NAME, `popup,width=${width},height=${height},left=${left},top=${top}`)
}

/** The provider's window, and the screen that waits for it (or says it was blocked). */
export function providerWindow(integration: Integration, onCancel: (attempt: Attempt) => void) {
  let popup: Window | null = null
  let checkTimer: ReturnType<typeof setInterval> | undefined

  /** Synchronous from the click to `window.open` (or given the window the click opened). */
  function open(attempt: Attempt, opened?: Window | null) {
    popup = opened === undefined ? openWindow(attempt.url) : opened
    clearInterval(checkTimer)
    if (!popup) {
      showOAuthBlocked({ integration, url: attempt.url, onCancel: () => onCancel(attempt) })
      return
    }
    popup.focus()
    const screen = showOAuthWaiting({
      integration,
      onShowWindow: () => {
        if (popup && !popup.closed) popup.focus()
        else open(attempt)
      },
      onCancel: () => onCancel(attempt),
    })
    checkTimer = setInterval(() => {
      if (!popup || popup.closed) {
        clearInterval(checkTimer)
        screen.windowLost()
      }
    }, WINDOW_CHECK_MS)
  }

  return {
    open,
    /** Stops looking at the window's handle: its screen is gone. */
    stop: () => clearInterval(checkTimer),
  }
}

/**
 * For a click that finds no fresh attempt: the window opens now, inside the click, on the API's waiting page (no token,
 * no id), and is sent on to the attempt's URL once the attempt exists.
 */
export function openWaitingWindow(waitingUrl: string) {
  const waiting = openWindow(waitingUrl)
  return {
    window: waiting,
    sendTo(url: string) {
      if (waiting && !waiting.closed) waiting.location.replace(url)
    },
  }
}
