import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DevHub, startDevHub } from '../../src/dev/index'
import { createConnectSessionHandler } from '../../src/server'
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
