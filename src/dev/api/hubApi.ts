import { HUB_TOKEN_HEADER } from '../../protocol/hubApi.ts'
import { credentialProblems, findProvider, type Provider, providersFor } from '../catalog.ts'
import { decodeSegment, HttpError, isPlainObject, jsonResponse as json, readJsonBody } from '../http.ts'
import { accountForHub, connectorToWire, integrationToWire, REDACTED } from './hubWire.ts'
import type { SessionKeeper } from './sessions.ts'
import { type DevAccount, type DevSession, type DevStore, sessionAccount } from './store.ts'
import { accountToWire } from './wire.ts'

/** What the hub endpoints use: the store, the clock, and where sessions are found by token. */
export interface HubApiOptions {
  store: DevStore
  now: () => number
  sessions: SessionKeeper
}

export { HUB_TOKEN_HEADER }

const NO_SESSION = 'react-connect-hub: the hub session token is missing, unknown or expired — ask the host for a new one'

/** The session of the request's `x-hub-session-token`, from the store; a 401 without one. */
export function sessionOf(store: DevStore, token: string | null): DevSession {
  const session = token ? store.sessionFor(token) : undefined
  if (!session) throw new HttpError(401, NO_SESSION)
  return session
}

/** The same, from wherever `sessions` keeps them (in a static Storybook: in the token itself). */
async function findSession(sessions: SessionKeeper, token: string | null): Promise<DevSession> {
  const session = token ? await sessions.find(token) : undefined
  if (!session) throw new HttpError(401, NO_SESSION)
  return session
}

function editedAccount(store: DevStore, session: DevSession): DevAccount | undefined {
  if (session.accountId === undefined) return undefined
  const account = store.accounts.get(session.accountId)
  if (!account || account.originOwnerId !== session.originOwnerId) {
    throw new HttpError(
      404,
      `react-connect-hub: the session edits account ${JSON.stringify(session.accountId)}, which this owner does not have`,
    )
  }
  return account
}

/** The providers this session may connect; an edit session may only touch its account's provider. */
export function allowedProviders(store: DevStore, session: DevSession): Provider[] {
  const account = editedAccount(store, session)
  const providers = providersFor(session).filter(
    (provider) => session.integrationId === undefined || provider.key === session.integrationId,
  )
  if (account) {
    const own = findProvider(account.provider)
    return own ? [own] : []
  }
  return providers
}

function credentialsOf(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw new HttpError(400, 'react-connect-hub: the body must be a JSON object { integration_id, credentials }')
  const credentials = body.credentials ?? {}
  if (!isPlainObject(credentials)) throw new HttpError(400, 'react-connect-hub: credentials must be an object')
  return credentials
}

function check(provider: Provider, credentials: Record<string, unknown>): void {
  const problems = credentialProblems(provider, credentials)
  const keys = Object.keys(problems)
  if (keys.length > 0) {
    throw new HttpError(400, `react-connect-hub: invalid ${provider.name} credentials — ${keys.map((key) => problems[key]).join('; ')}`, {
      issues: keys.map((key) => ({ path: ['credentials', key], message: problems[key] })),
    })
  }
}

function split(provider: Provider, credentials: Record<string, unknown>) {
  const setupInformation: Record<string, string> = {}
  const secrets: Record<string, string> = {}
  for (const field of provider.fields) {
    const value = credentials[field.key]
    if (typeof value !== 'string' || value === '') continue
    if (field.secret) secrets[field.key] = value
    else setupInformation[field.key] = value
  }
  return { setupInformation, secrets }
}

function settings(store: DevStore, session: DevSession): Response {
  const account = editedAccount(store, session)
  return json(200, {
    enabled_features: [],
    existing_account_id: account?.id ?? null,
    session: {
      provider: account?.provider ?? session.provider ?? null,
      categories: session.categories ?? null,
      account_id: account?.id ?? null,
      type: session.type ?? 'production',
      label: session.label ?? null,
      origin_owner_name: session.originOwnerName,
      expires_at: new Date(session.expiresAt).toISOString(),
    },
  })
}

/** `POST /hub/accounts`: a credentials account, or — without `multiple` — the owner's account of that provider, re-authenticated. */
async function createAccount(options: HubApiOptions, request: Request, session: DevSession): Promise<Response> {
  const { store } = options
  if (session.accountId !== undefined) {
    throw new HttpError(409, `react-connect-hub: this session edits account ${session.accountId}; PATCH /hub/accounts/${session.accountId}`)
  }
  const body = await readJsonBody(request)
  const credentials = credentialsOf(body)
  const id = isPlainObject(body) ? body.integration_id : undefined
  const provider = allowedProviders(store, session).find((candidate) => candidate.key === id)
  if (!provider) throw new HttpError(404, `react-connect-hub: integration ${JSON.stringify(id)} is not available to this session`)
  check(provider, credentials)
  const { setupInformation, secrets } = split(provider, credentials)
  const existing = session.multiple
    ? undefined
    : [...store.accounts.values()].find((account) => account.originOwnerId === session.originOwnerId && account.provider === provider.key)
  if (existing) {
    Object.assign(existing, { setupInformation, secrets, updatedAt: options.now() })
    return json(200, accountToWire(existing))
  }
  const account = store.addAccount(sessionAccount(session, provider, { setupInformation, secrets }))
  return json(201, accountToWire(account))
}

/** `PATCH /hub/accounts/{id}`: the edited account's fields; a secret sent back empty or redacted keeps its stored value. */
async function updateAccount(options: HubApiOptions, request: Request, account: DevAccount): Promise<Response> {
  const provider = findProvider(account.provider)
  if (!provider) throw new HttpError(409, `react-connect-hub: account ${account.id} belongs to an unknown provider`)
  const incoming = credentialsOf(await readJsonBody(request))
  const merged: Record<string, unknown> = { ...account.setupInformation, ...account.secrets }
  for (const [key, value] of Object.entries(incoming)) {
    const secret = provider.fields.find((field) => field.key === key)?.secret
    if (secret && (value === '' || value === undefined || value === null || (typeof value === 'string' && value.startsWith(REDACTED))))
      continue
    merged[key] = value
  }
  check(provider, merged)
  Object.assign(account, split(provider, merged), { updatedAt: options.now() })
  return json(200, accountToWire(account))
}

/** `/hub/settings`, `/hub/connectors`, `/hub/connectors/{id}`, `/hub/accounts`, `/hub/accounts/{id}`. */
export async function handleHubApi(options: HubApiOptions, request: Request, url: URL): Promise<Response> {
  const { store } = options
  const path = url.pathname.replace(/\/+$/, '')
  const { method } = request
  const session = await findSession(options.sessions, request.headers.get(HUB_TOKEN_HEADER))

  if (path === '/hub/settings' && method === 'GET') return settings(store, session)
  if (path === '/hub/connectors' && method === 'GET') {
    const only = url.searchParams.get('provider')
    const providers = allowedProviders(store, session).filter((provider) => !only || provider.key === only)
    return json(200, { integrations: providers.map((provider) => integrationToWire(provider, session)) })
  }
  const connectorPath = /^\/hub\/connectors\/([^/]+)$/.exec(path)
  if (connectorPath?.[1] && method === 'GET') {
    const id = decodeSegment(connectorPath[1])
    const provider = allowedProviders(store, session).find((candidate) => candidate.key === id)
    if (!provider) throw new HttpError(404, `react-connect-hub: no connector ${JSON.stringify(id)} for this session`)
    return json(200, connectorToWire(provider, session))
  }
  if (path === '/hub/accounts' && method === 'POST') return createAccount(options, request, session)
  const accountPath = /^\/hub\/accounts\/([^/]+)$/.exec(path)
  if (accountPath?.[1] && (method === 'GET' || method === 'PATCH')) {
    const id = decodeSegment(accountPath[1])
    const account = editedAccount(store, session)
    if (!account || account.id !== id)
      throw new HttpError(403, `react-connect-hub: this session may not read or change account ${JSON.stringify(id)}`)
    return method === 'GET' ? json(200, accountForHub(account)) : updateAccount(options, request, account)
  }
  throw new HttpError(404, `react-connect-hub: no hub endpoint ${method} ${path}`)
}
