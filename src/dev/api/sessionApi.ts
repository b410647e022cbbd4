import { isConnectHubError } from '../../errors.ts'
import { DEFAULT_EXPIRES_IN } from '../../session/fields.ts'
import { fromConnectSessionRequest } from '../../session/wire.ts'
import { decodeSegment, HttpError, isPlainObject, jsonResponse as json, readJsonBody } from '../http.ts'
import { base64, sameSecret } from '../tokens.ts'
import type { SessionKeeper } from './sessions.ts'
import type { DevStore } from './store.ts'
import { accountToWire, sessionToWire } from './wire.ts'

/** What the secret-key side of the dev API needs. */
export interface SessionApiOptions {
  store: DevStore
  apiKey: string
  now: () => number
  /** The hub page's URL: the base of `auth_link_url`. */
  hubUrl: string
  organizationId: number
  projectId: string
  nextSessionId: () => number
  /** Where sessions are kept and found by token. */
  sessions: SessionKeeper
}

function decodeBasic(credentials: string): string {
  try {
    return base64.decode(credentials)
  } catch {
    return ''
  }
}

/** `Authorization: Basic base64(apiKey + ':')`, as StackOne and its SDK send it. */
function authenticate(request: Request, apiKey: string): void {
  const header = request.headers.get('authorization') ?? ''
  const match = /^Basic\s+(\S+)$/i.exec(header)
  const decoded = match?.[1] ? decodeBasic(match[1]) : ''
  const username = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded
  if (!match || !sameSecret(username, apiKey)) {
    throw new HttpError(
      401,
      'react-connect-hub: missing or wrong API key — send Authorization: Basic base64(apiKey + ":") with the dev API key',
    )
  }
}

function parseSession(body: unknown) {
  try {
    return fromConnectSessionRequest(body)
  } catch (error) {
    if (isConnectHubError(error) && error.code === 'invalid_session') {
      throw new HttpError(400, error.message, { issues: error.issues ?? [] })
    }
    throw error
  }
}

function listParam(url: URL, name: string): string[] {
  return url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(','))
    .filter((value) => value !== '')
}

function positiveInt(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new HttpError(400, `react-connect-hub: ${name} must be a whole number`)
  return value
}

const optionalText = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || value === '') throw new HttpError(400, `react-connect-hub: ${name} must be a non-empty string`)
  return value
}

/** `POST /connect_sessions` (a new session, its token and `auth_link_url`) and `POST /connect_sessions/authenticate`. */
async function connectSessions(options: SessionApiOptions, request: Request, path: string): Promise<Response> {
  const ids = { organizationId: options.organizationId, projectId: options.projectId }
  if (request.method !== 'POST') throw new HttpError(405, `react-connect-hub: ${path} only accepts POST`)
  authenticate(request, options.apiKey)
  const body = await readJsonBody(request)
  if (path === '/connect_sessions/authenticate') {
    const token = isPlainObject(body) ? body.token : undefined
    if (typeof token !== 'string' || token === '')
      throw new HttpError(400, 'react-connect-hub: token is required', { issues: [{ path: ['token'], message: 'is required' }] })
    const session = await options.sessions.find(token)
    if (!session) throw new HttpError(401, 'react-connect-hub: the session token is unknown or expired — create a new connect session')
    return json(201, sessionToWire(session, ids))
  }
  const parsed = parseSession(body)
  const createdAt = options.now()
  const session = await options.sessions.save({
    ...parsed,
    id: options.nextSessionId(),
    createdAt,
    expiresAt: createdAt + (parsed.expiresIn ?? DEFAULT_EXPIRES_IN) * 1000,
  })
  const authLink = new URL('/connect', options.hubUrl)
  authLink.searchParams.set('token', session.token)
  return json(201, { ...sessionToWire(session, ids), token: session.token, auth_link_url: authLink.href })
}

/** `GET /accounts`, filtered and paged as StackOne's. */
function listAccounts(store: DevStore, url: URL): Response {
  const owners = [...listParam(url, 'origin_owner_id'), ...listParam(url, 'origin_owner_ids')]
  const providers = [...listParam(url, 'provider'), ...listParam(url, 'providers')]
  const accountIds = listParam(url, 'account_ids')
  const statuses = listParam(url, 'status')
  const pageSize = Math.min(positiveInt(url, 'page_size', 25) || 25, 100)
  const page = Math.max(positiveInt(url, 'page', 1), 1)
  const matching = [...store.accounts.values()].filter(
    (account) =>
      (owners.length === 0 || owners.includes(account.originOwnerId)) &&
      (providers.length === 0 || providers.includes(account.provider)) &&
      (accountIds.length === 0 || accountIds.includes(account.id)) &&
      (statuses.length === 0 || statuses.includes('active')),
  )
  return json(200, matching.slice((page - 1) * pageSize, page * pageSize).map(accountToWire))
}

/** `GET|PATCH|DELETE /accounts/{id}`. */
async function account(options: SessionApiOptions, request: Request, id: string): Promise<Response> {
  const { store } = options
  const account = store.accounts.get(id)
  if (!account) throw new HttpError(404, `react-connect-hub: no account ${JSON.stringify(id)}`)
  if (request.method === 'GET') return json(200, accountToWire(account))
  if (request.method === 'DELETE') {
    store.accounts.delete(id)
    return json(200, accountToWire(account))
  }
  if (request.method !== 'PATCH')
    throw new HttpError(405, `react-connect-hub: /accounts/{id} accepts GET, PATCH and DELETE, not ${request.method}`)
  const body = await readJsonBody(request)
  if (!isPlainObject(body)) throw new HttpError(400, 'react-connect-hub: the body must be a JSON object')
  const originOwnerId = optionalText(body.origin_owner_id, 'origin_owner_id')
  const originOwnerName = optionalText(body.origin_owner_name, 'origin_owner_name')
  const originUsername = optionalText(body.origin_username, 'origin_username')
  if (originOwnerId) account.originOwnerId = originOwnerId
  if (originOwnerName) account.originOwnerName = originOwnerName
  if (originUsername) account.originUsername = originUsername
  // StackOne's SDK models `label` as an object and sends `{}`: only a string changes it.
  if (typeof body.label === 'string') account.label = body.label
  if (body.type === 'production' || body.type === 'test') account.type = body.type
  account.updatedAt = options.now()
  return json(200, accountToWire(account))
}

/**
 * `POST /connect_sessions`, `POST /connect_sessions/authenticate`, `GET /accounts`, `GET|PATCH|DELETE /accounts/{id}`.
 * Returns `undefined` for any other path.
 */
export async function handleSessionApi(options: SessionApiOptions, request: Request, url: URL): Promise<Response | undefined> {
  const path = url.pathname.replace(/\/+$/, '') || '/'
  if (path === '/connect_sessions' || path === '/connect_sessions/authenticate') return connectSessions(options, request, path)
  if (path === '/accounts') {
    if (request.method !== 'GET') throw new HttpError(405, 'react-connect-hub: /accounts only accepts GET')
    authenticate(request, options.apiKey)
    return listAccounts(options.store, url)
  }
  const accountPath = /^\/accounts\/([^/]+)$/.exec(path)
  if (accountPath?.[1]) {
    authenticate(request, options.apiKey)
    return account(options, request, decodeSegment(accountPath[1]))
  }
  return undefined
}
