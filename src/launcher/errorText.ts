import type { ConnectHubError } from '../errors.ts'
import type { Words } from './labels.ts'

/**
 * Writes the error state's words above Retry: `error`, then the end user's text for `error`'s code (plain words, no
 * jargon, and what to do next: the developer's message stays on the `ConnectHubError`, for `onError` and the console),
 * then, on request, the developer's message. Written anew for each error, so that the alert is announced again.
 */
export function describe(
  error: ConnectHubError,
  box: HTMLElement,
  words: Pick<Words, 'error' | 'errors'>,
  showErrorDetails: boolean | undefined,
): void {
  const lines: [string, string][] = [
    ['title', words.error],
    ['message', words.errors[error.code]],
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
