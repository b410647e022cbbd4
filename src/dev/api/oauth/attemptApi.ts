import { HUB_TOKEN_HEADER } from '../../../protocol/hubApi.ts'
import { decodeSegment, HttpError, isPlainObject, jsonResponse as json, readJsonBody } from '../../http.ts'
import { allowedProviders, sessionOf } from '../hubApi.ts'
import type { DevSession, DevStore } from '../store.ts'
import type { AttemptStatus, AttemptStore, ConnectionAttempt } from './attempts.ts'

/** What the attempt endpoints use: the attempts, the sessions' store, and the dev API's URL for window URLs. */
export interface AttemptApiOptions {
  attempts: AttemptStore
  store: DevStore
  apiUrl: string
}

/** The longest a `GET …?wait=` holds the request open, in seconds. */
const MAX_WAIT_S = 25

const iso = (ms: number) => new Date(ms).toISOString()

/** The URL the hub opens in the provider window: the attempt's id and nothing else of the session. */
const windowUrl = (apiUrl: string, attempt: ConnectionAttempt) =>
  `${apiUrl}/connect/oauth2/${encodeURIComponent(attempt.provider ?? '')}?connection_attempt_id=${attempt.id}`

/** An attempt as the reference hub reads it (`/hub/oauth_attempts`). */
function attemptToWire(apiUrl: string, attempt: ConnectionAttempt) {
  return {
    id: attempt.id,
    status: attempt.status,
    integration_id: attempt.provider ?? null,
    mode: attempt.accountId === undefined ? 'create' : 'edit',
    url: windowUrl(apiUrl, attempt),
    account: attempt.account ?? null,
    error: attempt.error ?? null,
    created_at: iso(attempt.createdAt),
    expires_at: iso(attempt.expiresAt),
  }
}

/** StackOne's names for the same statuses (`@stackone/hub` 1.11: pending, authenticated, error, cancelled, expired). */
const STACKONE_STATUS: Record<AttemptStatus, string> = {
  pending: 'pending',
  authorised: 'authenticated',
  denied: 'error',
  cancelled: 'cancelled',
  expired: 'expired',
}

/** An attempt as StackOne's hub polls it (`/hub/connection_attempts/{id}`). */
const attemptToStackOne = (attempt: ConnectionAttempt) => ({
  id: attempt.id,
  status: STACKONE_STATUS[attempt.status],
  account: attempt.account ? { id: attempt.account.id } : null,
  error: attempt.error ? { code: attempt.error.code, description: attempt.error.description } : null,
})

function ownAttempt(attempts: AttemptStore, session: DevSession, id: string): ConnectionAttempt {
  const attempt = attempts.get(id)
  // Another session's attempt is as unknown as a made-up id.
  if (!attempt || attempt.sessionToken !== session.token) {
    throw new HttpError(404, `react-connect-hub: no connection attempt ${JSON.stringify(id)} for this session`)
  }
  return attempt
}

function waitSeconds(url: URL): number {
  const raw = url.searchParams.get('wait')
  if (raw === null || raw === '') return 0
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new HttpError(400, 'react-connect-hub: wait must be a number of seconds ≥ 0')
  return Math.min(value, MAX_WAIT_S)
}

/** Holds the answer while the attempt is pending, up to `wait` seconds (long polling), or until the caller goes away. */
async function settled(attempts: AttemptStore, attempt: ConnectionAttempt, request: Request, seconds: number) {
  await attempts.waitForChange(attempt, seconds * 1000, request.signal)
  return attempts.get(attempt.id) ?? attempt
}

/** `POST …`: a new attempt for the session (the reference hub names its integration now, StackOne's hub later). */
async function create(options: AttemptApiOptions, request: Request, session: DevSession, stackOne: boolean): Promise<Response> {
  const { attempts, store, apiUrl } = options
  let provider: string | undefined
  if (!stackOne) {
    const body = await readJsonBody(request)
    const key = isPlainObject(body) ? body.integration_id : undefined
    const found = allowedProviders(store, session).find((candidate) => candidate.key === key)
    if (!found) throw new HttpError(404, `react-connect-hub: integration ${JSON.stringify(key)} is not available to this session`)
    if (found.auth !== 'oauth2') {
      throw new HttpError(400, `react-connect-hub: ${found.name} connects with credentials — POST /hub/accounts instead`)
    }
    provider = found.key
  } else {
    allowedProviders(store, session) // an edit session whose account is gone is refused here already
  }
  const attempt = attempts.create({
    sessionToken: session.token,
    sessionExpiresAt: session.expiresAt,
    ...(provider !== undefined ? { provider } : {}),
    ...(session.accountId !== undefined ? { accountId: session.accountId } : {}),
  })
  return json(201, stackOne ? { id: attempt.id, status: 'pending' } : attemptToWire(apiUrl, attempt))
}

/**
 * `/hub/oauth_attempts` (the reference hub: statuses pending, authorised, denied, cancelled, expired; `?wait=` long
 * polls) and `/hub/connection_attempts` (what `@stackone/hub` calls, with its own status names). Both take the session
 * token in `x-hub-session-token`; an attempt is visible only to the session that created it. `undefined` for other paths.
 */
export async function handleAttemptApi(options: AttemptApiOptions, request: Request, url: URL): Promise<Response | undefined> {
  const path = url.pathname.replace(/\/+$/, '')
  const match = /^\/hub\/(oauth_attempts|connection_attempts)(?:\/([^/]+))?$/.exec(path)
  if (!match) return undefined
  const stackOne = match[1] === 'connection_attempts'
  const id = match[2] === undefined ? undefined : decodeSegment(match[2])
  const { method } = request
  const session = sessionOf(options.store, request.headers.get(HUB_TOKEN_HEADER))

  if (id === undefined && method === 'POST') return create(options, request, session, stackOne)
  if (id !== undefined && (method === 'GET' || method === 'DELETE')) {
    let attempt = ownAttempt(options.attempts, session, id)
    if (method === 'DELETE') {
      options.attempts.settle(attempt, { status: 'cancelled' })
      if (stackOne) return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } })
    } else if (!stackOne) {
      attempt = await settled(options.attempts, attempt, request, waitSeconds(url))
    }
    return json(200, stackOne ? attemptToStackOne(attempt) : attemptToWire(options.apiUrl, attempt))
  }
  throw new HttpError(405, `react-connect-hub: ${method} is not allowed on ${path}`)
}
