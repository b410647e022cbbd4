import { once } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type Plugin, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildHubPage } from '../../../demo/hubPage.ts'
import { type ConnectHubDevApi, type ConnectHubDevOptions, connectHubDev, type DevHub } from '../../../src/dev/index'
import { pageHostCheck, pageOrigins } from '../../../src/dev/vite/origins'
import type { ViteDevServerLike } from '../../../src/dev/vite/types'
import { raw } from './http'

interface Running {
  server: ViteDevServer
  /** The Vite server's own origin, e.g. `http://127.0.0.1:41234`. */
  origin: string
  hub: DevHub
}

/** A Vite dev server with nothing but an index page and `connectHubDev()`, on free ports. */
async function startVite(options: ConnectHubDevOptions = {}): Promise<Running> {
  const root = mkdtempSync(join(tmpdir(), 'connect-hub-vite-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Host</title>')
  const server = await createServer({
    configFile: false,
    root,
    cacheDir: join(root, '.vite'),
    logLevel: 'silent',
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { port: 0, host: '127.0.0.1', ws: false },
    plugins: [connectHubDev({ apiPort: 0, hubPort: 0, hubRoot: await buildHubPage(), ...options })],
  })
  await server.listen()
  const plugin = server.config.plugins.find((candidate) => candidate.name === 'react-connect-hub:dev') as Plugin<ConnectHubDevApi>
  const origin = new URL(server.resolvedUrls?.local[0] ?? '').origin
  return { server, origin, hub: await (plugin.api as ConnectHubDevApi).devHub() }
}

let vite: Running
let lenient: Running

beforeAll(async () => {
  ;[vite, lenient] = await Promise.all([startVite(), startVite({ handler: { allow: ['type'] }, apiKey: 'ключ-🔑-dev' })])
}, 60_000)
afterAll(async () => {
  await Promise.all([vite?.server.close(), lenient?.server.close()])
})
beforeEach(() => {
  vite.hub.store.reset()
  lenient.hub.store.reset()
})

const json = { 'content-type': 'application/json' }
const mint = (running: Running, body: unknown, headers: Record<string, string> = {}) =>
  raw(running.origin, '/api/connect-session', {
    method: 'POST',
    headers: { ...json, origin: running.origin, 'sec-fetch-site': 'same-origin', ...headers },
    body: JSON.stringify(body),
  })

/** What the hub page tells a page claiming `origin`, and the CSP it is sent with. */
async function hubPageFor(running: Running, origin: string) {
  const answer = await raw(running.hub.hubUrl, `/?v=1&origin=${encodeURIComponent(origin)}`)
  const config = /name="connect-hub-config" content="([^"]*)"/.exec(answer.text)?.[1]?.replace(/&quot;/g, '"') ?? ''
  return { origin: (JSON.parse(config) as { origin: string | null }).origin, csp: String(answer.headers['content-security-policy']) }
}

describe('connectHubDev(), given a page of its own dev server', () => {
  it('→ /api/connect-session mints a token for the demo owner', async () => {
    const answer = await mint(vite, { categories: ['hris'] })
    expect(answer.status).toBe(200)
    const { token } = JSON.parse(answer.text) as { token: string }
    expect(vite.hub.store.sessions.get(token)).toMatchObject({ originOwnerId: 'demo-customer', categories: ['hris'] })
  })

  it('→ the hub lets the server’s own origins open it, by every loopback name', async () => {
    const port = new URL(vite.origin).port
    for (const origin of [vite.origin, `http://localhost:${port}`, `http://[::1]:${port}`]) {
      expect((await hubPageFor(vite, origin)).origin).toBe(origin)
    }
  })

  it('→ an account of another owner cannot be opened for editing: 403, nothing minted', async () => {
    const other = vite.hub.store.addAccount({
      provider: 'bamboohr',
      providerName: 'BambooHR',
      originOwnerId: 'customer-7',
      originOwnerName: 'Other Inc',
      type: 'production',
      setupInformation: {},
      secrets: {},
    })
    expect((await mint(vite, { accountId: other.id })).status).toBe(403)
    expect((await mint(vite, { accountId: 'acc_nobody' })).status).toBe(403)
    expect(vite.hub.store.sessions.size).toBe(0)
  })

  it("→ type is the server’s by default, and handler: { allow: ['type'] } lets the page ask for a test account", async () => {
    const refused = await mint(vite, { type: 'test' })
    expect(refused.status).toBe(400)
    expect(JSON.parse(refused.text).error).toMatchObject({ code: 'field_not_allowed', message: expect.stringContaining("allow: ['type']") })
    expect(vite.hub.store.sessions.size).toBe(0)
    const allowed = await mint(lenient, { type: 'test' })
    expect(allowed.status).toBe(200)
    expect(lenient.hub.store.sessions.get(JSON.parse(allowed.text).token)).toMatchObject({ type: 'test' })
  })

  it('→ /api/accounts reaches the dev API with a key outside Latin-1 (one UTF-8 Basic encoder)', async () => {
    const answer = await raw(lenient.origin, '/api/accounts', { headers: { 'sec-fetch-site': 'same-origin' } })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.text)).toEqual([])
  })
})

describe('connectHubDev(), given a request from elsewhere', () => {
  const elsewhere = 'http://localhost:9999'

  it.each([
    ['POST /api/connect-session from another local origin', '/api/connect-session', 'POST', { origin: elsewhere, ...json }],
    ['POST /api/connect-session, same-site by Sec-Fetch-Site', '/api/connect-session', 'POST', { 'sec-fetch-site': 'same-site', ...json }],
    ['GET /api/accounts from another local origin', '/api/accounts', 'GET', { origin: elsewhere }],
    ['GET /api/accounts, cross-site by Sec-Fetch-Site', '/api/accounts', 'GET', { 'sec-fetch-site': 'cross-site' }],
    [
      'a CORS preflight for /api/connect-session',
      '/api/connect-session',
      'OPTIONS',
      { origin: elsewhere, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    ],
    ['a CORS preflight for /api/accounts', '/api/accounts', 'OPTIONS', { origin: elsewhere, 'access-control-request-method': 'GET' }],
  ])('→ %s: 403 without any CORS header, nothing minted', async (_, path, method, headers) => {
    const answer = await raw(vite.origin, path, { method, headers, body: method === 'POST' ? '{}' : undefined })
    expect(answer.status).toBe(403)
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([])
    expect(vite.hub.store.sessions.size).toBe(0)
  })

  it('→ a DNS-rebinding Host: 421 on both routes', async () => {
    const host = `rebind.attacker.example:${new URL(vite.origin).port}`
    expect((await raw(vite.origin, '/api/accounts', { host })).status).toBe(421)
    expect((await raw(vite.origin, '/api/connect-session', { method: 'POST', host, headers: json, body: '{}' })).status).toBe(421)
    expect(vite.hub.store.sessions.size).toBe(0)
  })

  it('→ Host headers never grow the hub’s allow-list: 300 other ports later, the hub page and its CSP are unchanged', async () => {
    const before = await raw(vite.hub.hubUrl, '/')
    for (let port = 10_000; port < 10_300; port++) {
      await raw(vite.origin, '/', { host: `localhost:${port}` })
      await raw(vite.origin, '/api/accounts', { host: `127.0.0.1:${port}`, headers: { 'sec-fetch-site': 'same-origin' } })
    }
    const after = await raw(vite.hub.hubUrl, '/')
    expect(after.headers['content-security-policy']).toBe(before.headers['content-security-policy'])
    expect(after.text.length).toBe(before.text.length)
    expect((await hubPageFor(vite, 'http://localhost:10001')).origin).toBeNull()
    // 600 requests through Vite on two cores that the browser suites share: a limit for a hang, not a speed check.
  }, 60_000)
})

describe('connectHubDev(), given Vite in middleware mode inside another server (as Storybook runs it)', () => {
  it('→ the hub lets that server’s origin open it, learnt from the socket Vite’s HMR shares, not from requests', async () => {
    const root = mkdtempSync(join(tmpdir(), 'connect-hub-vite-'))
    const outer = createHttpServer()
    outer.listen(0, '127.0.0.1')
    await once(outer, 'listening')
    const server = await createServer({
      configFile: false,
      root,
      cacheDir: join(root, '.vite'),
      logLevel: 'silent',
      appType: 'custom',
      optimizeDeps: { noDiscovery: true, include: [] },
      server: { middlewareMode: true, hmr: { server: outer } },
      plugins: [connectHubDev({ apiPort: 0, hubPort: 0, hubRoot: await buildHubPage() })],
    })
    outer.on('request', server.middlewares)
    try {
      const origin = `http://127.0.0.1:${(outer.address() as AddressInfo).port}`
      const plugin = server.config.plugins.find((candidate) => candidate.name === 'react-connect-hub:dev') as Plugin<ConnectHubDevApi>
      const running = { server, origin, hub: await (plugin.api as ConnectHubDevApi).devHub() }
      await raw(origin, '/api/accounts', { headers: { 'sec-fetch-site': 'same-origin' } })
      expect((await hubPageFor(running, origin)).origin).toBe(origin)
      expect((await hubPageFor(running, 'http://127.0.0.1:1')).origin).toBeNull()
    } finally {
      await server.close()
      outer.closeAllConnections()
      outer.close()
    }
  })
})

describe('connectHubDev(), given a server reachable on a LAN address (vite --host)', () => {
  // The shape of a listening Vite server with `host: true`: only what the checks read.
  const lan = {
    config: { server: { host: true, allowedHosts: [], https: undefined, origin: undefined } },
    resolvedUrls: { local: ['http://localhost:5173/'], network: ['http://192.0.2.2:5173/'] },
    httpServer: null,
  } as unknown as ViteDevServerLike

  it('→ the address Vite lists for itself is answered and may open the hub; other addresses and names are not', () => {
    const isAllowedHost = pageHostCheck(lan, [])
    expect(isAllowedHost('192.0.2.2:5173')).toBe(true)
    expect(isAllowedHost('localhost:5173')).toBe(true)
    expect(isAllowedHost('192.0.2.3:5173')).toBe(false)
    expect(isAllowedHost('rebind.attacker.example:5173')).toBe(false)
    expect(pageOrigins(lan)).toEqual(['http://localhost:5173', 'http://192.0.2.2:5173'])
  })
})
