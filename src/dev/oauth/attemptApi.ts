import type { IncomingMessage, ServerResponse } from 'node:http'
import { HttpError, isPlainObject, readJson, sendJson } from '../http.ts'
import { allowedProviders, HUB_TOKEN_HEADER, sessionOf } from '../hubApi.ts'
import type { DevSession } from '../store.ts'
import type { AttemptStatus, ConnectionAttempt } from './attempts.ts'
import type { OAuthContext } from './context.ts'

/** The longest a `GET …?wait=` holds the request open, in seconds. */
const MAX_WAIT_S = 25

const iso = (ms: number) => new Date(ms).toISOString()

/** The URL the hub opens in the provider window: the attempt's id and nothing else of the session. */
export const windowUrl = (context: OAuthContext, attempt: ConnectionAttempt) =>
  `${context.apiUrl()}/connect/oauth2/${encodeURIComponent(attempt.provider ?? '')}?connection_attempt_id=${attempt.id}`

/** An attempt as the reference hub reads it (`/hub/oauth_attempts`). */
function attemptToWire(context: OAuthContext, attempt: ConnectionAttempt) {
  return {
    id: attempt.id,
    status: attempt.status,
    integration_id: attempt.provider ?? null,
    mode: attempt.accountId === undefined ? 'create' : 'edit',
    url: windowUrl(context, attempt),
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

function ownAttempt(context: OAuthContext, session: DevSession, id: string): ConnectionAttempt {
  const attempt = context.attempts.get(id)
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
async function settled(context: OAuthContext, attempt: ConnectionAttempt, response: ServerResponse, seconds: number) {
  const gone = new AbortController()
  response.once('close', () => gone.abort())
  await context.attempts.waitForChange(attempt, seconds * 1000, gone.signal)
  return context.attempts.get(attempt.id) ?? attempt
}

/**
 * `/hub/oauth_attempts` (the reference hub: statuses pending, authorised, denied, cancelled, expired; `?wait=` long
 * polls) and `/hub/connection_attempts` (what `@stackone/hub` calls, with its own status names). Both take the session
 * token in `x-hub-session-token`; an attempt is visible only to the session that created it.
 */
export async function handleAttemptApi(
  context: OAuthContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname.replace(/\/+$/, '')
  const match = /^\/hub\/(oauth_attempts|connection_attempts)(?:\/([^/]+))?$/.exec(path)
  if (!match) return false
  const stackOne = match[1] === 'connection_attempts'
  const id = match[2] === undefined ? undefined : decodeURIComponent(match[2])
  const method = request.method ?? 'GET'
  const session = sessionOf(context, request.headers[HUB_TOKEN_HEADER])

  if (id === undefined && method === 'POST') {
    const body = await readJson(request)
    let provider: string | undefined
    if (!stackOne) {
      // StackOne's hub names the integration only when its window opens; the reference hub names it now.
      const key = isPlainObject(body) ? body.integration_id : undefined
      const found = allowedProviders(context, session).find((candidate) => candidate.key === key)
      if (!found) throw new HttpError(404, `react-connect-hub: integration ${JSON.stringify(key)} is not available to this session`)
      if (found.auth !== 'oauth2') {
        throw new HttpError(400, `react-connect-hub: ${found.name} connects with credentials — POST /hub/accounts instead`)
      }
      provider = found.key
    } else {
      allowedProviders(context, session) // an edit session whose account is gone is refused here already
    }
    const attempt = context.attempts.create({
      sessionToken: session.token,
      sessionExpiresAt: session.expiresAt,
      ...(provider !== undefined ? { provider } : {}),
      ...(session.accountId !== undefined ? { accountId: session.accountId } : {}),
    })
    sendJson(response, 201, stackOne ? { id: attempt.id, status: 'pending' } : attemptToWire(context, attempt))
    return true
  }

  if (id !== undefined && (method === 'GET' || method === 'DELETE')) {
    let attempt = ownAttempt(context, session, id)
    if (method === 'DELETE') {
      context.attempts.settle(attempt, { status: 'cancelled' })
      if (stackOne) {
        response.writeHead(204, { 'cache-control': 'no-store' }).end()
        return true
      }
    } else if (!stackOne) {
      attempt = await settled(context, attempt, response, waitSeconds(url))
      if (response.destroyed) return true
    }
    sendJson(response, 200, stackOne ? attemptToStackOne(attempt) : attemptToWire(context, attempt))
    return true
  }

  throw new HttpError(405, `react-connect-hub: ${method} is not allowed on ${path}`)
}
