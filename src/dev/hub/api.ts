import { HUB_TOKEN_HEADER } from '../../protocol/hubApi.ts'
/** What the hub page knows about its session: the API's word, never the host's. */
export interface HubSettings {
  existing_account_id: string | null
  session: {
    provider: string | null
    categories: string[] | null
    account_id: string | null
    type: 'production' | 'test'
    label: string | null
    origin_owner_name: string
  }
}

export interface Integration {
  integration_id: string
  provider: string
  name: string
  type: string
  categories: string[]
  /** `oauth2`: connected in the provider's own window; `credentials`: with the hub's form. */
  auth: 'oauth2' | 'credentials'
  initials: string
  color: string
  active: boolean
  authentication_config_key: string
  environment: string
}

export interface Field {
  key: string
  label: string
  type: 'text' | 'password' | 'number' | 'select'
  required: boolean
  secret: boolean
  placeholder?: string
  description?: string
  options?: { value: string; label: string }[]
  validation?: { type: string; pattern: string }
}

export interface Connector extends Integration {
  config: { authentication: Record<string, Record<string, { fields: Field[]; guide?: { description?: string } }>> }
}

export interface HubAccount {
  id: string
  provider: string
  integrationId: string
  setupInformation: Record<string, string>
  secrets: Record<string, string>
}

/** Where a connection attempt stands: the hub learns the outcome of the provider's window only from this. */
export type AttemptStatus = 'pending' | 'authorised' | 'denied' | 'cancelled' | 'expired'

export interface Attempt {
  id: string
  status: AttemptStatus
  /** The provider window's URL: it carries the attempt's id, never the session token. */
  url: string
  mode: 'create' | 'edit'
  account: { id: string; provider: string } | null
  error: { code: string; description: string } | null
  created_at: string
  expires_at: string
}

export interface Issue {
  path: (string | number)[]
  message: string
}

/** The session token was refused: the host must send a new one. */
export class TokenExpired extends Error {}

export class ApiError extends Error {
  readonly status: number
  readonly issues: Issue[]
  constructor(status: number, message: string, issues: Issue[]) {
    super(message)
    this.status = status
    this.issues = issues
  }
}

/** The hub endpoints, with the current session token read at call time (it changes after `token_expired`). */
export function createApi(apiUrl: string, token: () => string) {
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    init: { signal?: AbortSignal; keepalive?: boolean } = {},
  ): Promise<T> {
    const response = await fetch(new URL(path, apiUrl), {
      method,
      headers: { 'content-type': 'application/json', [HUB_TOKEN_HEADER]: token() },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...init,
    })
    if (response.status === 401) throw new TokenExpired('the session token expired')
    const data = (await response.json().catch(() => ({}))) as { message?: string; issues?: Issue[] }
    if (!response.ok) throw new ApiError(response.status, data.message ?? `HTTP ${response.status}`, data.issues ?? [])
    return data as T
  }
  return {
    settings: () => call<HubSettings>('GET', '/hub/settings'),
    connectors: () => call<{ integrations: Integration[] }>('GET', '/hub/connectors'),
    connector: (id: string) => call<Connector>('GET', `/hub/connectors/${encodeURIComponent(id)}`),
    account: (id: string) => call<HubAccount>('GET', `/hub/accounts/${encodeURIComponent(id)}`),
    createAccount: (integrationId: string, credentials: Record<string, string>) =>
      call<{ id: string; provider: string }>('POST', '/hub/accounts', { integration_id: integrationId, credentials }),
    updateAccount: (id: string, integrationId: string, credentials: Record<string, string>) =>
      call<{ id: string; provider: string }>('PATCH', `/hub/accounts/${encodeURIComponent(id)}`, {
        integration_id: integrationId,
        credentials,
      }),
    /** A page of the API a window can open on inside a click, before its attempt exists: it waits to be sent on. */
    waitingUrl: () => new URL('/connect/waiting', apiUrl).href,
    createAttempt: (integrationId: string) => call<Attempt>('POST', '/hub/oauth_attempts', { integration_id: integrationId }),
    /** Long polling: the API answers once the attempt leaves `pending`, or after `waitSeconds`. */
    attempt: (id: string, waitSeconds: number, signal: AbortSignal) =>
      call<Attempt>('GET', `/hub/oauth_attempts/${encodeURIComponent(id)}?wait=${waitSeconds}`, undefined, { signal }),
    /** `keepalive`: also sent when the hub is going away (closed, unloaded). */
    cancelAttempt: (id: string) => call<Attempt>('DELETE', `/hub/oauth_attempts/${encodeURIComponent(id)}`, undefined, { keepalive: true }),
  }
}

export type HubApi = ReturnType<typeof createApi>

/** The guide of a connector's configured authentication. */
export function guideOf(connector: Connector): string {
  return connector.config.authentication[connector.authentication_config_key]?.[connector.environment]?.guide?.description ?? ''
}

/** The fields of a connector's configured authentication. */
export function fieldsOf(connector: Connector): Field[] {
  return connector.config.authentication[connector.authentication_config_key]?.[connector.environment]?.fields ?? []
}
