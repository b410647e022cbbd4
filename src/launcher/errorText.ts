import type { ConnectHubError, ConnectHubErrorCode } from '../errors.ts'
import type { ConnectHubLabels } from './labels.ts'

/**
 * What the person connecting an account reads for each error: plain words, no jargon, and what to do next. The
 * developer's message stays on the `ConnectHubError` (`onError`, the console). Loaded when a button mounts, apart
 * from the page's own code, like the rest of what only an open dialog needs.
 */
export const ERROR_TEXT: Readonly<Record<ConnectHubErrorCode, string>> = {
  invalid_session: "This connection isn't set up correctly. Please contact support.",
  token_failed: "We couldn't start the connection. Please try again.",
  token_timeout: 'Starting the connection took too long. Please try again.',
  invalid_token: "We couldn't start the connection. Please try again.",
  token_expired: 'Your session expired. Please try again.',
  hub_unavailable: "The connection service isn't responding. Please try again in a moment.",
  hub_error: 'The connection service ran into a problem. Please try again.',
  api_error: 'The connection service ran into a problem. Please try again.',
  network_error: "We couldn't reach the connection service. Check your internet connection and try again.",
  unsupported_environment: "Connecting accounts isn't available here. Please use a web browser.",
}

/**
 * Writes the error state's words above Retry: `labels.error`, then the end user's text for `error`'s code (from
 * `labels.errors`, else ERROR_TEXT), then, on request, the developer's message. Written anew for each error, so that
 * the alert is announced again.
 */
export function describe(
  error: ConnectHubError,
  box: HTMLElement,
  labels: Partial<ConnectHubLabels>,
  showErrorDetails: boolean | undefined,
): void {
  const lines: [string, string][] = [
    ['title', labels.error ?? 'The connection could not be opened.'],
    ['message', labels.errors?.[error.code] ?? ERROR_TEXT[error.code]],
  ]
  if (showErrorDetails) lines.push(['detail', error.detail])
  for (const line of box.querySelectorAll('p')) line.remove()
  box.prepend(
    ...lines.map(([part, text]) => {
      const line = document.createElement('p')
      line.className = `rch-error-${part}`
      line.textContent = text
      return line
    }),
  )
}
