import type { ConnectHubErrorCode } from '../errors.ts'

/** Every string the launcher itself shows, replaceable for translation. */
export interface ConnectHubLabels {
  /** The dialog's name and heading. @default 'Connect an account' ('Edit connection' in edit mode) */
  title: string
  /** The close control's accessible name. @default 'Close' */
  close: string
  /** Shown while the token and the hub load. @default 'Loading…' */
  loading: string
  /** Shown above the error's message. @default 'The connection could not be opened.' */
  error: string
  /** The button that tries again after an error. @default 'Retry' */
  retry: string
  /**
   * What the person connecting an account reads for each error, in plain words: the developer's message (the
   * `ConnectHubError`'s) goes to `onError` and the console instead, and shows in the dialog only with
   * `showErrorDetails`. Give the codes you want to word differently; the others keep their defaults.
   * @default ERROR_TEXT, e.g. `{ token_failed: "We couldn't start the connection. Please try again." }`
   */
  errors: Partial<Record<ConnectHubErrorCode, string>>
}

/** The labels with every error code worded. */
export type ResolvedLabels = Omit<ConnectHubLabels, 'errors'> & { errors: Record<ConnectHubErrorCode, string> }

/** The default end-user text of each error code: no jargon, no blame, and what to do next. */
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
}

export function resolveLabels(labels: Partial<ConnectHubLabels> | undefined, editing: boolean): ResolvedLabels {
  const { errors, ...rest } = labels ?? {}
  const worded = { ...ERROR_TEXT }
  for (const [code, text] of Object.entries(errors ?? {})) if (typeof text === 'string') worded[code as ConnectHubErrorCode] = text
  return {
    title: editing ? 'Edit connection' : 'Connect an account',
    close: 'Close',
    loading: 'Loading…',
    error: 'The connection could not be opened.',
    retry: 'Retry',
    ...rest,
    errors: worded,
  }
}
