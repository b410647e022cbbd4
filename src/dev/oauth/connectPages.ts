import type { IncomingMessage, ServerResponse } from 'node:http'
import { findProvider } from '../catalog.ts'
import { allowedProviders } from '../hubApi.ts'
import { accountFromGrant } from './accounts.ts'
import type { ConnectionAttempt } from './attempts.ts'
import { type OAuthContext, STACKONE_CALLBACK_PATH } from './context.ts'
import { redirect, resultPage, sendPage } from './html.ts'

const over = (response: ServerResponse, status: number, title: string, text: string) =>
  sendPage(response, status, resultPage({ title, text, close: false }))

const WHY_NOT_PENDING = {
  authorised: 'This connection request was already answered.',
  denied: 'This connection request was already answered.',
  cancelled: 'This connection request was cancelled in the app: nothing was connected.',
  expired: 'This connection request expired: nothing was connected.',
} as const

/** The session's providers; none when it edits an account that is gone (the API answers that with a 404). */
function allowedTo(context: OAuthContext, session: Parameters<typeof allowedProviders>[1]) {
  try {
    return allowedProviders(context, session)
  } catch {
    return []
  }
}

/** When the attempt can no longer be answered, says why and returns `true`. */
function refused(response: ServerResponse, attempt: ConnectionAttempt): boolean {
  if (attempt.status === 'pending') return false
  over(response, 409, 'Nothing was connected', `${WHY_NOT_PENDING[attempt.status]} Go back to the app to start again.`)
  return true
}

/**
 * `GET /connect/oauth2/{integration_id}?connection_attempt_id=…` — what the provider window opens. The reference hub
 * sends the attempt id alone; StackOne's hub adds `token` (checked against the attempt's session, then dropped) and
 * `redirect_uri` (only `{appUrl}/embedded/accounts/callback` is accepted). Answers with a redirect to the provider,
 * whose URL carries the OAuth `state`, never the token.
 */
function start(context: OAuthContext, response: ServerResponse, url: URL, integrationId: string) {
  const attempt = context.attempts.get(url.searchParams.get('connection_attempt_id') ?? '')
  if (!attempt) return over(response, 404, 'Unknown request', 'This connection request does not exist. Go back to the app to start again.')
  const token = url.searchParams.get('token')
  if (token !== null && token !== attempt.sessionToken) {
    return over(response, 401, 'Wrong session', 'This connection request belongs to another session.')
  }
  if (refused(response, attempt)) return
  const session = context.store.sessionFor(attempt.sessionToken)
  if (!session) return over(response, 410, 'Session expired', 'The connect session ended. Go back to the app to start again.')
  const provider = allowedTo(context, session).find((candidate) => candidate.key === integrationId)
  if (provider?.auth !== 'oauth2' || (attempt.provider !== undefined && attempt.provider !== provider.key)) {
    return over(response, 400, 'Not available', `${integrationId} cannot be connected by OAuth in this session.`)
  }
  const redirectUri = url.searchParams.get('redirect_uri')
  if (redirectUri !== null) {
    const allowed = `${context.apiUrl()}${STACKONE_CALLBACK_PATH}`
    if (redirectUri !== allowed) {
      return over(
        response,
        400,
        'Unknown redirect',
        `react-connect-hub: redirect_uri must be ${allowed} — pass the dev hub's appUrl to stackOneHub({ appUrl }).`,
      )
    }
    attempt.returnTo = redirectUri
  }
  attempt.provider = provider.key
  redirect(
    response,
    context.provider.authorizeUrl(provider, { clientId: context.client.id, redirectUri: context.client.redirectUri, state: attempt.state }),
  )
}

/**
 * `GET /oauth/callback?state=…&code=…` (or `error=…`): where the provider sends the window back. Trades the code for
 * tokens, stores the account, settles the attempt — all in one synchronous step, so a cancel cannot slip in between —
 * then shows the outcome and closes the window (or goes on to StackOne's `redirect_uri`).
 */
function callback(context: OAuthContext, response: ServerResponse, url: URL) {
  const attempt = context.attempts.byState(url.searchParams.get('state') ?? '')
  if (!attempt) return over(response, 400, 'Unknown request', 'This answer matches no connection request.')
  if (refused(response, attempt)) return
  const provider = findProvider(attempt.provider ?? '')
  const session = context.store.sessionFor(attempt.sessionToken)
  if (!provider || !session) return over(response, 410, 'Session expired', 'The connect session ended: nothing was connected.')

  const error = url.searchParams.get('error')
  const grant = error === null ? context.provider.exchange(url.searchParams.get('code') ?? '', context.client) : undefined
  const account =
    grant?.provider === provider.key
      ? accountFromGrant({ store: context.store, now: context.now, session, provider, grant, accountId: attempt.accountId })
      : undefined
  if (account) {
    context.attempts.settle(attempt, { status: 'authorised', account: { id: account.id, provider: provider.key } })
  } else {
    const description =
      error !== null
        ? (url.searchParams.get('error_description') ?? `${provider.name} refused access.`)
        : grant
          ? 'The account to reconnect no longer exists.'
          : `${provider.name} did not accept the authorisation code.`
    context.attempts.settle(attempt, { status: 'denied', error: { code: error ?? 'invalid_grant', description } })
  }

  if (attempt.returnTo !== undefined) {
    const back = new URL(attempt.returnTo)
    back.searchParams.set('status', account ? 'success' : 'error')
    return redirect(response, back.href)
  }
  sendPage(
    response,
    200,
    account
      ? resultPage({ title: `${provider.name} connected`, text: 'You can go back to the app.', close: true })
      : resultPage({ title: `${provider.name} was not connected`, text: attempt.error?.description ?? '', close: true }),
  )
}

/** StackOne's dashboard page at `{appUrl}/embedded/accounts/callback`: its hub reads the outcome from the API. */
function stackOneCallback(response: ServerResponse, url: URL) {
  const success = url.searchParams.get('status') === 'success'
  sendPage(
    response,
    200,
    resultPage({
      title: success ? 'Account connected' : 'Account not connected',
      text: success ? 'You can go back to the app.' : 'Go back to the app to see why, or to try again.',
      close: true,
    }),
  )
}

/** The dev API's OAuth pages; `false` for any other path. */
export function handleOAuthPage(context: OAuthContext, request: IncomingMessage, response: ServerResponse, url: URL): boolean {
  // GET only: answering the provider has side effects, which a HEAD must not have.
  if (request.method !== 'GET') return false
  const begin = /^\/connect\/oauth2\/([^/]+)$/.exec(url.pathname)
  if (begin?.[1]) {
    start(context, response, url, decodeURIComponent(begin[1]))
    return true
  }
  if (url.pathname === '/oauth/callback') {
    callback(context, response, url)
    return true
  }
  if (url.pathname === STACKONE_CALLBACK_PATH) {
    stackOneCallback(response, url)
    return true
  }
  return false
}
