import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isConnectHubError } from '../errors.ts'
import { DEFAULT_EXPIRES_IN } from '../session/fields.ts'
import { fromConnectSessionRequest } from '../session/parse.ts'
import { decodeSegment, HttpError, isPlainObject, readJson, sendJson } from './http.ts'
import { type DevSession, type DevStore, randomToken } from './store.ts'
import { accountToWire, sessionToWire } from './wire.ts'

/** What the secret-key side of the dev API needs. */
export interface SessionApiContext {
  store: DevStore
  apiKey: string
  now: () => number
  /** The hub page's URL: the base of `auth_link_url`. */
  hubUrl: string
  organizationId: number
  projectId: string
  nextSessionId: () => number
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** `Authorization: Basic base64(apiKey + ':')`, as StackOne and its SDK send it. */
function authenticate(request: IncomingMessage, apiKey: string): void {
  const header = request.headers.authorization ?? ''
  const match = /^Basic\s+(\S+)$/i.exec(header)
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : ''
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

/**
 * `POST /connect_sessions`, `POST /connect_sessions/authenticate`, `GET /accounts`, `GET|PATCH|DELETE /accounts/{id}`.
 * Returns `false` for any other path.
 */
export async function handleSessionApi(
  context: SessionApiContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<boolean> {
  const { store, now } = context
  const ids = { organizationId: context.organizationId, projectId: context.projectId }
  const path = url.pathname.replace(/\/+$/, '') || '/'
  const method = request.method ?? 'GET'

  if (path === '/connect_sessions' || path === '/connect_sessions/authenticate') {
    if (method !== 'POST') throw new HttpError(405, `react-connect-hub: ${path} only accepts POST`)
    authenticate(request, context.apiKey)
    const body = await readJson(request)
    if (path === '/connect_sessions/authenticate') {
      const token = isPlainObject(body) ? body.token : undefined
      if (typeof token !== 'string' || token === '')
        throw new HttpError(400, 'react-connect-hub: token is required', { issues: [{ path: ['token'], message: 'is required' }] })
      const session = store.sessionFor(token)
      if (!session) throw new HttpError(401, 'react-connect-hub: the session token is unknown or expired — create a new connect session')
      sendJson(response, 201, sessionToWire(session, ids))
      return true
    }
    const parsed = parseSession(body)
    const createdAt = now()
    const session: DevSession = {
      ...parsed,
      id: context.nextSessionId(),
      token: randomToken('dev_cst_'),
      createdAt,
      expiresAt: createdAt + (parsed.expiresIn ?? DEFAULT_EXPIRES_IN) * 1000,
    }
    store.sessions.set(session.token, session)
    const authLink = new URL('/connect', context.hubUrl)
    authLink.searchParams.set('token', session.token)
    sendJson(response, 201, { ...sessionToWire(session, ids), token: session.token, auth_link_url: authLink.href })
    return true
  }

  if (path === '/accounts') {
    if (method !== 'GET') throw new HttpError(405, 'react-connect-hub: /accounts only accepts GET')
    authenticate(request, context.apiKey)
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
    sendJson(response, 200, matching.slice((page - 1) * pageSize, page * pageSize).map(accountToWire))
    return true
  }

  const accountPath = /^\/accounts\/([^/]+)$/.exec(path)
  if (accountPath?.[1]) {
    authenticate(request, context.apiKey)
    const id = decodeSegment(accountPath[1])
    const account = store.accounts.get(id)
    if (!account) throw new HttpError(404, `react-connect-hub: no account ${JSON.stringify(id)}`)
    if (method === 'GET') {
      sendJson(response, 200, accountToWire(account))
    } else if (method === 'DELETE') {
      store.accounts.delete(id)
      sendJson(response, 200, accountToWire(account))
    } else if (method === 'PATCH') {
      const body = await readJson(request)
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
      account.updatedAt = now()
      sendJson(response, 200, accountToWire(account))
    } else {
      throw new HttpError(405, `react-connect-hub: /accounts/{id} accepts GET, PATCH and DELETE, not ${method}`)
    }
    return true
  }
  return false
}
