import { isConnectHubError } from '../errors.ts'
import { type ConnectSessionOptions, type NormalizedConnectSessionOptions, parseConnectSessionOptions } from '../session/index.ts'
import { type CreateConnectSessionOptions, createConnectSession } from './createConnectSession.ts'

/** Who owns the account being connected, as your own authentication knows them. */
export interface ConnectSessionOwner {
  /** Your customer's id: the organisation or tenant that owns the connected account. */
  originOwnerId: string
  /** Your customer's name, shown in StackOne's dashboard. */
  originOwnerName: string
  /** The signed-in user's name in your product. */
  originUsername?: string
}

type OwnerField = keyof ConnectSessionOwner
const OWNER_FIELDS: readonly OwnerField[] = ['originOwnerId', 'originOwnerName', 'originUsername']

/** The `code` of a JSON error answer: `{ error: { code, message, issues? } }`. */
export type ConnectSessionHandlerErrorCode =
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'invalid_json'
  | 'unauthorized'
  | 'invalid_session'
  | 'upstream_error'
  | 'internal_error'

export interface ConnectSessionHandlerOptions extends Pick<CreateConnectSessionOptions, 'retries' | 'timeoutMs'> {
  /** Your StackOne API key, from a server-side secret. */
  apiKey: string
  /**
   * Where the session API lives.
   * @default 'https://api.stackone.com'
   */
  baseUrl?: string
  /**
   * Tells who is asking, from your own authentication (session cookie, bearer token…); `null` answers 401.
   * Read headers and cookies only: the handler reads the body itself.
   */
  resolveOwner: (request: Request) => ConnectSessionOwner | null | Promise<ConnectSessionOwner | null>
  /**
   * The `fetch` used to call the session API.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch
  /**
   * The largest request body accepted, in bytes, counted while it streams in; larger answers 413.
   * @default 16384
   */
  maxBodyBytes?: number
  /**
   * Session options applied under the browser's own (the browser's win), e.g. `{ expiresIn: 600 }`.
   * Owner fields are not allowed here: they come from `resolveOwner`.
   * @default {}
   */
  defaults?: Omit<ConnectSessionOptions, OwnerField>
  /**
   * Called with every failure answered with a 5xx (the upstream error, or what `resolveOwner` threw), for your logs.
   * The answer itself stays generic.
   * @default console.error
   */
  onError?: (error: unknown, request: Request) => void
}

/** A `(request: Request) => Promise<Response>` route handler, as Next.js, Hono, Remix and edge runtimes expect. */
export type ConnectSessionHandler = (request: Request) => Promise<Response>

const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }

function json(status: number, payload: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(payload), { status, headers: { ...JSON_HEADERS, ...headers } })
}

function fail(
  status: number,
  code: ConnectSessionHandlerErrorCode,
  message: string,
  extra: { issues?: unknown; headers?: Record<string, string> } = {},
): Response {
  const error = { code, message: `react-connect-hub: ${message}`, ...(extra.issues !== undefined && { issues: extra.issues }) }
  return json(status, { error }, extra.headers)
}

class TooLarge extends Error {}

async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) throw new TooLarge()
  if (!request.body) return ''
  // Content-Length may be absent (chunked) or wrong: count what actually arrives.
  const reader = request.body.getReader()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let received = 0
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text + decoder.decode()
    received += value.byteLength
    if (received > maxBytes) {
      await reader.cancel().catch(() => {})
      throw new TooLarge()
    }
    text += decoder.decode(value, { stream: true })
  }
}

function isJson(contentType: string | null): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase()
  return mediaType === 'application/json'
}

function withoutOwner(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
  const rest: Record<string, unknown> = { ...input }
  for (const field of OWNER_FIELDS) delete rest[field]
  return rest
}

function pickOwner(owner: ConnectSessionOwner): ConnectSessionOwner {
  const { originOwnerId, originOwnerName, originUsername } = owner
  return { originOwnerId, originOwnerName, ...(originUsername !== undefined && { originUsername }) }
}

/**
 * A route handler that mints connect-session tokens for your signed-in users: the browser posts session options
 * (JSON), the owner comes from `resolveOwner`, never from the browser, and the answer is `{ token, expiresAt }`.
 *
 * Answers 405 (not POST), 415 (not JSON), 413 (body too large), 400 (bad JSON or options, with `issues`),
 * 401 (`resolveOwner` returned `null`), 502 (the session API failed) and 500 (`resolveOwner` threw).
 * Requiring `application/json` also keeps plain HTML forms on other sites from posting to it.
 */
export function createConnectSessionHandler(options: ConnectSessionHandlerOptions): ConnectSessionHandler {
  const { apiKey, resolveOwner, maxBodyBytes = 16_384, onError = (error: unknown) => console.error(error) } = options
  if (typeof apiKey !== 'string' || !apiKey) {
    throw new TypeError(
      'react-connect-hub: createConnectSessionHandler needs apiKey — pass your StackOne API key from a server-side secret',
    )
  }
  if (typeof resolveOwner !== 'function') {
    throw new TypeError('react-connect-hub: createConnectSessionHandler needs resolveOwner(request) — return the signed-in owner, or null')
  }
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new TypeError(`react-connect-hub: maxBodyBytes must be a positive integer, got ${String(maxBodyBytes)}`)
  }
  if (options.defaults && OWNER_FIELDS.some((field) => field in (options.defaults as object))) {
    throw new TypeError('react-connect-hub: defaults must not hold owner fields — return them from resolveOwner instead')
  }
  const defaults: NormalizedConnectSessionOptions = parseConnectSessionOptions(options.defaults ?? {})
  const upstream: CreateConnectSessionOptions = {
    apiKey,
    ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
    ...(options.fetch !== undefined && { fetch: options.fetch }),
    ...(options.retries !== undefined && { retries: options.retries }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  }

  return async (request) => {
    if (request.method !== 'POST') {
      return fail(405, 'method_not_allowed', `use POST, not ${request.method}`, { headers: { Allow: 'POST' } })
    }
    if (!isJson(request.headers.get('content-type'))) {
      return fail(415, 'unsupported_media_type', 'send the session options as JSON with Content-Type: application/json')
    }

    let owner: ConnectSessionOwner | null
    try {
      owner = await resolveOwner(request)
    } catch (error) {
      onError(error, request)
      return fail(500, 'internal_error', 'could not tell who is asking — see the server logs')
    }
    if (owner === null) return fail(401, 'unauthorized', 'sign in first: no owner for this request')

    let text: string
    try {
      text = await readText(request, maxBodyBytes)
    } catch (error) {
      if (error instanceof TooLarge) return fail(413, 'payload_too_large', `the session options must be at most ${maxBodyBytes} bytes`)
      return fail(400, 'invalid_json', 'the request body could not be read as UTF-8 text')
    }
    let input: unknown
    try {
      input = JSON.parse(text)
    } catch {
      return fail(400, 'invalid_json', 'the request body is not valid JSON — post the session options as a JSON object')
    }

    let requested: NormalizedConnectSessionOptions
    try {
      requested = parseConnectSessionOptions(withoutOwner(input))
    } catch (error) {
      if (isConnectHubError(error) && error.code === 'invalid_session') {
        return fail(400, 'invalid_session', error.detail, { issues: error.issues ?? [] })
      }
      throw error
    }

    try {
      const created = await createConnectSession(
        { ...defaults, ...requested, ...pickOwner(owner) },
        { ...upstream, signal: request.signal },
      )
      return json(200, { token: created.token, expiresAt: created.expiresAt })
    } catch (error) {
      if (!request.signal.aborted) onError(error, request)
      if (isConnectHubError(error) && (error.code === 'api_error' || error.code === 'network_error')) {
        const status = error.status === undefined ? '' : ` (it answered ${error.status})`
        // A rejected key is the server's setup, not a passing fault: say so rather than "try again".
        const advice = error.status === 401 || error.status === 403 ? 'check the API key on the server' : 'try again later'
        return fail(502, 'upstream_error', `the session API could not create a connect session${status} — ${advice}`)
      }
      // Only the owner from resolveOwner can be invalid here: the browser's options were checked above.
      return fail(500, 'internal_error', 'could not create a connect session — see the server logs')
    }
  }
}
