import { describe, expect, it, vi } from 'vitest'
import { type ConnectSessionHandlerOptions, type ConnectSessionOwner, createConnectSessionHandler } from '../../../src/server'
import { API_KEY, CREDENTIAL, created, mints, startUpstream, status, type Upstream, withAccounts } from './upstream'

const OWNER: ConnectSessionOwner = { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc' }
const ENDPOINT = 'https://app.example/api/connect-session'

function handlerFor(upstream: Upstream, options: Partial<ConnectSessionHandlerOptions> = {}) {
  return createConnectSessionHandler({ apiKey: API_KEY, baseUrl: upstream.url, resolveOwner: () => OWNER, onError: () => {}, ...options })
}

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; issues?: { path: string[]; message: string }[] } }).error
}

const ACCOUNTS = { 'acc-own': 'customer-42', 'acc-other': 'customer-7', 'a/b': 'customer-42' }

describe('createConnectSessionHandler, given a signed-in but hostile browser', () => {
  describe('when it asks to edit an account (accountId)', () => {
    it('→ an account of its own owner: checked with GET /accounts/{id} and the key, then minted', async () => {
      const upstream = await startUpstream(withAccounts(ACCOUNTS))
      const response = await handlerFor(upstream)(post({ accountId: 'acc-own' }))
      expect(response.status).toBe(200)
      expect(upstream.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
        'GET /accounts/acc-own',
        'POST /connect_sessions',
      ])
      expect(upstream.requests[0]?.headers.authorization).toBe(`Basic ${CREDENTIAL}`)
      expect(mints(upstream)[0]?.json.account_id).toBe('acc-own')
    })

    it('→ another owner’s account: 403 account_not_allowed and nothing minted', async () => {
      const upstream = await startUpstream(withAccounts(ACCOUNTS))
      const response = await handlerFor(upstream)(post({ accountId: 'acc-other' }))
      expect(response.status).toBe(403)
      expect((await errorOf(response)).code).toBe('account_not_allowed')
      expect(mints(upstream)).toHaveLength(0)
    })

    it('→ an account that does not exist: the very same 403 answer, so ids cannot be probed', async () => {
      const upstream = await startUpstream(withAccounts(ACCOUNTS))
      const unknown = await handlerFor(upstream)(post({ accountId: 'acc-nobody' }))
      const other = await handlerFor(upstream)(post({ accountId: 'acc-other' }))
      expect(unknown.status).toBe(403)
      expect(await unknown.text()).toBe(await other.text())
      expect(mints(upstream)).toHaveLength(0)
    })

    it.each(['..', '.'])('→ %j, which a URL would resolve as a path segment: 403 without asking', async (accountId) => {
      const upstream = await startUpstream(withAccounts(ACCOUNTS))
      expect((await handlerFor(upstream)(post({ accountId }))).status).toBe(403)
      expect(upstream.requests).toHaveLength(0)
    })

    it('→ an id with a slash is asked about as one path segment', async () => {
      const upstream = await startUpstream(withAccounts(ACCOUNTS))
      expect((await handlerFor(upstream)(post({ accountId: 'a/b' }))).status).toBe(200)
      expect(upstream.requests[0]?.url).toBe('/accounts/a%2Fb')
    })

    it('→ an account answer without the owner, or for another id: 403', async () => {
      const upstream = await startUpstream((res, received) =>
        received.method === 'GET'
          ? res
              .writeHead(200, { 'content-type': 'application/json' })
              .end(JSON.stringify({ id: 'acc-elsewhere', origin_owner_id: 'customer-42' }))
          : created()(res, received),
      )
      expect((await handlerFor(upstream)(post({ accountId: 'acc-own' }))).status).toBe(403)
      expect(mints(upstream)).toHaveLength(0)
    })

    it.each([401, 500])('→ the check itself fails with %i: 502 and nothing minted', async (code) => {
      const upstream = await startUpstream(status(code))
      const onError = vi.fn()
      const response = await handlerFor(upstream, { retries: 0, onError })(post({ accountId: 'acc-own' }))
      expect(response.status).toBe(502)
      expect(onError).toHaveBeenCalledOnce()
      expect(mints(upstream)).toHaveLength(0)
    })

    it('→ an accountId from defaults or overrides is checked as well', async () => {
      const upstream = await startUpstream(withAccounts(ACCOUNTS))
      expect((await handlerFor(upstream, { defaults: { accountId: 'acc-other' } })(post({}))).status).toBe(403)
      expect((await handlerFor(upstream, { overrides: { accountId: 'acc-other' } })(post({ accountId: 'acc-own' }))).status).toBe(403)
      expect(mints(upstream)).toHaveLength(0)
    })
  })

  describe('when the host decides ownership itself (ownsAccount)', () => {
    it('→ true mints without asking the session API, and the check gets the id, the owner and the request', async () => {
      const upstream = await startUpstream(withAccounts({}))
      const ownsAccount = vi.fn(async () => true)
      const request = post({ accountId: 'acc-local' })
      expect((await handlerFor(upstream, { ownsAccount })(request)).status).toBe(200)
      expect(ownsAccount).toHaveBeenCalledWith('acc-local', OWNER, request)
      expect(upstream.requests.map((received) => received.method)).toEqual(['POST'])
    })

    it.each([false, 'yes', 1, undefined])('→ %j (anything but true): 403 and nothing minted', async (answer) => {
      const upstream = await startUpstream(withAccounts({}))
      const ownsAccount = (() => answer) as unknown as ConnectSessionHandlerOptions['ownsAccount']
      const response = await handlerFor(upstream, { ...(ownsAccount && { ownsAccount }) })(post({ accountId: 'acc-local' }))
      expect(response.status).toBe(403)
      expect(mints(upstream)).toHaveLength(0)
    })

    it('→ a check that throws: 500, reported, nothing minted', async () => {
      const upstream = await startUpstream(withAccounts({}))
      const onError = vi.fn()
      const failure = new Error('directory down')
      const response = await handlerFor(upstream, { onError, ownsAccount: () => Promise.reject(failure) })(post({ accountId: 'a' }))
      expect(response.status).toBe(500)
      expect(onError).toHaveBeenCalledWith(failure, expect.any(Request))
      expect(upstream.requests).toHaveLength(0)
    })
  })

  describe('when it sets fields the server keeps', () => {
    it.each(['metadata', 'type'] as const)('→ %s: 400 field_not_allowed naming it and how to allow it, nothing sent', async (field) => {
      const upstream = await startUpstream(created())
      const value = field === 'metadata' ? { tenant: 'someone-else' } : 'test'
      const response = await handlerFor(upstream)(post({ provider: 'hibob', [field]: value }))
      expect(response.status).toBe(400)
      const error = await errorOf(response)
      expect(error.code).toBe('field_not_allowed')
      expect(error.message).toContain(`allow: ['${field}']`)
      expect(error.issues).toEqual([{ path: [field], message: expect.stringContaining(`allow: ['${field}']`) }])
      expect(upstream.requests).toHaveLength(0)
    })

    it('→ both at once: both named', async () => {
      const upstream = await startUpstream(created())
      const error = await errorOf(await handlerFor(upstream)(post({ metadata: {}, type: 'test' })))
      expect(error.issues?.map((issue) => issue.path[0])).toEqual(['metadata', 'type'])
      expect(error.message).toContain("allow: ['metadata', 'type']")
    })

    it('→ allowed by the host: passed on, and only what was allowed', async () => {
      const upstream = await startUpstream(created())
      const metadataOnly = handlerFor(upstream, { allow: ['metadata'] })
      expect((await metadataOnly(post({ metadata: { team: 'hr' } }))).status).toBe(200)
      expect((await metadataOnly(post({ metadata: { team: 'hr' }, type: 'test' }))).status).toBe(400)
      const both = handlerFor(upstream, { allow: ['metadata', 'type'] })
      expect((await both(post({ metadata: { team: 'ops' }, type: 'TEST' }))).status).toBe(200)
      expect(mints(upstream).map((request) => request.json)).toEqual([
        { origin_owner_id: 'customer-42', origin_owner_name: 'Acme Inc', metadata: { team: 'hr' } },
        { origin_owner_id: 'customer-42', origin_owner_name: 'Acme Inc', metadata: { team: 'ops' }, type: 'test' },
      ])
    })

    it('→ every field the browser may always set passes', async () => {
      const upstream = await startUpstream(withAccounts(ACCOUNTS))
      const body = {
        provider: 'hibob',
        categories: ['hris'],
        accountId: 'acc-own',
        label: 'HR',
        multiple: true,
        integrationId: 'int-1',
        providerVersion: '2',
        expiresIn: 600,
      }
      expect((await handlerFor(upstream)(post(body))).status).toBe(200)
      expect(mints(upstream)[0]?.json).toMatchObject({ provider: 'hibob', account_id: 'acc-own', expires_in: 600, integration_id: 'int-1' })
    })
  })

  describe('when it asks for a long-lived token', () => {
    it.each([3601, 365 * 24 * 3600])('→ expiresIn %i: 400 naming expiresIn and maxExpiresIn, nothing sent', async (expiresIn) => {
      const upstream = await startUpstream(created())
      const response = await handlerFor(upstream)(post({ expiresIn }))
      expect(response.status).toBe(400)
      const error = await errorOf(response)
      expect(error.issues).toEqual([{ path: ['expiresIn'], message: expect.stringMatching(/at most 3600 .*maxExpiresIn/) }])
      expect(upstream.requests).toHaveLength(0)
    })

    it('→ 3600 passes; maxExpiresIn raises the cap', async () => {
      const upstream = await startUpstream(created())
      expect((await handlerFor(upstream)(post({ expiresIn: 3600 }))).status).toBe(200)
      expect((await handlerFor(upstream, { maxExpiresIn: 86_400 })(post({ expiresIn: 86_400 }))).status).toBe(200)
      expect((await handlerFor(upstream, { maxExpiresIn: 86_400 })(post({ expiresIn: 86_401 }))).status).toBe(400)
      expect(mints(upstream).map((request) => request.json.expires_in)).toEqual([3600, 86_400])
    })

    it('→ with a cap below StackOne’s 1800 s and no lifetime named, the cap is asked for', async () => {
      const upstream = await startUpstream(created())
      await handlerFor(upstream, { maxExpiresIn: 600 })(post({}))
      expect(mints(upstream)[0]?.json.expires_in).toBe(600)
    })
  })

  describe('when the host sets values of its own', () => {
    it('→ defaults yield to the browser, overrides win over it', async () => {
      const upstream = await startUpstream(created())
      const handler = handlerFor(upstream, {
        defaults: { label: 'default-label', categories: ['crm'] },
        overrides: { label: 'server-label', type: 'test', metadata: { tenant: 'customer-42' } },
        allow: ['metadata'],
      })
      expect((await handler(post({ label: 'browser-label', categories: ['ats'], metadata: { tenant: 'customer-7' } }))).status).toBe(200)
      expect(mints(upstream)[0]?.json).toEqual({
        origin_owner_id: 'customer-42',
        origin_owner_name: 'Acme Inc',
        categories: ['ats'],
        label: 'server-label',
        metadata: { tenant: 'customer-42' },
        type: 'test',
      })
    })

    it('→ a misconfigured policy throws at creation', () => {
      const resolveOwner = () => OWNER
      const base = { apiKey: API_KEY, resolveOwner }
      const owned = { originOwnerId: 'x' } as unknown as NonNullable<ConnectSessionHandlerOptions['overrides']>
      expect(() => createConnectSessionHandler({ ...base, overrides: owned })).toThrow(/overrides must not hold owner fields/)
      expect(() => createConnectSessionHandler({ ...base, allow: ['originOwnerId' as 'type'] })).toThrow(/only 'metadata' and 'type'/)
      expect(() => createConnectSessionHandler({ ...base, maxExpiresIn: 0 })).toThrow(/maxExpiresIn/)
      expect(() => createConnectSessionHandler({ ...base, defaults: { expiresIn: 7200 } })).toThrow(/defaults.expiresIn .* maxExpiresIn/)
      expect(() => createConnectSessionHandler({ ...base, trustedOrigins: ['https://a.example/path'] })).toThrow(/not an origin/)
    })
  })

  describe('when the request comes from another site', () => {
    it.each([
      ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
      ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site', origin: 'https://blog.app.example' }],
      ['Sec-Fetch-Site: cross-site, even claiming this Origin', { 'sec-fetch-site': 'cross-site', origin: 'https://app.example' }],
      ['an Origin of another host, without Sec-Fetch-Site', { origin: 'https://evil.example' }],
      ['an Origin on another port', { origin: 'https://app.example:8443' }],
      ['Origin: null (a sandboxed frame)', { origin: 'null' }],
    ])('→ %s: 403 cross_origin before resolveOwner, nothing sent', async (_, headers) => {
      const upstream = await startUpstream(created())
      const resolveOwner = vi.fn(() => OWNER)
      const response = await handlerFor(upstream, { resolveOwner })(post({}, headers))
      expect(response.status).toBe(403)
      expect((await errorOf(response)).code).toBe('cross_origin')
      expect(resolveOwner).not.toHaveBeenCalled()
      expect(upstream.requests).toHaveLength(0)
    })

    it.each([
      ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin', origin: 'https://app.example' }],
      ['Sec-Fetch-Site: none (typed by the user)', { 'sec-fetch-site': 'none' }],
      ['its own Origin, without Sec-Fetch-Site', { origin: 'https://app.example' }],
      ['neither header (a server or script, not a browser page)', {}],
    ])('→ %s passes', async (_, headers) => {
      const upstream = await startUpstream(created())
      expect((await handlerFor(upstream)(post({}, headers))).status).toBe(200)
    })

    it('→ an origin listed in trustedOrigins passes; others are still refused', async () => {
      const upstream = await startUpstream(created())
      const handler = handlerFor(upstream, { trustedOrigins: ['https://www.example'] })
      expect((await handler(post({}, { 'sec-fetch-site': 'cross-site', origin: 'https://www.example' }))).status).toBe(200)
      expect((await handler(post({}, { origin: 'https://www.example' }))).status).toBe(200)
      expect((await handler(post({}, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }))).status).toBe(403)
      expect(mints(upstream)).toHaveLength(2)
    })
  })
})
