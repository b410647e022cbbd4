/** What went wrong, as a stable string to branch on. */
export type ConnectHubErrorCode =
  /** The session options failed validation; see `issues`. */
  | 'invalid_session'
  /** `getToken` threw or rejected; the original error is the `cause`. */
  | 'token_failed'
  /** `getToken` did not settle within `tokenTimeout`. */
  | 'token_timeout'
  /** `getToken` resolved to something that is not a usable token. */
  | 'invalid_token'
  /** The hub reported an expired token twice in a short window, or the token could not be refreshed. */
  | 'token_expired'
  /** The hub did not load or did not say `ready` within `hubTimeout`. */
  | 'hub_unavailable'
  /**
   * This environment cannot host the hub: an iframe hub in jsdom or happy-dom, which load no page from another origin.
   * Use `<ConnectHubTestProvider>` from `react-connect-hub/testing` there.
   */
  | 'unsupported_environment'
  /** The hub reported an error of its own. */
  | 'hub_error'
  /** The session API answered with an error status; see `status` and `body`. */
  | 'api_error'
  /** The session API could not be reached. */
  | 'network_error'

/** One field-level problem found while validating session options. */
export interface ConnectHubIssue {
  /** Where the problem is, e.g. `['categories', 0]`. */
  path: (string | number)[]
  /** What is wrong and, where it helps, what to write instead. */
  message: string
}

export interface ConnectHubErrorOptions {
  cause?: unknown
  issues?: ConnectHubIssue[]
  status?: number
  body?: unknown
}

const PREFIX = 'react-connect-hub: '

/** A library message without its `react-connect-hub: ` prefix (e.g. one read from a JSON error body). */
export const errorDetail = (message: string): string => (message.startsWith(PREFIX) ? message.slice(PREFIX.length) : message)

/** Every failure the library reports is one of these, passed to `onError` or thrown by server helpers. */
export class ConnectHubError extends Error {
  override readonly name = 'ConnectHubError'
  readonly code: ConnectHubErrorCode
  /** Field-level problems, for `invalid_session`. */
  readonly issues?: ConnectHubIssue[]
  /** The HTTP status, for `api_error`. */
  readonly status?: number
  /** The parsed response body, for `api_error`. */
  readonly body?: unknown
  /** The message without the `react-connect-hub: ` prefix, for showing to a user. */
  readonly detail: string

  /** `message` may start with the `react-connect-hub: ` prefix or not: the error's `message` has it once. */
  constructor(code: ConnectHubErrorCode, message: string, options: ConnectHubErrorOptions = {}) {
    const detail = errorDetail(message)
    super(PREFIX + detail, 'cause' in options ? { cause: options.cause } : undefined)
    this.code = code
    this.detail = detail
    if (options.issues) this.issues = options.issues
    if (options.status !== undefined) this.status = options.status
    if ('body' in options) this.body = options.body
  }
}

/** True for errors raised by this library, across bundle copies too. */
export function isConnectHubError(value: unknown): value is ConnectHubError {
  return value instanceof ConnectHubError || (value instanceof Error && value.name === 'ConnectHubError' && 'code' in value)
}

/** `error` if the library raised it, else a `ConnectHubError` with `code` whose cause it is. */
export const asConnectHubError = (error: unknown, code: ConnectHubErrorCode): ConnectHubError =>
  isConnectHubError(error) ? error : new ConnectHubError(code, String(error), { cause: error })
