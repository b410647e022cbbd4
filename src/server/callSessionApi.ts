import { ConnectHubError } from '../errors.ts'
import { basicAuthorization } from './basicAuth.ts'
import { createRedactor, type Redactor } from './redact.ts'
import { backoffMs, isRetryableStatus, MAX_TIMER_MS, retryAfterMs, sleep } from './retry.ts'

const MAX_BODY_CHARS = 4096

/** How to reach the session API: what `createConnectSession` and the handler's account check share. */
export interface SessionApiOptions {
  apiKey: string
  baseUrl?: string
  fetch?: typeof fetch
  signal?: AbortSignal
  retries?: number
  timeoutMs?: number
  retryDelayMs?: number
  maxRetryDelayMs?: number
}

/** The last answer of the session API, its body parsed (when JSON) and redacted. */
export interface SessionApiAnswer {
  status: number
  body: unknown
  attempts: number
  /** `Date.now()` when the answered attempt was sent. */
  sentAt: number
}

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new TypeError(`react-connect-hub: createConnectSession option ${name} must be an integer ≥ ${min}, got ${String(value)}`)
  }
  // Node's timers fire at once past 2^31 − 1 ms: a longer wait is no wait at all.
  return Math.min(value, MAX_TIMER_MS)
}

function endpoint(baseUrl: string, path: string): URL {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new TypeError(
      `react-connect-hub: baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL — use e.g. 'https://api.stackone.com'`,
    )
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`
  return url
}

/**
 * The body, redacted twice: as text, where every escaped form of the key is caught before decoding can turn it into
 * something else, and once parsed, where decoding may have produced the key from a form the text did not show.
 */
function parseBody(text: string, redactor: Redactor): unknown {
  const safe = redactor.text(text)
  try {
    return redactor.value(JSON.parse(safe))
  } catch {
    // Cut after redaction: a cut could leave half a key that no longer matches.
    return safe.length > MAX_BODY_CHARS ? `${safe.slice(0, MAX_BODY_CHARS)}…` : safe
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

/** The `api_error` for an answer nobody wanted: its status, the upstream's message and parsed body, never the key. */
export function apiError(answer: SessionApiAnswer): ConnectHubError {
  const detail = upstreamMessage(answer.body)
  return new ConnectHubError(
    'api_error',
    `the session API answered ${answer.status}${detail ? ` (${detail})` : ''} — ${statusHint(answer.status, answer.attempts)}`,
    { status: answer.status, body: answer.body },
  )
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
 * One call to the session API with the key as Basic credential: retries 408/429/5xx and network failures with
 * backoff honouring `Retry-After`, never follows a redirect, and answers with the last status and its redacted body.
 * Fails with a `network_error` whose `cause` is a sanitised copy of the failure.
 */
export async function callSessionApi(
  request: { method: 'GET' | 'POST'; path: string; body?: unknown; what: string },
  options: SessionApiOptions,
): Promise<SessionApiAnswer> {
  const { apiKey, baseUrl = 'https://api.stackone.com', signal } = options
  const retries = checkCount('retries', options.retries ?? 2, 0)
  const timeoutMs = checkCount('timeoutMs', options.timeoutMs ?? 10_000, 1)
  const retryDelayMs = checkCount('retryDelayMs', options.retryDelayMs ?? 300, 0)
  const maxRetryDelayMs = checkCount('maxRetryDelayMs', options.maxRetryDelayMs ?? 10_000, 0)
  const send = options.fetch ?? globalThis.fetch
  const url = endpoint(baseUrl, request.path)
  const redactor = createRedactor(apiKey)
  const headers: Record<string, string> = { Authorization: basicAuthorization(apiKey), Accept: 'application/json' }
  if (request.body !== undefined) headers['Content-Type'] = 'application/json'

  const aborted = (reason: unknown) =>
    new ConnectHubError('network_error', `${request.what} was aborted by the caller`, { cause: redactor.error(reason) })
  const wait = async (ms: number) => {
    try {
      await sleep(ms, signal)
    } catch (reason) {
      throw aborted(reason)
    }
  }

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw aborted(signal.reason)
    const sentAt = Date.now()
    const current = new Attempt(timeoutMs, signal)
    let response: Response
    let text: string
    try {
      response = await send(url, {
        method: request.method,
        headers,
        ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
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
          { cause: redactor.error(error) },
        )
      }
      if (attempt >= retries) {
        throw new ConnectHubError(
          'network_error',
          `could not reach the session API at ${url.origin}${attempt ? ` after ${attempt + 1} attempts` : ''} — check baseUrl and the server's network access`,
          { cause: redactor.error(error) },
        )
      }
      await wait(backoffMs(attempt, retryDelayMs, maxRetryDelayMs))
      continue
    } finally {
      current.end()
    }

    if (isRetryableStatus(response.status) && attempt < retries) {
      const requested = retryAfterMs(response.headers.get('retry-after'))
      await wait(requested === undefined ? backoffMs(attempt, retryDelayMs, maxRetryDelayMs) : Math.min(requested, maxRetryDelayMs))
      continue
    }
    return { status: response.status, body: parseBody(text, redactor), attempts: attempt + 1, sentAt }
  }
}
