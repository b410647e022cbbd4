import { ConnectHubError } from '../errors.ts'
import { DEFAULT_EXPIRES_IN } from '../session/fields.ts'
import { type ConnectSessionCreate, type NormalizedConnectSessionCreate, parseConnectSessionCreate } from '../session/index.ts'
import { toWireBody } from '../session/wire.ts'
import { apiError, callSessionApi, type SessionApiOptions } from './callSessionApi.ts'
import { type ConnectSession, connectSessionResponseSchema, withoutToken } from './connectSessionResponse.ts'

export interface CreateConnectSessionOptions extends SessionApiOptions {
  /** Your StackOne API key. Keep it on the server: it is sent only as the Basic credential of this one request. */
  apiKey: string
  /**
   * Where the session API lives. A path is kept (`https://proxy.example/stackone` → `…/stackone/connect_sessions`).
   * @default 'https://api.stackone.com'
   */
  baseUrl?: string
  /**
   * The `fetch` to send the request with: pass one to add tracing, a proxy agent or a test double.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch
  /**
   * Aborts the request and any wait between retries; pass the incoming request's `signal` so a departed browser
   * stops the work.
   * @default undefined
   */
  signal?: AbortSignal
  /**
   * How many times to retry after a 408, 429, 5xx or network failure. Other 4xx are never retried.
   * @default 2
   */
  retries?: number
  /**
   * How long one attempt may take, response body included, in milliseconds. A timed-out attempt is not retried.
   * Values above 2^31 − 1 (what timers can hold, about 24.8 days) count as 2^31 − 1.
   * @default 10000
   */
  timeoutMs?: number
  /**
   * The first backoff step in milliseconds; it doubles with each retry, with jitter. A `Retry-After` header wins.
   * @default 300
   */
  retryDelayMs?: number
  /**
   * The longest wait between attempts in milliseconds, also for a `Retry-After` that asks for more.
   * @default 10000
   */
  maxRetryDelayMs?: number
}

export interface CreatedConnectSession {
  /** The short-lived session token to hand to the browser. */
  token: string
  /** When the token expires, as an ISO 8601 string: `created_at` + the requested `expiresIn` (1800 s by default). */
  expiresAt: string
  /**
   * StackOne's hosted connect page for this session, token included: a bearer link, as secret as the token itself.
   * Send it only to the user it was minted for.
   */
  authLinkUrl: string
  /** The session as StackOne recorded it, with no token in it: safe to log. */
  session: ConnectSession
}

/**
 * Creates a StackOne connect session (`POST {baseUrl}/connect_sessions`) and returns its token. Server-side only:
 * it needs your API key. Validates `session` first (a `ConnectHubError` `invalid_session` before any request),
 * retries 408/429/5xx and network failures with backoff honouring `Retry-After`, and validates the answer.
 *
 * Fails with a `ConnectHubError`: `api_error` (with `status` and the parsed `body`) or `network_error` (with `cause`).
 * No error ever contains the API key.
 */
export async function createConnectSession(
  session: ConnectSessionCreate,
  options: CreateConnectSessionOptions,
): Promise<CreatedConnectSession> {
  if (typeof options.apiKey !== 'string' || !options.apiKey) {
    throw new TypeError('react-connect-hub: createConnectSession needs apiKey — pass your StackOne API key from a server-side secret')
  }
  return mintConnectSession(parseConnectSessionCreate(session), options)
}

/**
 * `createConnectSession` for a session that was validated and normalised already (the handler's): it is sent as it is,
 * without a second check.
 */
export async function mintConnectSession(
  session: NormalizedConnectSessionCreate,
  options: CreateConnectSessionOptions,
): Promise<CreatedConnectSession> {
  const body = toWireBody(session)
  const answer = await callSessionApi({ method: 'POST', path: '/connect_sessions', body, what: 'creating the connect session' }, options)
  if (answer.status < 200 || answer.status > 299) throw apiError(answer)
  return toResult(answer.status, answer.body, body.expires_in ?? DEFAULT_EXPIRES_IN, answer.sentAt)
}

function toResult(status: number, body: unknown, expiresIn: number, sentAt: number): CreatedConnectSession {
  const result = connectSessionResponseSchema.safeParse(body)
  if (!result.success) {
    // The body holds a token: name the fields, never the values.
    const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(body)'))].join(', ')
    throw new ConnectHubError(
      'api_error',
      `the session API answered ${status} with an unexpected body (${fields}) — check that baseUrl points at a StackOne-compatible session API`,
      { status },
    )
  }
  const { token, authLinkUrl, ...session } = result.data
  // A skewed server clock must not move the expiry outside the time the request was in flight.
  const createdAt = Math.min(Math.max(Date.parse(session.createdAt), sentAt), Date.now())
  return {
    token,
    expiresAt: new Date(createdAt + expiresIn * 1000).toISOString(),
    authLinkUrl,
    session: { ...session, authLinkUrl: withoutToken(authLinkUrl, token) },
  }
}
