import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type DevHub, PROVIDERS, startDevHub } from '../../../src/dev/index.ts'
import { raw } from '../dev/http.ts'

let clock = Date.parse('2025-01-01T00:00:00Z')
let hub: DevHub

beforeAll(async () => {
  hub = await startDevHub({
    apiPort: 0,
    hubPort: 0,
    providerPort: 0,
    now: () => clock,
    hubRoot: mkdtempSync(join(tmpdir(), 'connect-hub-empty-')),
  })
})

afterAll(async () => {
  await hub?.close()
})

beforeEach(() => {
  hub.store.reset()
  hub.oauth.coop = false
})

const basic = () => `Basic ${Buffer.from(`${hub.apiKey}:`).toString('base64')}`

async function session(body: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${hub.apiUrl}/connect_sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basic() },
    body: JSON.stringify({ origin_owner_id: 'customer-42', origin_owner_name: 'Acme Inc', ...body }),
  })
  return ((await response.json()) as { token: string }).token
}

interface Attempt {
  id: string
  status: string
  url: string
  mode: string
  expires_at: string
  account: { id: string; provider: string } | null
  error: { code: string; description: string } | null
}

async function call<T = Attempt>(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${hub.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-hub-session-token': token },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers }
}

const create = async (token: string, integration = 'hubspot') =>
  (await call(token, 'POST', '/hub/oauth_attempts', { integration_id: integration })).body

/** Follows the provider window from `url` to the provider's page; returns the page's HTML and its consent id. */
async function consentPage(url: string) {
  const start = await fetch(url, { redirect: 'manual' })
  expect(start.status).toBe(303)
  const location = start.headers.get('location') ?? ''
  const page = await fetch(location)
  const html = await page.text()
  return { start, location, page, html, consent: /name="consent" value="([^"]+)"/.exec(html)?.[1] ?? '' }
}

/** Answers on the provider's page and follows the redirect back to the dev API; returns both responses. */
async function decide(url: string, decision: 'allow' | 'deny') {
  const { location, consent } = await consentPage(url)
  const provider = new URL(location)
  const back = await fetch(new URL(provider.pathname.replace('/authorize', '/decision'), provider), {
    method: 'POST',
    body: new URLSearchParams({ consent, decision }),
    redirect: 'manual',
  })
  const callbackUrl = back.headers.get('location') ?? ''
  const callback = await fetch(callbackUrl, { redirect: 'manual' })
  return { back, callbackUrl, callback, html: await callback.text() }
}

describe('the catalog', () => {
  it('says how each provider connects: at least ten by OAuth, HubSpot, Salesforce, Slack, Xero, QuickBooks and Google Drive among them', async () => {
    const oauth = PROVIDERS.filter((provider) => provider.auth === 'oauth2').map((provider) => provider.key)
    expect(oauth.length).toBeGreaterThanOrEqual(10)
    expect(oauth).toEqual(expect.arrayContaining(['hubspot', 'salesforce', 'slack', 'xero', 'quickbooks', 'google_drive']))
    for (const provider of PROVIDERS) {
      expect(provider.auth === 'oauth2' ? provider.fields : provider.scopes).toEqual([])
      expect(provider.auth === 'oauth2' ? provider.scopes.length : provider.fields.length).toBeGreaterThan(0)
    }

    const token = await session()
    const { body } = await call<{ integrations: { provider: string; auth: string }[] }>(token, 'GET', '/hub/connectors')
    expect(body.integrations).toHaveLength(PROVIDERS.length)
    for (const integration of body.integrations) {
      expect(integration.auth).toBe(PROVIDERS.find((provider) => provider.key === integration.provider)?.auth)
    }
    const { body: hubspot } = await call<{ config: { authentication: { custom: { production: { type: string; grantType: string } } } } }>(
      token,
      'GET',
      '/hub/connectors/hubspot',
    )
    expect(hubspot.config.authentication.custom.production).toMatchObject({ type: 'oauth2', grantType: 'authorization_code' })
  })

  it('refuses credentials for an OAuth provider, and an OAuth attempt for a credentials provider', async () => {
    const token = await session()
    const credentials = await call(token, 'POST', '/hub/accounts', { integration_id: 'slack', credentials: { api_key: 'xoxb' } })
    expect(credentials.status).toBe(400)
    const attempt = await call(token, 'POST', '/hub/oauth_attempts', { integration_id: 'bamboohr' })
    expect(attempt.status).toBe(400)
    expect(hub.store.accounts.size).toBe(0)
  })
})

describe('connection attempts of the reference hub (/hub/oauth_attempts)', () => {
  it('need the session token, and only offer the session’s providers', async () => {
    expect((await call('', 'POST', '/hub/oauth_attempts', { integration_id: 'hubspot' })).status).toBe(401)
    const token = await session({ categories: ['accounting'] })
    expect((await call(token, 'POST', '/hub/oauth_attempts', { integration_id: 'hubspot' })).status).toBe(404)
    expect((await call(token, 'POST', '/hub/oauth_attempts', { integration_id: 'xero' })).status).toBe(201)
  })

  it('open a window whose URLs carry the attempt id and OAuth parameters, never the session token', async () => {
    const token = await session()
    const attempt = await create(token)
    expect(attempt).toMatchObject({ status: 'pending', mode: 'create', account: null, error: null })
    const url = new URL(attempt.url)
    expect(url.origin).toBe(hub.apiUrl)
    expect([...url.searchParams.keys()]).toEqual(['connection_attempt_id'])
    const { start, location, page, html } = await consentPage(attempt.url)
    expect(start.headers.get('referrer-policy')).toBe('no-referrer')
    expect(new URL(location).origin).toBe(hub.providerUrl)
    expect(location).not.toContain(token)
    expect(location).not.toContain(attempt.id)
    expect(page.headers.get('cross-origin-opener-policy')).toBeNull()
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(html).toContain('Connect Hub (dev) wants to access your HubSpot account')
    expect(html).toContain('<code>crm.objects.contacts.read</code>')
    expect(html).toMatch(/<button[^>]*>Allow<\/button>/)
    expect(html).toMatch(/<button[^>]*>Deny<\/button>/)
  })

  it('send COOP with the provider page when told to', async () => {
    hub.oauth.coop = true
    const { page } = await consentPage((await create(await session())).url)
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin')
  })

  it('allow → authorised with the new account; a long poll in flight hears it; the answer is single-use', async () => {
    const token = await session()
    const attempt = await create(token)
    const polling = call(token, 'GET', `/hub/oauth_attempts/${attempt.id}?wait=25`)
    const { callback, callbackUrl, html } = await decide(attempt.url, 'allow')
    expect(callback.status).toBe(200)
    expect(html).toContain('window.close()')

    const { body } = await polling
    expect(body).toMatchObject({ status: 'authorised', account: { provider: 'hubspot' } })
    expect(hub.store.accounts.get(body.account?.id ?? '')).toMatchObject({ provider: 'hubspot', originOwnerId: 'customer-42' })

    const replay = await fetch(callbackUrl)
    expect(replay.status).toBe(409)
    expect(hub.store.accounts.size).toBe(1)
  })

  it('bind each code to its attempt: a code from one owner’s consent, replayed with another attempt’s state, connects nothing', async () => {
    const orgA = await create(await session({ origin_owner_id: 'org-a' }))
    const orgC = await create(await session({ origin_owner_id: 'org-c' }))
    // Org A's user allows; the attacker keeps the code instead of following the redirect.
    const { location, consent } = await consentPage(orgA.url)
    expect(new URL(location).searchParams.get('code_challenge_method')).toBe('S256')
    const provider = new URL(location)
    const back = await fetch(new URL(provider.pathname.replace('/authorize', '/decision'), provider), {
      method: 'POST',
      body: new URLSearchParams({ consent, decision: 'allow' }),
      redirect: 'manual',
    })
    const code = new URL(back.headers.get('location') ?? '').searchParams.get('code') ?? ''
    expect(code).toMatch(/^code_/)
    // Org C's pending attempt, whose state the attacker learnt from its provider URL.
    const stateC = new URL((await consentPage(orgC.url)).location).searchParams.get('state') ?? ''
    const replay = await fetch(`${hub.apiUrl}/oauth/callback?${new URLSearchParams({ state: stateC, code })}`)
    expect(await replay.text()).toContain('did not accept the authorisation code')
    expect(hub.store.accounts.size).toBe(0)
  })

  it('deny → denied with the provider’s error, no account', async () => {
    const token = await session()
    const attempt = await create(token, 'salesforce')
    await decide(attempt.url, 'deny')
    const { body } = await call(token, 'GET', `/hub/oauth_attempts/${attempt.id}`)
    expect(body).toMatchObject({ status: 'denied', account: null, error: { code: 'access_denied' } })
    expect(hub.store.accounts.size).toBe(0)
  })

  it('cancelled → a later Allow connects nothing', async () => {
    const token = await session()
    const attempt = await create(token)
    const { consent, location } = await consentPage(attempt.url)
    expect((await call(token, 'DELETE', `/hub/oauth_attempts/${attempt.id}`)).body.status).toBe('cancelled')
    const provider = new URL(location)
    const back = await fetch(new URL(provider.pathname.replace('/authorize', '/decision'), provider), {
      method: 'POST',
      body: new URLSearchParams({ consent, decision: 'allow' }),
      redirect: 'manual',
    })
    const callback = await fetch(back.headers.get('location') ?? '')
    expect(callback.status).toBe(409)
    expect(hub.store.accounts.size).toBe(0)
    expect((await call(token, 'GET', `/hub/oauth_attempts/${attempt.id}`)).body.status).toBe('cancelled')
  })

  it('belong to their session: another session of the same owner sees none of them', async () => {
    const attempt = await create(await session())
    const other = await session()
    expect((await call(other, 'GET', `/hub/oauth_attempts/${attempt.id}`)).status).toBe(404)
    expect((await call(other, 'DELETE', `/hub/oauth_attempts/${attempt.id}`)).status).toBe(404)
  })

  it('expire after five minutes, and never after their session', async () => {
    const token = await session()
    const attempt = await create(token)
    expect(Date.parse(attempt.expires_at) - clock).toBe(300_000)
    clock += 300_000
    expect((await call(token, 'GET', `/hub/oauth_attempts/${attempt.id}`)).body.status).toBe('expired')
    expect((await fetch(attempt.url)).status).toBe(409)

    const short = await session({ expires_in: 60 })
    const bounded = await create(short)
    expect(Date.parse(bounded.expires_at) - clock).toBe(60_000)
  })

  it('in edit mode re-authorise the edited account: same id, new tokens, mode edit', async () => {
    const account = hub.store.addAccount({
      provider: 'xero',
      providerName: 'Xero',
      originOwnerId: 'customer-42',
      originOwnerName: 'Acme Inc',
      type: 'production',
      setupInformation: {},
      secrets: { access_token: 'old' },
    })
    const token = await session({ account_id: account.id })
    const attempt = await create(token, 'xero')
    expect(attempt.mode).toBe('edit')
    await decide(attempt.url, 'allow')
    const { body } = await call(token, 'GET', `/hub/oauth_attempts/${attempt.id}`)
    expect(body).toMatchObject({ status: 'authorised', mode: 'edit', account: { id: account.id } })
    expect(hub.store.accounts.size).toBe(1)
    expect(hub.store.accounts.get(account.id)?.secrets.access_token).toMatch(/^xero_at_/)
  })
})

describe('the simulated provider', () => {
  it('refuses an unknown client or redirect URI with an error page, never a redirect', async () => {
    const { location } = await consentPage((await create(await session())).url)
    for (const [name, value] of [
      ['client_id', 'someone-else'],
      ['redirect_uri', 'http://evil.test/callback'],
    ] as const) {
      const url = new URL(location)
      url.searchParams.set(name, value)
      const response = await fetch(url, { redirect: 'manual' })
      expect(response.status).toBe(400)
      expect(response.headers.get('location')).toBeNull()
    }
  })
})

describe('the simulated provider, as a dev server', () => {
  it('answers 421 to a Host that is not loopback, 400 to a malformed URL, 404 to other paths, without exception text', async () => {
    const port = new URL(hub.providerUrl).port
    const rebound = await raw(hub.providerUrl, '/hubspot/oauth/authorize', { host: `rebind.attacker.example:${port}` })
    expect(rebound.status).toBe(421)
    expect(rebound.text).toContain('allowedHosts')
    const malformed = await raw(hub.providerUrl, '/%E0%A4%A/oauth/authorize')
    expect(malformed.status).toBe(400)
    expect(malformed.text).not.toMatch(/URIError|at decode/)
    expect((await raw(hub.providerUrl, '/bamboohr/oauth/authorize')).status).toBe(404)
    expect((await raw(hub.providerUrl, '/hubspot/oauth/authorize', { host: `localhost:${port}` })).status).toBe(400)
  })
})

describe("StackOne's connection attempts (/hub/connection_attempts, /connect/oauth2)", () => {
  const stackOneUrl = (attempt: string, token: string, integration = 'hubspot', appUrl = hub.appUrl) =>
    `${hub.apiUrl}/connect/oauth2/${integration}?redirect_uri=${encodeURIComponent(`${appUrl}/embedded/accounts/callback`)}&token=${token}&connection_attempt_id=${attempt}`

  it('create, poll with its statuses (pending → authenticated with the account), and send the window back to appUrl', async () => {
    const token = await session()
    const created = await call<{ id: string }>(token, 'POST', '/hub/connection_attempts', { token })
    expect(created.status).toBe(201)
    const { id } = created.body
    expect((await call(token, 'GET', `/hub/connection_attempts/${id}`)).body).toEqual({ id, status: 'pending', account: null, error: null })

    const { callback } = await decide(stackOneUrl(id, token), 'allow')
    expect(callback.status).toBe(303)
    expect(callback.headers.get('location')).toBe(`${hub.appUrl}/embedded/accounts/callback?status=success`)
    const { body } = await call<{ status: string; account: { id: string } }>(token, 'GET', `/hub/connection_attempts/${id}`)
    expect(body.status).toBe('authenticated')
    expect(hub.store.accounts.get(body.account.id)?.provider).toBe('hubspot')
    const page = await fetch(`${hub.appUrl}/embedded/accounts/callback?status=success`)
    expect(await page.text()).toContain('window.close()')
  })

  it('deny → status error with the code and description; DELETE → 204 and cancelled', async () => {
    const token = await session()
    const denied = (await call<{ id: string }>(token, 'POST', '/hub/connection_attempts', { token })).body.id
    await decide(stackOneUrl(denied, token, 'slack'), 'deny')
    expect((await call(token, 'GET', `/hub/connection_attempts/${denied}`)).body).toMatchObject({
      status: 'error',
      account: null,
      error: { code: 'access_denied', description: expect.stringContaining('Slack') },
    })

    const cancelled = (await call<{ id: string }>(token, 'POST', '/hub/connection_attempts', { token })).body.id
    expect((await call(token, 'DELETE', `/hub/connection_attempts/${cancelled}`)).status).toBe(204)
    expect((await call(token, 'GET', `/hub/connection_attempts/${cancelled}`)).body.status).toBe('cancelled')
  })

  it('refuses another session’s token, a foreign redirect_uri and a credentials provider, and drops the token before the provider', async () => {
    const token = await session()
    const id = (await call<{ id: string }>(token, 'POST', '/hub/connection_attempts', { token })).body.id
    expect((await fetch(stackOneUrl(id, await session()), { redirect: 'manual' })).status).toBe(401)
    expect((await fetch(stackOneUrl(id, token, 'hubspot', 'https://app.stackone.com'), { redirect: 'manual' })).status).toBe(400)
    expect((await fetch(stackOneUrl(id, token, 'bamboohr'), { redirect: 'manual' })).status).toBe(400)
    const start = await fetch(stackOneUrl(id, token), { redirect: 'manual' })
    expect(start.status).toBe(303)
    expect(start.headers.get('referrer-policy')).toBe('no-referrer')
    expect(start.headers.get('location')).not.toContain(token)
  })
})
