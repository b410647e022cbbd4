import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer as createNetServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, createServer, type Plugin, type Rolldown } from 'vite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildHubPage } from '../../../demo/hubPage.ts'
import { type ConnectHubDevApi, type ConnectHubDevOptions, connectHubDev } from '../../../src/dev/index'
import { raw } from './http'

// Each test runs a whole Vite build or server (the first one also transforms the plugin): hang limits, not speed
// limits, on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 })

// Two ports held by another server for the whole file: a dev hub that tried to start on them would fail, so a build or
// a Vitest server that succeeds with them as hubPort/apiPort started nothing.
let held: Server[] = []
let ports: { hubPort: number; apiPort: number }

const listening = (server: Server, port = 0) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port))
  })

beforeAll(async () => {
  held = [createNetServer(), createNetServer()]
  const [hubPort, apiPort] = await Promise.all(held.map((server) => listening(server)))
  ports = { hubPort: hubPort as number, apiPort: apiPort as number }
})
afterAll(() => {
  for (const server of held) server.close()
})

/** A page whose script uses `names` of `virtual:connect-hub-dev`, with `files` beside it (e.g. `.env.production`). */
function app(names: string[], files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'connect-hub-target-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>App</title><script type="module" src="./main.js"></script>')
  writeFileSync(
    join(root, 'main.js'),
    `import { ${names.join(', ')} } from 'virtual:connect-hub-dev'\ndocument.body.dataset.urls = JSON.stringify({ ${names.join(', ')} })\n`,
  )
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text)
  return root
}

/** `vite build` of `root` with the plugin; resolves with the JavaScript it wrote. */
async function buildApp(root: string, options: ConnectHubDevOptions = {}): Promise<string> {
  const output = (await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: { write: false },
    plugins: [connectHubDev({ ...ports, ...options })],
  })) as Rolldown.RolldownOutput
  return output.output.flatMap((item) => (item.type === 'chunk' ? [item.code] : [])).join('\n')
}

const PRODUCTION = { hubUrl: 'https://hub.example.com/connect', tokenUrl: '/api/connect-session', accountsUrl: '/api/accounts' }

describe('connectHubDev() in vite build', () => {
  it('→ builds the production addresses in, and starts no dev hub (its ports are held and the build still succeeds)', async () => {
    const code = await buildApp(app(['hubUrl', 'tokenUrl', 'accountsUrl']), { production: PRODUCTION })
    expect(code).toContain('https://hub.example.com/connect')
    expect(code).toContain('/api/accounts')
    expect(code).not.toMatch(/127\.0\.0\.1|localhost/)
  })

  it('→ without them, fails naming each missing address, the production option and the env variable', async () => {
    const failure = buildApp(app(['hubUrl', 'tokenUrl']))
    await expect(failure).rejects.toThrow(/no production hubUrl, tokenUrl for virtual:connect-hub-dev \(imported by .*main\.js\)/)
    await expect(failure).rejects.toThrow(/connectHubDev\(\{ production: \{ hubUrl: "https:\/\/hub\.example\.com\/connect", tokenUrl:/)
    await expect(failure).rejects.toThrow(/VITE_CONNECT_HUB_URL=… VITE_CONNECT_HUB_TOKEN_URL=…/)
  })

  it('→ reads VITE_CONNECT_HUB_* from .env.production, and the production option wins over them', async () => {
    const env = 'VITE_CONNECT_HUB_URL=https://env.example.com/hub\nVITE_CONNECT_HUB_TOKEN_URL=/env/token\n'
    const fromEnv = await buildApp(app(['hubUrl', 'tokenUrl'], { '.env.production': env }))
    expect(fromEnv).toContain('https://env.example.com/hub')
    expect(fromEnv).toContain('/env/token')
    const fromOption = await buildApp(app(['hubUrl', 'tokenUrl'], { '.env.production': env }), { production: { tokenUrl: '/own/token' } })
    expect(fromOption).toContain('https://env.example.com/hub')
    expect(fromOption).toContain('/own/token')
    expect(fromOption).not.toContain('/env/token')
  })

  it('→ an address the code does not use need not be set (apiUrl, accountsUrl here)', async () => {
    const code = await buildApp(app(['hubUrl', 'tokenUrl', 'providers']), { production: { hubUrl: PRODUCTION.hubUrl, tokenUrl: '/t' } })
    expect(code).toContain('bamboohr')
    expect(code).not.toContain('missing-production')
  })

  it('→ a hubUrl that is not a whole http(s) URL fails the build', async () => {
    await expect(buildApp(app(['hubUrl']), { production: { hubUrl: 'hub.example.com' } })).rejects.toThrow(
      /the production hubUrl "hub\.example\.com" is not an http\(s\) URL/,
    )
  })

  it('→ a hubUrl the launcher would refuse (plain http on the internet) fails the build, naming the rule', async () => {
    const failure = buildApp(app(['hubUrl']), { production: { hubUrl: 'http://hub.example.com/' } })
    await expect(failure).rejects.toThrow(/the production hubUrl would be refused by every ConnectButton/)
    await expect(failure).rejects.toThrow(/must be an https: URL \(http: only on localhost, 127\.0\.0\.1 or \[::1\]\)/)
  })

  it('→ the same rule lets an https hub and a plain-http loopback hub through', async () => {
    for (const hubUrl of ['https://hub.example.com/', 'http://127.0.0.1:5174/']) {
      expect(await buildApp(app(['hubUrl']), { production: { hubUrl } })).toContain(hubUrl)
    }
  })
})

/** A Vite server as Vitest makes one (mode `test`, in a Vitest process), not listening. */
async function vitestServer(options: ConnectHubDevOptions = {}) {
  const server = await createServer({
    configFile: false,
    root: app(['hubUrl']),
    mode: 'test',
    logLevel: 'silent',
    server: { middlewareMode: true, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [connectHubDev({ ...ports, ...options })],
  })
  const plugin = server.config.plugins.find((candidate) => candidate.name === 'react-connect-hub:dev') as Plugin<ConnectHubDevApi>
  return { server, api: plugin.api as ConnectHubDevApi }
}

describe('connectHubDev() under Vitest', () => {
  it('→ exports addresses no server answers, and starts no dev hub (its ports are held)', async () => {
    const { server, api } = await vitestServer()
    try {
      expect(process.env.VITEST).toBeTruthy()
      expect(await server.ssrLoadModule('virtual:connect-hub-dev')).toMatchObject({
        hubUrl: 'https://hub.connect-hub.invalid/',
        apiUrl: 'https://api.connect-hub.invalid',
        tokenUrl: '/api/connect-session',
        accountsUrl: '/api/accounts',
      })
      await expect(api.devHub()).rejects.toThrow('the dev hub runs only under `vite` (serve), not in Vitest')
    } finally {
      await server.close()
    }
  })

  it('→ the test option replaces those addresses', async () => {
    const { server } = await vitestServer({ test: { hubUrl: 'https://hub.test.example/' } })
    try {
      expect(await server.ssrLoadModule('virtual:connect-hub-dev')).toMatchObject({ hubUrl: 'https://hub.test.example/' })
    } finally {
      await server.close()
    }
  })

  it('→ startInVitest: true starts the dev hub on first use', async () => {
    const { server, api } = await vitestServer({ startInVitest: true, hubPort: 0, apiPort: 0, hubRoot: await buildHubPage() })
    try {
      const hub = await api.devHub()
      expect(await server.ssrLoadModule('virtual:connect-hub-dev')).toMatchObject({ hubUrl: hub.hubUrl, apiUrl: hub.apiUrl })
      expect((await raw(hub.hubUrl, '/')).status).toBe(200)
    } finally {
      await server.close()
    }
  })
})

/** A Vite dev server on a free port with the plugin, not yet listening. */
const devServer = (options: ConnectHubDevOptions, middlewareMode = false) =>
  createServer({
    configFile: false,
    root: app(['hubUrl']),
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1', ws: false, middlewareMode },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [connectHubDev({ hubRoot: 'unused', ...options })],
  })

describe('connectHubDev() under vite, given a port another server holds', () => {
  it('→ listen() rejects naming the port and apiPort, and Vite lets go of its own port', async () => {
    const server = await devServer({ apiPort: ports.apiPort, hubPort: 0 })
    const failure = server.listen()
    await expect(failure).rejects.toThrow(`port ${ports.apiPort} on 127.0.0.1 is already in use`)
    await expect(failure).rejects.toThrow('set `apiPort` to another port (0 picks a free one)')
    await expect(failure).rejects.toMatchObject({ code: 'EADDRINUSE', port: ports.apiPort, option: 'apiPort' })
    const own = server.httpServer?.address()
    expect(own).toBeNull()
  })

  it('→ likewise for hubPort, and the API port it had taken is free again', async () => {
    const probe = createNetServer()
    const apiPort = await listening(probe)
    await new Promise((resolve) => probe.close(resolve))
    const server = await devServer({ apiPort, hubPort: ports.hubPort })
    await expect(server.listen()).rejects.toMatchObject({ option: 'hubPort', port: ports.hubPort })
    const again = createNetServer()
    expect(await listening(again, apiPort)).toBe(apiPort)
    again.close()
  })

  it('→ likewise for providerPort, the simulated OAuth provider’s', async () => {
    const server = await devServer({ apiPort: 0, hubPort: 0, providerPort: ports.hubPort })
    const failure = server.listen()
    await expect(failure).rejects.toMatchObject({ option: 'providerPort', port: ports.hubPort })
    await expect(failure).rejects.toThrow('so the simulated OAuth provider cannot start')
  })

  it('→ in middleware mode (Storybook), creating the server rejects the same way', async () => {
    await expect(devServer({ apiPort: ports.apiPort, hubPort: 0 }, true)).rejects.toMatchObject({ option: 'apiPort' })
  })
})
