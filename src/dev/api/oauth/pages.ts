import { findProvider } from '../../catalog.ts'
import { decodeSegment } from '../../http.ts'
import { escapeHtml, pageResponse, redirect, renderPage, resultPage } from '../../pages.ts'
import type { OAuthClient, SimulatedProvider } from '../../provider/index.ts'
import { s256 } from '../../tokens.ts'
import { allowedProviders } from '../hubApi.ts'
import type { DevStore } from '../store.ts'
import type { AttemptStore, ConnectionAttempt } from './attempts.ts'
import { accountFromGrant } from './grant.ts'

/** Where StackOne's hub sends the window back to: `{appUrl}/embedded/accounts/callback`, with `appUrl` the dev API. */
export const STACKONE_CALLBACK_PATH = '/embedded/accounts/callback'

/** What the provider window's pages use. */
export interface OAuthPagesOptions {
  attempts: AttemptStore
  store: DevStore
  now: () => number
  provider: SimulatedProvider
  /** The dev API as the provider knows it: its redirect URI is the API's `/oauth/callback`. */
  client: OAuthClient
  apiUrl: string
}

/** The page a hub's window waits on while its attempt is being created. */
export const WAITING_PATH = '/connect/waiting'

const over = (status: number, title: string, text: string) => pageResponse(status, resultPage({ title, text, close: false }))

const WHY_NOT_PENDING = {
  authorised: 'This connection request was already answered.',
  denied: 'This connection request was already answered.',
  cancelled: 'This connection request was cancelled in the app: nothing was connected.',
  expired: 'This connection request expired: nothing was connected.',
} as const

/** The session's providers; none when it edits an account that is gone (the API answers that with a 404). */
function allowedTo(store: DevStore, session: Parameters<typeof allowedProviders>[1]) {
  try {
    return allowedProviders(store, session)
  } catch {
    return []
  }
}

/** When the attempt can no longer be answered, the page that says why. */
function refused(attempt: ConnectionAttempt): Response | undefined {
  if (attempt.status === 'pending') return undefined
  return over(409, 'Nothing was connected', `${WHY_NOT_PENDING[attempt.status]} Go back to the app to start again.`)
}

/**
 * `GET /connect/oauth2/{integration_id}?connection_attempt_id=…` — what the provider window opens. The reference hub
 * sends the attempt id alone; StackOne's hub adds `token` (checked against the attempt's session, then dropped) and
 * `redirect_uri` (only `{appUrl}/embedded/accounts/callback` is accepted). Answers with a redirect to the provider,
 * whose URL carries the OAuth `state`, never the token.
 */
async function start(options: OAuthPagesOptions, url: URL, integrationId: string): Promise<Response> {
  const attempt = options.attempts.get(url.searchParams.get('connection_attempt_id') ?? '')
  if (!attempt) return over(404, 'Unknown request', 'This connection request does not exist. Go back to the app to start again.')
  const token = url.searchParams.get('token')
  if (token !== null && token !== attempt.sessionToken)
    return over(401, 'Wrong session', 'This connection request belongs to another session.')
  const stale = refused(attempt)
  if (stale) return stale
  const session = options.store.sessionFor(attempt.sessionToken)
  if (!session) return over(410, 'Session expired', 'The connect session ended. Go back to the app to start again.')
  const provider = allowedTo(options.store, session).find((candidate) => candidate.key === integrationId)
  if (provider?.auth !== 'oauth2' || (attempt.provider !== undefined && attempt.provider !== provider.key)) {
    return over(400, 'Not available', `${integrationId} cannot be connected by OAuth in this session.`)
  }
  const redirectUri = url.searchParams.get('redirect_uri')
  if (redirectUri !== null) {
    const allowed = `${options.apiUrl}${STACKONE_CALLBACK_PATH}`
    if (redirectUri !== allowed) {
      return over(
        400,
        'Unknown redirect',
        `react-connect-hub: redirect_uri must be ${allowed} — pass the dev hub's appUrl to stackOneHub({ appUrl }).`,
      )
    }
    attempt.returnTo = redirectUri
  }
  attempt.provider = provider.key
  const { client } = options
  const codeChallenge = await s256(attempt.codeVerifier)
  return redirect(
    options.provider.authorizeUrl(provider, { clientId: client.id, redirectUri: client.redirectUri, state: attempt.state, codeChallenge }),
  )
}

/**
 * `GET /oauth/callback?state=…&code=…` (or `error=…`): where the provider sends the window back. Trades the code for
 * tokens, stores the account, settles the attempt — all in one synchronous step, so a cancel cannot slip in between —
 * then shows the outcome and closes the window (or goes on to StackOne's `redirect_uri`).
 */
async function callback(options: OAuthPagesOptions, url: URL): Promise<Response> {
  const { attempts, store, client } = options
  const attempt = attempts.byState(url.searchParams.get('state') ?? '')
  if (!attempt) return over(400, 'Unknown request', 'This answer matches no connection request.')
  const error = url.searchParams.get('error')
  const code = url.searchParams.get('code') ?? ''
  // The code is traded with this attempt's own state and PKCE verifier: a code issued for another attempt buys nothing.
  const exchange = { clientId: client.id, redirectUri: client.redirectUri, state: attempt.state, codeVerifier: attempt.codeVerifier }
  const grant = error === null && refused(attempt) === undefined ? await options.provider.exchange(code, exchange) : undefined
  // From here on, one synchronous step (read, store, settle), so that a cancel cannot slip in between.
  const stale = refused(attempts.get(attempt.id) ?? attempt)
  if (stale) return stale
  const provider = findProvider(attempt.provider ?? '')
  const session = store.sessionFor(attempt.sessionToken)
  if (!provider || !session) return over(410, 'Session expired', 'The connect session ended: nothing was connected.')
  const account =
    grant?.provider === provider.key
      ? accountFromGrant({ store, now: options.now, session, provider, grant, accountId: attempt.accountId })
      : undefined
  if (account) {
    attempts.settle(attempt, { status: 'authorised', account: { id: account.id, provider: provider.key } })
  } else {
    const description =
      error !== null
        ? (url.searchParams.get('error_description') ?? `${provider.name} refused access.`)
        : grant
          ? 'The account to reconnect no longer exists.'
          : `${provider.name} did not accept the authorisation code.`
    attempts.settle(attempt, { status: 'denied', error: { code: error ?? 'invalid_grant', description } })
  }
  if (attempt.returnTo !== undefined) {
    const back = new URL(attempt.returnTo)
    back.searchParams.set('status', account ? 'success' : 'error')
    return redirect(back.href)
  }
  const title = account ? `${provider.name} connected` : `${provider.name} was not connected`
  return pageResponse(
    200,
    resultPage({ title, text: account ? 'You can go back to the app.' : (attempt.error?.description ?? ''), close: true }),
  )
}

/** StackOne's dashboard page at `{appUrl}/embedded/accounts/callback`: its hub reads the outcome from the API. */
function stackOneCallback(url: URL): Response {
  const success = url.searchParams.get('status') === 'success'
  return pageResponse(
    200,
    resultPage({
      title: success ? 'Account connected' : 'Account not connected',
      text: success ? 'You can go back to the app.' : 'Go back to the app to see why, or to try again.',
      close: true,
    }),
  )
}

/**
 * `GET /connect/waiting`: what a hub opens its window on when the click finds no fresh attempt, so that the window
 * opens inside the click; the hub sends it on to the attempt's URL once it has one. A page of the API's origin, with
 * no COOP, so the hub keeps its handle until then.
 */
function waitingPage(): Response {
  const page = renderPage({
    title: 'Connecting…',
    body: `<h1>${escapeHtml('Connecting…')}</h1><p class="muted">This window goes on by itself.</p>`,
  })
  return pageResponse(200, page)
}

/** The dev API's OAuth pages; `undefined` for any other path. */
export function handleOAuthPage(options: OAuthPagesOptions, request: Request, url: URL): Promise<Response> | Response | undefined {
  // GET only: answering the provider has side effects, which a HEAD must not have.
  if (request.method !== 'GET') return undefined
  const begin = /^\/connect\/oauth2\/([^/]+)$/.exec(url.pathname)
  if (begin?.[1]) return start(options, url, decodeSegment(begin[1]))
  if (url.pathname === '/oauth/callback') return callback(options, url)
  if (url.pathname === STACKONE_CALLBACK_PATH) return stackOneCallback(url)
  if (url.pathname === WAITING_PATH) return waitingPage()
  return undefined
}
