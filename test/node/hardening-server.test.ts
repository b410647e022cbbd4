import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type DevHub, type DevSession, startDevHub } from '../../src/dev/index'
import {
  type ConnectSessionHandler,
  type ConnectSessionHandlerOptions,
  createConnectSessionHandler,
  type ServerSessionOptions,
  toNodeHandler,
} from '../../src/server'
import { API_KEY, created, startUpstream } from './server/upstream'

const OWNER = { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc' }
const ENDPOINT = 'https://app.example/api/connect-session'
const post = (body: string) => new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json' }, body })

describe('given the session handler and hostile JSON from a browser', () => {
  it.each(['[]', 'null', '"provider"', '42', 'true', '[{"provider":"hibob"}]'])(
    'when the body is %s, valid JSON but not an object → 400 and nothing upstream',
    async (body) => {
      const upstream = await startUpstream(created())
      const handler = createConnectSessionHandler({ apiKey: API_KEY, baseUrl: upstream.url, resolveOwner: () => OWNER, onError: () => {} })
      const response = await handler(post(body))
      expect(response.status).toBe(400)
      const text = await response.text()
      expect(text).not.toContain(API_KEY)
      expect(upstream.requests).toHaveLength(0)
    },
  )

  it.each([
    ['__proto__ carrying owner fields', '{"__proto__":{"originOwnerId":"evil","originOwnerName":"Evil"},"provider":"hibob"}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}},"provider":"hibob"}'],
    ['a nested __proto__ in metadata', '{"metadata":{"__proto__":{"polluted":true}},"provider":"hibob"}'],
  ])('when the body has %s → no prototype is polluted and the owner upstream is the resolved one', async (_, body) => {
    const upstream = await startUpstream(created())
    const handler = createConnectSessionHandler({ apiKey: API_KEY, baseUrl: upstream.url, resolveOwner: () => OWNER, onError: () => {} })
    const response = await handler(post(body))
    expect([200, 400]).toContain(response.status)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).originOwnerId).toBeUndefined()
    for (const request of upstream.requests) {
      const sent = request.json
      expect(sent.origin_owner_id).toBe(OWNER.originOwnerId)
      expect(sent.origin_owner_name).toBe(OWNER.originOwnerName)
    }
  })
})

describe('given the dev session API on 127.0.0.1', () => {
  let hub: DevHub
  beforeAll(async () => {
    hub = await startDevHub({ apiPort: 0, hubPort: 0, host: '127.0.0.1', hubRoot: mkdtempSync(join(tmpdir(), 'connect-hub-empty-')) })
  })
  afterAll(() => hub?.close())

  it('when 500 sessions are created at once → every answer is 201 and every token is distinct', async () => {
    const authorization = `Basic ${Buffer.from(`${hub.apiKey}:`).toString('base64')}`
    const started = performance.now()
    const answers = await Promise.all(
      Array.from({ length: 500 }, async (_, i) => {
        const response = await fetch(`${hub.apiUrl}/connect_sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ origin_owner_id: `customer-${i}`, origin_owner_name: 'Acme Inc', categories: ['hris'] }),
        })
        return { status: response.status, body: (await response.json()) as { token?: string; id?: string } }
      }),
    )
    const elapsed = performance.now() - started
    expect(answers.filter((answer) => answer.status !== 201)).toEqual([])
    const tokens = new Set(answers.map((answer) => answer.body.token))
    expect(tokens.size).toBe(500)
    expect(tokens.has(undefined)).toBe(false)
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(500)
    console.info(`[hardening] 500 concurrent POST /connect_sessions in ${Math.round(elapsed)} ms`)
  }, 30_000)
})

const OWNER_42 = { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc' }

describe('given the session handler in a node:http server, minting from the dev session API', () => {
  let dev: DevHub
  let current: ConnectSessionHandler
  let url: string
  let server: ReturnType<typeof createServer>

  beforeAll(async () => {
    dev = await startDevHub({ apiPort: 0, hubPort: 0, hubRoot: mkdtempSync(join(tmpdir(), 'connect-hub-empty-')) })
    server = createServer(toNodeHandler((request) => current(request)))
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server?.closeAllConnections()
    server?.close()
    await dev?.close()
  })
  beforeEach(() => {
    dev.store.reset()
    seed()
  })

  function seed() {
    for (const [id, originOwnerId] of [
      ['acc-own', 'customer-42'],
      ['acc-other', 'customer-7'],
    ] as const) {
      dev.store.addAccount({
        id,
        provider: 'bamboohr',
        providerName: 'BambooHR',
        originOwnerId,
        originOwnerName: 'Someone',
        type: 'production',
        setupInformation: {},
        secrets: {},
      })
    }
  }

  const use = (options: Partial<ConnectSessionHandlerOptions> = {}) => {
    current = createConnectSessionHandler({
      apiKey: dev.apiKey,
      baseUrl: dev.apiUrl,
      resolveOwner: () => OWNER_42,
      onError: () => {},
      ...options,
    })
  }

  async function post(body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${url}/api/connect-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    const answer = (await response.json()) as { token?: string; error?: { code: string } }
    const minted: DevSession | undefined = answer.token ? dev.store.sessions.get(answer.token) : undefined
    return { status: response.status, code: answer.error?.code, minted }
  }

  describe('when the browser oversteps', () => {
    it.each([
      ['a cross-site page', {}, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, 403, 'cross_origin'],
      ['a same-site page', {}, { 'sec-fetch-site': 'same-site', origin: 'http://blog.127.0.0.1.nip.io' }, 403, 'cross_origin'],
      ['an Origin of another site', {}, { origin: 'https://evil.example' }, 403, 'cross_origin'],
      ['metadata', { metadata: { tenant: 'customer-7' } }, {}, 400, 'field_not_allowed'],
      ['type', { type: 'test' }, {}, 400, 'field_not_allowed'],
      ['a year-long expiresIn', { expiresIn: 31_536_000 }, {}, 400, 'invalid_session'],
      ['another owner’s account', { accountId: 'acc-other' }, {}, 403, 'account_not_allowed'],
      ['an account that does not exist', { accountId: 'acc-nobody' }, {}, 403, 'account_not_allowed'],
    ])('→ %s: refused, and the dev store records no session', async (_, body, headers, status, code) => {
      use()
      expect(await post(body, headers)).toEqual({ status, code, minted: undefined })
      expect(dev.store.sessions.size).toBe(0)
    })
  })

  describe('when the host loosens the policy', () => {
    it.each<[string, Partial<ConnectSessionHandlerOptions>, Record<string, unknown>, Record<string, string>, Partial<DevSession>]>([
      ['allow metadata', { allow: ['metadata'] }, { metadata: { team: 'hr' } }, {}, { metadata: { team: 'hr' } }],
      ['allow type', { allow: ['type'] }, { type: 'TEST' }, {}, { type: 'test' }],
      ['maxExpiresIn', { maxExpiresIn: 86_400 }, { expiresIn: 86_400 }, {}, { expiresIn: 86_400 }],
      [
        'trustedOrigins',
        { trustedOrigins: ['https://www.example'] },
        {},
        { 'sec-fetch-site': 'cross-site', origin: 'https://www.example' },
        {},
      ],
      ['ownsAccount', { ownsAccount: (id) => id === 'acc-other' }, { accountId: 'acc-other' }, {}, { accountId: 'acc-other' }],
      ['overrides', { overrides: { type: 'test', metadata: { env: 'dev' } } }, {}, {}, { type: 'test', metadata: { env: 'dev' } }],
      ['nothing: its own account', {}, { accountId: 'acc-own' }, { origin: '' }, { accountId: 'acc-own' }],
    ])('→ %s: minted as asked', async (_, options, body, headers, expected) => {
      use(options)
      const sent = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ''))
      const { status, minted } = await post(body, sent)
      expect(status).toBe(200)
      expect(minted).toMatchObject({ ...OWNER_42, ...expected })
    })
  })

  describe('property: over generated bodies and policies', () => {
    const text = fc.string({ maxLength: 12 })
    /** `arbitrary` in `present` cases out of ten, else absent: most bodies should pass, so that what is minted is checked. */
    const sometimes = <T>(arbitrary: fc.Arbitrary<T>, present: number) =>
      fc.oneof({ arbitrary, weight: present }, { arbitrary: fc.constant(undefined), weight: 10 - present })
    const rarely = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: usual, weight: 9 }, { arbitrary: odd, weight: 1 })
    const bodies = fc
      .record({
        originOwnerId: sometimes(text, 4),
        originOwnerName: sometimes(text, 4),
        originUsername: sometimes(text, 4),
        provider: sometimes(rarely(fc.constantFrom('hibob', 'bamboohr'), fc.constant('')), 4),
        categories: sometimes(fc.subarray(['hris', 'ats', 'crm']), 4),
        accountId: sometimes(rarely(fc.constant('acc-own'), fc.constantFrom('acc-other', 'acc-nobody')), 3),
        label: sometimes(fc.string({ minLength: 1, maxLength: 12 }), 3),
        multiple: sometimes(fc.boolean(), 3),
        expiresIn: sometimes(rarely(fc.integer({ min: 1, max: 3600 }), fc.constantFrom(7200, 31_536_000)), 4),
        metadata: sometimes(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }), 4),
        type: sometimes(fc.constantFrom('production', 'test', 'TEST'), 4),
        stray: sometimes(fc.constant(1), 1),
      })
      .map((body) => Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<typeof body>)
    const serverValues: fc.Arbitrary<ServerSessionOptions> = fc.record(
      { metadata: fc.constant({ tenant: 'customer-42' }), type: fc.constantFrom('production' as const, 'test' as const) },
      { requiredKeys: [] },
    )
    const policies = fc.record({
      allow: fc.subarray(['metadata', 'type'] as const, { minLength: 0 }),
      defaults: serverValues,
      overrides: serverValues,
      maxExpiresIn: fc.constantFrom(600, 3600, 86_400),
    })

    it('→ no browser-set owner, metadata or type is minted unless allowed; every refusal mints nothing', async () => {
      const outcomes = new Map<number, number>()
      await fc.assert(
        fc.asyncProperty(bodies, policies, async (body, policy) => {
          use(policy)
          // Tokens, not a count: the API prunes sessions of a second or two that expired meanwhile.
          const before = new Set(dev.store.sessions.keys())
          const { status, code, minted } = await post(body)
          outcomes.set(status, (outcomes.get(status) ?? 0) + 1)
          const allowed = new Set<string>(policy.allow)
          const refusedField = ['metadata', 'type'].some((field) => field in body && !allowed.has(field))
          if (refusedField) expect(code).toBe('field_not_allowed')
          if (status !== 200) {
            expect([...dev.store.sessions.keys()].filter((token) => !before.has(token))).toEqual([])
            return
          }
          expect(minted).toBeDefined()
          const session = minted as DevSession
          expect(session.originOwnerId).toBe(OWNER_42.originOwnerId)
          expect(session.originOwnerName).toBe(OWNER_42.originOwnerName)
          expect(session.originUsername).toBeUndefined()
          const browserMetadata = allowed.has('metadata') ? body.metadata : undefined
          expect(session.metadata).toEqual(policy.overrides.metadata ?? browserMetadata ?? policy.defaults.metadata)
          const browserType = allowed.has('type') ? body.type?.toLowerCase() : undefined
          expect(session.type).toEqual(policy.overrides.type ?? browserType ?? policy.defaults.type)
          expect(session.expiresAt - session.createdAt).toBeLessThanOrEqual(policy.maxExpiresIn * 1000)
          expect(body.accountId === undefined || body.accountId === 'acc-own').toBe(true)
        }),
        { numRuns: 300 },
      )
      console.info(`[hardening] 300 generated bodies → ${[...outcomes].map(([status, count]) => `${count} × ${status}`).join(', ')}`)
      expect(outcomes.get(200)).toBeGreaterThan(0)
    }, 60_000)
  })
})
