import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runIn } from './apps.ts'
import { sharedApp } from './apps-shared.ts'
import { ROOT } from './pack.ts'

// The README's Vite app (its vite.config.ts and src/ files, made once per run: apps-shared.ts), built and tested as its user
// would, on React 19 and 18.3, while another process holds the dev hub's ports 5174 and 5175: a build or a test run
// that tried to start the dev hub would fail on them.
const [react19, react18] = await Promise.all([sharedApp('react19'), sharedApp('react18')])
const tsc = join(ROOT, 'node_modules/typescript/bin/tsc')

const DEV_PORTS = [5174, 5175]
let holders: Server[] = []

/** Listens on `port`; when something else already does, the port is held all the same. */
const hold = (port: number) =>
  new Promise<Server | undefined>((resolve, reject) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(undefined) : reject(error)))
    server.listen(port, '127.0.0.1', () => resolve(server))
  })

/** Whether `port` is taken, by trying to listen on it. */
const taken = async (port: number) => {
  const server = await hold(port)
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  return server === undefined
}

beforeAll(async () => {
  holders = (await Promise.all(DEV_PORTS.map(hold))).filter((server) => server !== undefined)
})
afterAll(() => {
  for (const server of holders) server.close()
})

const PRODUCTION = {
  VITE_CONNECT_HUB_URL: 'https://hub.example.com/connect',
  VITE_CONNECT_HUB_TOKEN_URL: '/api/connect-session',
}

const builtJs = (dir: string) => {
  const assets = join(dir, 'dist/assets')
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(assets, name), 'utf8'))
    .join('\n')
}

// The React 19 app is the README's own: readme.test.ts type-checks it with every other block of the README.
describe.each([
  ['React 19', react19, false],
  ['React 18.3', react18, true],
])('given the README’s Vite app on %s, built from the packed package', (_, app, typeCheck) => {
  it(`→ it installed${typeCheck ? ', and type-checks under strict with skipLibCheck: false' : ''}`, async () => {
    for (const step of app.steps) expect(step.code, `${step.command}\n${step.output}`).toBe(0)
    if (!typeCheck) return
    const check = await runIn(app.dir, 'node', [tsc, '-p', 'tsconfig.json'])
    expect(check.output.trim()).toBe('')
    expect(check.code).toBe(0)
  })

  it('→ vite build with the production settings exits 0 by itself, builds them in and no dev address, with 5174/5175 held', async () => {
    const build = await runIn(app.dir, 'node_modules/.bin/vite', ['build'], PRODUCTION, 120_000)
    expect(build.code, build.output).toBe(0)
    const js = builtJs(app.dir)
    expect(js).toContain('https://hub.example.com/connect')
    // No dev address (the library's own messages may name localhost hosts, never an address with a port).
    expect(js).not.toMatch(/\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/|:517[45]\b/)
    for (const port of DEV_PORTS) expect(await taken(port)).toBe(true)
  })

  it('→ vite build without them fails, saying which to set and where', async () => {
    const build = await runIn(app.dir, 'node_modules/.bin/vite', ['build', '--outDir', 'dist-unset'], {}, 120_000)
    expect(build.code).not.toBe(0)
    expect(build.output).toContain('react-connect-hub: vite build has no production hubUrl, tokenUrl for virtual:connect-hub-dev')
    expect(build.output).toContain('connectHubDev({ production: { hubUrl: "https://hub.example.com/connect"')
    expect(build.output).toContain('VITE_CONNECT_HUB_URL=… VITE_CONNECT_HUB_TOKEN_URL=…')
  })

  it('→ vitest runs the README’s component test and the address check without starting a server, with 5174/5175 held', async () => {
    const tests = await runIn(app.dir, 'node_modules/.bin/vitest', ['run'], {}, 120_000)
    expect(tests.code, tests.output).toBe(0)
    expect(tests.output).toMatch(/Tests\s+2 passed/)
    expect(tests.output).not.toContain('EADDRINUSE')
  })
})

describe('given the README’s Vite app under vite (serve), with the dev hub’s port 5175 held by another process', () => {
  it('→ vite fails to start, naming the port and the option to change, and exits', async () => {
    const free = createServer()
    const port = await new Promise<number>((resolve) =>
      free.listen(0, '127.0.0.1', () => resolve((free.address() as { port: number }).port)),
    )
    await new Promise((resolve) => free.close(resolve))
    const serve = await runIn(react19.dir, 'node_modules/.bin/vite', ['--port', String(port), '--strictPort'], {}, 60_000)
    expect(serve.code).toBe(1)
    expect(serve.output).toContain('react-connect-hub: port 5175 on 127.0.0.1 is already in use')
    expect(serve.output).toContain('set `apiPort` to another port')
    expect(await taken(port)).toBe(false)
  })
})
