import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildHubPage } from '../../../demo/hubPage.ts'
import { type DevHub, PROVIDERS, startDevHub } from '../../../src/dev/index'
import { CATEGORIES } from '../../../src/session/categories'

let clock = Date.parse('2025-01-01T00:00:00Z')
let hub: DevHub
const extraOrigin = 'http://localhost:3000'

beforeAll(async () => {
  hub = await startDevHub({ apiPort: 0, hubPort: 0, now: () => clock, corsOrigins: [extraOrigin], hubRoot: await buildHubPage() })
})
afterAll(() => hub?.close())
beforeEach(() => hub.store.reset())

async function session(body: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${hub.apiUrl}/connect_sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${hub.apiKey}:`).toString('base64')}` },
    body: JSON.stringify({ origin_owner_id: 'customer-42', origin_owner_name: 'Acme Inc', ...body }),
  })
  return ((await response.json()) as { token: string }).token
}

/** The union of the hub answers these tests read. */
interface Wire {
  id: string
  integrations: { provider: string; type: string }[]
  config: { authentication: Record<string, Record<string, { fields: { key: string; secret: boolean }[] }>> }
  logo_url: string
  session: Record<string, unknown>
  issues: { path: string[] }[]
  secrets: Record<string, string>
}

async function call(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${hub.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-hub-session-token': token, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, text, body: (text ? JSON.parse(text) : {}) as Wire, headers: response.headers }
}

const providersOf = (body: Wire) => body.integrations.map((integration) => integration.provider)

describe('the catalog', () => {
  it('has about twenty providers covering every category', () => {
    expect(PROVIDERS.length).toBeGreaterThanOrEqual(20)
    for (const category of CATEGORIES) expect(PROVIDERS.some((provider) => provider.categories.includes(category))).toBe(true)
  })

  it('given session categories → lists only providers in them', async () => {
    const { body } = await call(await session({ categories: ['ats'] }), 'GET', '/hub/connectors')
    expect(providersOf(body).sort()).toEqual(['greenhouse', 'lever', 'personio', 'workable'])
    expect(body.integrations.every((integration) => integration.type === 'ats')).toBe(true)
  })

  it('given a session provider → lists only that provider', async () => {
    const { body } = await call(await session({ provider: 'slack', categories: ['messaging'] }), 'GET', '/hub/connectors')
    expect(providersOf(body)).toEqual(['slack'])
  })

  it('describes a connector with its credential fields and an inline logo', async () => {
    const { body } = await call(await session(), 'GET', '/hub/connectors/bamboohr')
    const fields = body.config.authentication.custom?.production?.fields ?? []
    expect(fields.map((field) => [field.key, field.secret])).toEqual([
      ['subdomain', false],
      ['api_key', true],
    ])
    expect(body.logo_url).toMatch(/^data:image\/svg\+xml,/)
  })

  it('answers settings from the server-side session', async () => {
    const { body } = await call(await session({ type: 'test', provider: 'xero' }), 'GET', '/hub/settings')
    expect(body.session).toMatchObject({ type: 'test', provider: 'xero', account_id: null })
  })
})

describe('connecting an account', () => {
  it('validates the provider credential fields and names the wrong ones', async () => {
    const { status, body } = await call(await session(), 'POST', '/hub/accounts', {
      integration_id: 'bamboohr',
      credentials: { subdomain: 'Not A Domain!', extra: 'x' },
    })
    expect(status).toBe(400)
    expect(body.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'credentials.api_key',
      'credentials.extra',
      'credentials.subdomain',
    ])
  })

  it('refuses a provider outside the session', async () => {
    const { status } = await call(await session({ categories: ['crm'] }), 'POST', '/hub/accounts', {
      integration_id: 'bamboohr',
      credentials: { subdomain: 'acme', api_key: 'k' },
    })
    expect(status).toBe(404)
  })

  it('stores the account under the session owner and never returns the secret', async () => {
    const token = await session({ type: 'test' })
    const { status, body, text } = await call(token, 'POST', '/hub/accounts', {
      integration_id: 'bamboohr',
      credentials: { subdomain: 'acme', api_key: 'top-secret' },
    })
    expect(status).toBe(201)
    expect(text).not.toContain('top-secret')
    const stored = hub.store.accounts.get(body.id)
    expect(stored).toMatchObject({
      originOwnerId: 'customer-42',
      provider: 'bamboohr',
      type: 'test',
      setupInformation: { subdomain: 'acme' },
    })
    expect(stored?.secrets).toEqual({ api_key: 'top-secret' })
  })
})

describe('editing an account', () => {
  const seed = () =>
    hub.store.addAccount({
      provider: 'jira',
      providerName: 'Jira',
      originOwnerId: 'customer-42',
      originOwnerName: 'Acme Inc',
      type: 'production',
      setupInformation: { subdomain: 'acme', username: 'jane@acme.test' },
      secrets: { api_key: 'old-secret' },
    })

  it('prefills non-secret fields and masks secrets', async () => {
    const account = seed()
    const { status, body, text } = await call(await session({ account_id: account.id }), 'GET', `/hub/accounts/${account.id}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ id: account.id, provider: 'jira', setupInformation: { subdomain: 'acme', username: 'jane@acme.test' } })
    expect(body.secrets).toEqual({ api_key: '__secretvalue:**redacted**' })
    expect(text).not.toContain('old-secret')
  })

  it('keeps unchanged secrets when updating', async () => {
    const account = seed()
    const token = await session({ account_id: account.id })
    const { status, text } = await call(token, 'PATCH', `/hub/accounts/${account.id}`, {
      integration_id: 'jira',
      credentials: { subdomain: 'acme-eu', username: 'jane@acme.test', api_key: '__secretvalue:**redacted**' },
    })
    expect(status).toBe(200)
    expect(text).not.toContain('old-secret')
    expect(hub.store.accounts.get(account.id)).toMatchObject({
      setupInformation: { subdomain: 'acme-eu' },
      secrets: { api_key: 'old-secret' },
    })
    await call(token, 'PATCH', `/hub/accounts/${account.id}`, { credentials: { api_key: 'new-secret' } })
    expect(hub.store.accounts.get(account.id)?.secrets).toEqual({ api_key: 'new-secret' })
  })

  it('refuses another account than the session edits', async () => {
    const account = seed()
    const other = seed()
    const token = await session({ account_id: account.id })
    expect((await call(token, 'GET', `/hub/accounts/${other.id}`)).status).toBe(403)
    expect((await call(token, 'PATCH', `/hub/accounts/${other.id}`, { credentials: {} })).status).toBe(403)
    expect((await call(await session(), 'GET', `/hub/accounts/${account.id}`)).status).toBe(403)
  })

  it('limits an edit session catalog to the account provider', async () => {
    const account = seed()
    const { body } = await call(await session({ account_id: account.id }), 'GET', '/hub/connectors')
    expect(providersOf(body)).toEqual(['jira'])
  })
})

describe('hub session tokens', () => {
  it('answers 401 to an unknown or missing token', async () => {
    expect((await call('nope', 'GET', '/hub/settings')).status).toBe(401)
    expect((await call('', 'GET', '/hub/connectors')).status).toBe(401)
  })

  it('answers 401 once the token has expired on the injected clock', async () => {
    const token = await session({ expires_in: 30 })
    expect((await call(token, 'GET', '/hub/settings')).status).toBe(200)
    clock += 30_000
    expect((await call(token, 'GET', '/hub/settings')).status).toBe(401)
  })
})

describe('CORS on the hub endpoints', () => {
  const preflight = (origin: string) =>
    fetch(`${hub.apiUrl}/hub/settings`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-hub-session-token' },
    })

  it('allows the hub page origin and configured origins, preflight included', async () => {
    const hubOrigin = new URL(hub.hubUrl).origin
    for (const origin of [hubOrigin, extraOrigin]) {
      const response = await preflight(origin)
      expect(response.status).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe(origin)
      expect(response.headers.get('access-control-allow-headers')).toContain('x-hub-session-token')
      const { headers } = await call(await session(), 'GET', '/hub/settings', undefined, { origin })
      expect(headers.get('access-control-allow-origin')).toBe(origin)
    }
  })

  it('refuses any other origin', async () => {
    const response = await preflight('http://evil.test')
    expect(response.status).toBe(403)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    const { status, headers } = await call(await session(), 'GET', '/hub/settings', undefined, { origin: 'http://evil.test' })
    expect(status).toBe(403)
    expect(headers.get('access-control-allow-origin')).toBeNull()
  })

  it('gives no CORS access to the secret-key endpoints', async () => {
    const response = await fetch(`${hub.apiUrl}/connect_sessions`, { method: 'POST', headers: { origin: extraOrigin } })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})
