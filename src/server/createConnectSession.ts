import { ConnectHubError } from '../errors.ts'
import { DEFAULT_EXPIRES_IN } from '../session/fields.ts'
import { type ConnectSessionCreate, toConnectSessionRequest } from '../session/index.ts'
import { type ConnectSession, connectSessionResponseSchema } from './connectSessionResponse.ts'
import { redact, safeCause } from './redact.ts'
import { backoffMs, isRetryableStatus, retryAfterMs, sleep } from './retry.ts'

const MAX_BODY_CHARS = 4096

export interface CreateConnectSessionOptions {
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
  /** The session as StackOne recorded it. */
  session: ConnectSession
}

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new TypeError(`react-connect-hub: createConnectSession option ${name} must be an integer ≥ ${min}, got ${String(value)}`)
  }
  return value
}

function endpoint(baseUrl: string): URL {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new TypeError(
      `react-connect-hub: baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL — use e.g. 'https://api.stackone.com'`,
    )
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/connect_sessions`
  return url
}

function basicCredential(apiKey: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(`${apiKey}:`)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…` : text
  }
}

function upstreamMessage(body: unknown): string | undefined {
  const message = typeof body === 'object' && body !== null && 'message' in body ? body.message : undefined
  return typeof message === 'string' && message ? message.slice(0, 200) : undefined
}

function statusHint(status: number, attempts: number): string {
  const tried = attempts > 1 ? ` after ${attempts} attempts` : ''
  if (status === 401 || status === 403) return 'check apiKey: it must be a valid StackOne API key for this project'
  if (status === 404) return 'check baseUrl: it should point at the session API root, e.g. https://api.stackone.com'
  if (status >= 300 && status < 400) return 'set baseUrl to the final API address: the API key is never sent after a redirect'
  if (status === 429) return `the API is rate-limiting${tried}; try again later`
  if (status >= 500 || status === 408) return `the service failed${tried}; try again later`
  return 'check the session fields'
}

class Attempt {
  readonly controller = new AbortController()
  timedOut = false
  private readonly timer: ReturnType<typeof setTimeout>
  private readonly onAbort: () => void

  constructor(
    timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.onAbort = () => this.controller.abort(signal?.reason)
    signal?.addEventListener('abort', this.onAbort, { once: true })
    this.timer = setTimeout(() => {
      this.timedOut = true
      this.controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'))
    }, timeoutMs)
  }

  end(): void {
    clearTimeout(this.timer)
    this.signal?.removeEventListener('abort', this.onAbort)
  }
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
  const { apiKey, baseUrl = 'https://api.stackone.com', signal } = options
  if (typeof apiKey !== 'string' || !apiKey) {
    throw new TypeError('react-connect-hub: createConnectSession needs apiKey — pass your StackOne API key from a server-side secret')
  }
  const retries = checkCount('retries', options.retries ?? 2, 0)
  const timeoutMs = checkCount('timeoutMs', options.timeoutMs ?? 10_000, 1)
  const retryDelayMs = checkCount('retryDelayMs', options.retryDelayMs ?? 300, 0)
  const maxRetryDelayMs = checkCount('maxRetryDelayMs', options.maxRetryDelayMs ?? 10_000, 0)
  const send = options.fetch ?? globalThis.fetch
  const url = endpoint(baseUrl)
  const body = toConnectSessionRequest(session)
  const credential = basicCredential(apiKey)
  const secrets = [apiKey, credential]

  const aborted = (reason: unknown) =>
    new ConnectHubError('network_error', 'creating the connect session was aborted by the caller', { cause: safeCause(reason, secrets) })

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw aborted(signal.reason)
    const sentAt = Date.now()
    const current = new Attempt(timeoutMs, signal)
    let response: Response
    let text: string
    try {
      response = await send(url, {
        method: 'POST',
        headers: { Authorization: `Basic ${credential}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        // A redirect would carry the Authorization header on to wherever it points.
        redirect: 'manual',
        signal: current.controller.signal,
      })
      text = await response.text()
    } catch (error) {
      if (signal?.aborted) throw aborted(signal.reason)
      if (current.timedOut) {
        throw new ConnectHubError(
          'network_error',
          `the session API did not answer within ${timeoutMs} ms — raise timeoutMs or try again later`,
          {
            cause: safeCause(error, secrets),
          },
        )
      }
      if (attempt >= retries) {
        throw new ConnectHubError(
          'network_error',
          `could not reach the session API at ${url.origin}${attempt ? ` after ${attempt + 1} attempts` : ''} — check baseUrl and the server's network access`,
          { cause: safeCause(error, secrets) },
        )
      }
      await wait(backoffMs(attempt, retryDelayMs, maxRetryDelayMs))
      continue
    } finally {
      current.end()
    }

    const parsed = parseBody(redact(text, secrets))
    if (response.ok) return toResult(response.status, parsed, body.expires_in ?? DEFAULT_EXPIRES_IN, sentAt)
    if (isRetryableStatus(response.status) && attempt < retries) {
      const requested = retryAfterMs(response.headers.get('retry-after'))
      await wait(requested === undefined ? backoffMs(attempt, retryDelayMs, maxRetryDelayMs) : Math.min(requested, maxRetryDelayMs))
      continue
    }
    const detail = upstreamMessage(parsed)
    throw new ConnectHubError(
      'api_error',
      `the session API answered ${response.status}${detail ? ` (${detail})` : ''} — ${statusHint(response.status, attempt + 1)}`,
      { status: response.status, body: parsed },
    )
  }

  async function wait(ms: number): Promise<void> {
    try {
      await sleep(ms, signal)
    } catch (reason) {
      throw aborted(reason)
    }
  }
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
  const { token, ...session } = result.data
  // A skewed server clock must not move the expiry outside the time the request was in flight.
  const createdAt = Math.min(Math.max(Date.parse(session.createdAt), sentAt), Date.now())
  return { token, expiresAt: new Date(createdAt + expiresIn * 1000).toISOString(), session }
}
