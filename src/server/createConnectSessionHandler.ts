import { isConnectHubError } from '../errors.ts'
import { type NormalizedConnectSessionOptions, parseConnectSessionOptions } from '../session/index.ts'
import { ownsAccountThroughApi } from './accountOwner.ts'
import { fail, json, serverFailure } from './answers.ts'
import { type CreateConnectSessionOptions, mintConnectSession } from './createConnectSession.ts'
import { checkOrigins, crossOriginRefusal } from './crossOrigin.ts'
import { isJson, readText, TooLarge } from './readBody.ts'
import { type AllowableSessionField, createSessionPolicy, OWNER_FIELDS, type ServerSessionOptions } from './sessionPolicy.ts'

/** Who owns the account being connected, as your own authentication knows them. */
export interface ConnectSessionOwner {
  /** Your customer's id: the organisation or tenant that owns the connected account. */
  originOwnerId: string
  /** Your customer's name, shown in StackOne's dashboard. */
  originOwnerName: string
  /** The signed-in user's name in your product. */
  originUsername?: string
}

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
   * Session options applied under the browser's own: the browser's win, e.g. `{ expiresIn: 600, categories: ['hris'] }`.
   * May hold fields the browser cannot set (`metadata`, `type`); owner fields are not allowed: they come from `resolveOwner`.
   * @default {}
   */
  defaults?: ServerSessionOptions
  /**
   * Session options that win over the browser's, e.g. `{ type: process.env.NODE_ENV === 'production' ? 'production' : 'test',
   * metadata: { plan: 'pro' } }`. A field set here replaces the browser's whole value. Owner fields are not allowed.
   * @default {}
   */
  overrides?: ServerSessionOptions
  /**
   * Fields the browser may set besides `provider`, `categories`, `accountId`, `label`, `multiple`, `integrationId`,
   * `providerVersion` and `expiresIn`: `'metadata'` (often trusted by webhooks to attribute accounts to tenants) and
   * `'type'` (a `test` sandbox account). A field the browser may not set answers 400 `field_not_allowed` naming it.
   * @default []
   */
  allow?: readonly AllowableSessionField[]
  /**
   * The longest token lifetime the browser may ask for, in seconds: a larger `expiresIn` answers 400. When nobody names
   * a lifetime and this is below StackOne's default of 1800 s, sessions are created with this one.
   * @default 3600
   */
  maxExpiresIn?: number
  /**
   * Decides whether an `accountId` (edit mode) belongs to the owner `resolveOwner` returned; anything but `true` answers
   * 403 `account_not_allowed`, the same answer for an unknown account, and nothing is minted. By default the session API
   * is asked: `GET {baseUrl}/accounts/{accountId}` with your key, comparing its `origin_owner_id`.
   * @default the session API's answer
   */
  ownsAccount?: (accountId: string, owner: ConnectSessionOwner, request: Request) => boolean | Promise<boolean>
  /**
   * Origins (`scheme://host[:port]`) of other sites whose pages may call this route, e.g. your marketing site. Any other
   * cross-site request (`Sec-Fetch-Site: cross-site` or `same-site`, or an `Origin` of another host) answers 403.
   * @default []
   */
  trustedOrigins?: readonly string[]
  /**
   * Called with every failure answered with a 5xx (the upstream error, or what `resolveOwner` or `ownsAccount` threw),
   * for your logs. The answer itself stays generic; errors of this library never hold your key.
   * @default console.error
   */
  onError?: (error: unknown, request: Request) => void
}

/** A `(request: Request) => Promise<Response>` route handler, as Next.js, Hono, Remix and edge runtimes expect. */
export type ConnectSessionHandler = (request: Request) => Promise<Response>

function withoutOwner(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
  const rest: Record<string, unknown> = { ...input }
  for (const field of OWNER_FIELDS) delete rest[field]
  return rest
}

const isText = (value: unknown) => typeof value === 'string' && value.length > 0

/**
 * The owner fields of what `resolveOwner` returned, checked as the session schema would (non-empty strings,
 * `originUsername` optional): the only part of the session the browser's parse did not cover.
 */
function pickOwner(owner: ConnectSessionOwner): ConnectSessionOwner {
  const { originOwnerId, originOwnerName, originUsername } = owner
  if (!isText(originOwnerId) || !isText(originOwnerName) || (originUsername !== undefined && !isText(originUsername))) {
    throw new TypeError(
      'react-connect-hub: resolveOwner returned an unusable owner — originOwnerId and originOwnerName must be non-empty strings, originUsername a non-empty string or left out',
    )
  }
  return { originOwnerId, originOwnerName, ...(originUsername !== undefined && { originUsername }) }
}

/**
 * A route handler that mints connect-session tokens for your signed-in users: the browser posts session options
 * (JSON), the owner comes from `resolveOwner`, never from the browser, and the answer is `{ token, expiresAt }`.
 * Secure by default against a signed-in but hostile browser: it may set only the fields you allow, `expiresIn` up to
 * `maxExpiresIn`, an `accountId` only of its own owner, and only from your own site.
 *
 * Answers 405 (not POST), 403 `cross_origin` (a request from another site), 415 (not JSON), 413 (body too large),
 * 400 (bad JSON, options or `expiresIn`, with `issues`; `field_not_allowed` for a field the browser may not set),
 * 401 (`resolveOwner` returned `null`), 403 `account_not_allowed` (an `accountId` not of this owner), 502 (the session
 * API failed) and 500 (`resolveOwner` or `ownsAccount` threw).
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
  const policy = createSessionPolicy(options)
  const trustedOrigins = checkOrigins('trustedOrigins', options.trustedOrigins ?? [])
  const upstream: CreateConnectSessionOptions = {
    apiKey,
    ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
    ...(options.fetch !== undefined && { fetch: options.fetch }),
    ...(options.retries !== undefined && { retries: options.retries }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  }
  const ownsAccount =
    options.ownsAccount ??
    ((accountId: string, owner: ConnectSessionOwner, request: Request) =>
      ownsAccountThroughApi(accountId, owner.originOwnerId, { ...upstream, signal: request.signal }))

  return async (request) => {
    if (request.method !== 'POST') {
      return fail(405, 'method_not_allowed', `use POST, not ${request.method}`, { headers: { Allow: 'POST' } })
    }
    const crossOrigin = crossOriginRefusal(request, trustedOrigins)
    if (crossOrigin) {
      return fail(
        403,
        'cross_origin',
        `cross-site request refused: ${crossOrigin} — call this route from your own pages, or list the calling page's origin in trustedOrigins`,
      )
    }
    if (!isJson(request.headers.get('content-type'))) {
      return fail(415, 'unsupported_media_type', 'send the session options as JSON with Content-Type: application/json')
    }

    let owner: ConnectSessionOwner | null
    try {
      const resolved = await resolveOwner(request)
      // `undefined` too: a forgotten return must not mint a session.
      owner = resolved === null || resolved === undefined ? null : pickOwner(resolved)
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

    const refused = policy.refuseFields(input)
    if (refused) return fail(400, refused.code, refused.message, { issues: refused.issues })
    let requested: NormalizedConnectSessionOptions
    try {
      requested = parseConnectSessionOptions(withoutOwner(input))
    } catch (error) {
      if (isConnectHubError(error) && error.code === 'invalid_session') {
        return fail(400, 'invalid_session', error.detail, { issues: error.issues ?? [] })
      }
      throw error
    }
    const applied = policy.apply(requested)
    if ('refusal' in applied) return fail(400, applied.refusal.code, applied.refusal.message, { issues: applied.refusal.issues })

    // Parsed once: the browser's options above, the server's at setup, the owner when it was resolved.
    const session = { ...applied.session, ...owner }
    try {
      if (session.accountId !== undefined && (await ownsAccount(session.accountId, owner, request)) !== true) {
        // One answer for another owner's account and for none at all: the route tells nobody which ids exist.
        return fail(
          403,
          'account_not_allowed',
          'this account cannot be opened for you — edit one of your own accounts, or connect a new one',
        )
      }
      const created = await mintConnectSession(session, { ...upstream, signal: request.signal })
      return json(200, { token: created.token, expiresAt: created.expiresAt })
    } catch (error) {
      if (!request.signal.aborted) onError(error, request)
      return serverFailure(error)
    }
  }
}
