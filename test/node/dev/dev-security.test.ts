import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildHubPage } from '../../../demo/hubPage.ts'
import { createDevStore, type DevHub, startDevHub } from '../../../src/dev/index'
import { basicAuth, raw } from './http'

let clock = Date.parse('2025-01-01T00:00:00Z')
let hub: DevHub
const PAGE = 'http://localhost:3000'
const OTHER_PAGE = 'http://localhost:4000'

beforeAll(async () => {
  hub = await startDevHub({
    apiPort: 0,
    hubPort: 0,
    allowedOrigins: [PAGE, OTHER_PAGE],
    allowedHosts: ['devbox.lan', '.corp.test'],
    now: () => clock,
    hubRoot: await buildHubPage(),
  })
})
afterAll(() => hub?.close())
beforeEach(() => hub.store.reset())

const key = () => ({ authorization: basicAuth(hub.apiKey) })
const port = (url: string) => new URL(url).port

async function createSession(body: Record<string, unknown> = {}) {
  const answer = await raw(hub.apiUrl, '/connect_sessions', {
    method: 'POST',
    headers: { ...key(), 'content-type': 'application/json' },
    body: JSON.stringify({ origin_owner_id: 'customer-42', origin_owner_name: 'Acme Inc', ...body }),
  })
  return JSON.parse(answer.text) as { token: string }
}

function seedAccount() {
  return hub.store.addAccount({
    provider: 'bamboohr',
    providerName: 'BambooHR',
    originOwnerId: 'customer-7',
    originOwnerName: 'Other Inc',
    type: 'production',
    setupInformation: { subdomain: 'other' },
    secrets: { api_key: 'secret' },
  })
}

describe('the dev servers, given a Host header', () => {
  it.each([
    ['a DNS-rebinding name', 'rebind.attacker.example'],
    ['a lookalike subdomain of localhost’s name', 'localhost.attacker.example'],
    ['user info in front of localhost', 'evil.example@localhost'],
    ['a suffix that only ends like an allowed domain', 'notcorp.test'],
  ])('→ %s: the API answers 421 and reads nothing out', async (_, name) => {
    const account = seedAccount()
    const answer = await raw(hub.apiUrl, '/accounts', { headers: key(), host: `${name}:${port(hub.apiUrl)}` })
    expect(answer.status).toBe(421)
    expect(JSON.parse(answer.text)).toMatchObject({ statusCode: 421, message: expect.stringContaining('allowedHosts') })
    expect(answer.text).not.toContain(account.id)
    expect(answer.text).not.toContain(name)
  })

  it('→ a DNS-rebinding name: the hub page answers 421 too, without the page', async () => {
    const answer = await raw(hub.hubUrl, `/?v=1&origin=${encodeURIComponent(PAGE)}`, {
      host: `rebind.attacker.example:${port(hub.hubUrl)}`,
    })
    expect(answer.status).toBe(421)
    expect(answer.text).not.toContain('connect-hub-config')
  })

  it('→ no Host at all: refused (by Node itself for HTTP/1.1, else 421)', async () => {
    for (const answer of [await raw(hub.apiUrl, '/accounts', { headers: key(), host: null }), await raw(hub.hubUrl, '/', { host: null })]) {
      expect([400, 421]).toContain(answer.status)
      expect(answer.text).not.toContain('connect-hub-config')
    }
  })

  it.each(['localhost', '127.0.0.1', '[::1]', 'devbox.lan', 'corp.test', 'eu.corp.test', 'LOCALHOST'])(
    '→ %s (loopback or allowedHosts): answered',
    async (name) => {
      expect((await raw(hub.apiUrl, '/accounts', { headers: key(), host: `${name}:${port(hub.apiUrl)}` })).status).toBe(200)
      expect((await raw(hub.hubUrl, '/', { host: `${name}:${port(hub.hubUrl)}` })).status).toBe(200)
    },
  )
})

describe('the dev servers, given a malformed or odd URL', () => {
  it.each(['/%', '/assets/%E0%A4%A', '/%zz/index.html'])('→ the hub page answers 400 to %s, with no exception text', async (path) => {
    const answer = await raw(hub.hubUrl, path)
    expect(answer.status).toBe(400)
    expect(answer.text).not.toMatch(/URIError|Error:|at /)
  })

  it.each(['/assets/', '/assets/../assets/', '/assets//', '/assets/nothing.js'])(
    '→ the hub page answers 404 to %s, never a directory read',
    async (path) => {
      const answer = await raw(hub.hubUrl, path)
      expect(answer.status).toBe(404)
      expect(answer.text).not.toMatch(/EISDIR|ENOENT|Error/)
    },
  )

  it.each(['/accounts/%E0', '/hub/accounts/%', '/hub/connectors/%zz'])('→ the API answers 400 to %s, credentials or not', async (path) => {
    const { token } = await createSession()
    for (const headers of [{ ...key(), 'x-hub-session-token': token }, {}]) {
      const answer = await raw(hub.apiUrl, path, { headers })
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.text)).toMatchObject({ statusCode: 400, message: expect.stringContaining('malformed') })
      expect(answer.text).not.toMatch(/URIError/)
    }
  })

  it('→ the API answers an unknown account with 404 and a known one with its origin_owner_id (what the handler’s check reads)', async () => {
    const account = seedAccount()
    expect((await raw(hub.apiUrl, '/accounts/acc_nobody', { headers: key() })).status).toBe(404)
    const known = await raw(hub.apiUrl, `/accounts/${account.id}`, { headers: key() })
    expect(JSON.parse(known.text)).toMatchObject({ id: account.id, origin_owner_id: 'customer-7' })
  })
})

describe('the dev API, given a failure of its own', () => {
  it('→ answers 500 without the exception’s text, which goes to the server output instead', async () => {
    const store = createDevStore()
    const failing = await startDevHub({
      apiPort: 0,
      hubPort: 0,
      hubRoot: await buildHubPage(),
      store: Object.assign(store, {
        prune: () => {
          throw new Error('EACCES /home/dev/secret-path')
        },
      }),
    })
    const printed: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => void printed.push(...args)
    try {
      const answer = await raw(failing.apiUrl, '/accounts', { headers: { authorization: basicAuth(failing.apiKey) } })
      expect(answer.status).toBe(500)
      expect(answer.text).not.toMatch(/EACCES|secret-path|Error/)
      expect(printed).toEqual([expect.objectContaining({ message: 'EACCES /home/dev/secret-path' })])
    } finally {
      console.error = original
      await failing.close()
    }
  })
})

describe('the hub page, given who may frame it', () => {
  it('→ sends frame-ancestors with the allowed origins, and adds origins allowed later', async () => {
    const before = await raw(hub.hubUrl, '/')
    expect(before.headers['content-security-policy']).toContain(`frame-ancestors ${PAGE} ${OTHER_PAGE}`)
    hub.allowOrigin('http://localhost:5000')
    const after = await raw(hub.hubUrl, '/')
    expect(after.headers['content-security-policy']).toMatch(/frame-ancestors [^;]*http:\/\/localhost:5000/)
  })

  it("→ with no allowed origin, frame-ancestors 'none'", async () => {
    const lonely = await startDevHub({ apiPort: 0, hubPort: 0, hubRoot: await buildHubPage() })
    try {
      expect((await raw(lonely.hubUrl, '/')).headers['content-security-policy']).toContain("frame-ancestors 'none'")
    } finally {
      await lonely.close()
    }
  })

  it('→ tells the page yes for an allowed origin, without the rest of the allow-list', async () => {
    const answer = await raw(hub.hubUrl, `/?v=1&origin=${encodeURIComponent(PAGE)}`)
    expect(answer.text).toContain(`&quot;origin&quot;:&quot;${PAGE}&quot;`)
    expect(answer.text).not.toContain(OTHER_PAGE)
  })

  it('→ tells the page no for another origin, and neither echoes it nor lists the allowed ones', async () => {
    const claimed = 'http://evil.example"><script>alert(1)</script>'
    const answer = await raw(hub.hubUrl, `/?v=1&origin=${encodeURIComponent(claimed)}`)
    expect(answer.status).toBe(200)
    expect(answer.text).toContain('&quot;origin&quot;:null')
    expect(answer.text).not.toContain('evil.example')
    expect(answer.text).not.toContain(PAGE)
  })
})

describe('the dev store, given sessions that expire', () => {
  it('→ the API forgets expired sessions on its next request, and keeps live ones', async () => {
    const short = await createSession({ expires_in: 60 })
    const long = await createSession({ expires_in: 3600 })
    expect(hub.store.sessions.size).toBe(2)
    clock += 61_000
    await raw(hub.apiUrl, '/accounts', { headers: key() })
    expect(hub.store.sessions.has(short.token)).toBe(false)
    expect(hub.store.sessions.has(long.token)).toBe(true)
  })

  it('→ prune() drops exactly the expired ones, by the injected clock', () => {
    let now = 1_000_000
    const store = createDevStore(() => now)
    const session = (token: string, expiresAt: number) =>
      store.sessions.set(token, { token, expiresAt, createdAt: 0, id: 1, originOwnerId: 'o', originOwnerName: 'O' })
    session('a', 1_000_500)
    session('b', 1_001_000)
    expect(store.prune()).toBe(0)
    now = 1_000_500
    expect(store.prune()).toBe(1)
    expect([...store.sessions.keys()]).toEqual(['b'])
  })
})
