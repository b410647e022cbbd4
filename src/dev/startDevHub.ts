import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApiListener } from './apiServer.ts'
import { createHostCheck } from './hosts.ts'
import { createHubPageListener, defaultHubRoot } from './hubPageServer.ts'
import { createDevOAuth, type DevOAuthOptions, type DevOAuthSettings } from './oauth/index.ts'
import { storeSessions } from './sessions.ts'
import { createDevStore, type DevStore } from './store.ts'

/** Options of `startDevHub`. */
export interface DevHubOptions {
  /**
   * Port of the session API (`/connect_sessions`, `/accounts`, `/hub/*`). `0` picks a free port.
   * @default 5175
   */
  apiPort?: number
  /**
   * Port of the hub page: its own origin, as in production. `0` picks a free port.
   * @default 5174
   */
  hubPort?: number
  /**
   * Port of the simulated OAuth provider's authorisation pages: a fourth origin, as a real provider's. `0` picks a free port.
   * @default 5176, or a free port when `apiPort` or `hubPort` is `0` (tests that run side by side)
   */
  providerPort?: number
  /**
   * The simulated OAuth provider: `coop` makes its page send `Cross-Origin-Opener-Policy: same-origin`; `appName` is the
   * app it says asks for access; `attemptTtlSeconds` how long a connection attempt lasts.
   * @default { coop: false, appName: 'Connect Hub (dev)', attemptTtlSeconds: 300 }
   */
  oauth?: DevOAuthOptions
  /**
   * Interface the servers listen on.
   * @default '127.0.0.1'
   */
  host?: string
  /**
   * The secret key `POST /connect_sessions` and `/accounts` expect, as Basic auth `base64(apiKey + ':')`.
   * @default process.env.CONNECT_HUB_DEV_API_KEY ?? 'dev_sk_connect_hub'
   */
  apiKey?: string
  /**
   * Host page origins (e.g. `'http://localhost:3000'`) the hub page agrees to talk to, and the only pages that may
   * frame it (`Content-Security-Policy: frame-ancestors`). Any other `origin` in the hub URL gets a refusal and no
   * message at all.
   * @default []
   */
  allowedOrigins?: string[]
  /**
   * Extra origins that may call the `/hub/*` endpoints from a browser, besides the hub page's own — e.g. a
   * host page that renders StackOne's `@stackone/hub` component against this API.
   * @default []
   */
  corsOrigins?: string[]
  /**
   * Host names, besides `localhost`, `127.0.0.1`, `[::1]` and `host`, that both servers answer to, e.g. `'devbox.lan'`
   * (a leading dot, `'.devbox.lan'`, takes its subdomains too). Any other `Host` header gets 421 Misdirected Request:
   * a page on a hostile name that resolves to this machine (DNS rebinding) cannot read the dev API with its known key.
   * @default []
   */
  allowedHosts?: string[]
  /**
   * Injected delays, for benchmarks: `apiMs` before every API answer, `hubMs` before the hub page's HTML.
   * @default { apiMs: 0, hubMs: 0 }
   */
  latency?: { apiMs?: number; hubMs?: number }
  /**
   * The clock used for session expiry and timestamps, in milliseconds since the epoch.
   * @default Date.now
   */
  now?: () => number
  /**
   * Where accounts and sessions live.
   * @default a new in-memory store
   */
  store?: DevStore
  /**
   * The directory of the built hub page.
   * @default the copy built into this package (`dist/dev-hub`)
   */
  hubRoot?: string
}

/** A running dev hub. */
export interface DevHub {
  /** The session API's base URL, e.g. `http://127.0.0.1:5175`: pass it as `baseUrl` / `serverURL`. */
  apiUrl: string
  /** The hub page's URL, e.g. `http://127.0.0.1:5174/`: pass it as `hubUrl`. */
  hubUrl: string
  /** The simulated OAuth provider's origin, e.g. `http://127.0.0.1:5176`. */
  providerUrl: string
  /**
   * Where StackOne's hub sends the provider window back to (`{appUrl}/embedded/accounts/callback`): pass it as
   * `stackOneHub({ appUrl })`. The dev API serves that page, so it is the API's URL.
   */
  appUrl: string
  /** The live OAuth settings, read on every request: set `oauth.coop` to switch COOP on the provider's page. */
  oauth: DevOAuthSettings
  apiKey: string
  store: DevStore
  /**
   * Lets one more host origin open the hub page and call `/hub/*`, e.g. a dev server's own origin once it is known.
   * Pages served after the call see it.
   */
  allowOrigin(origin: string): void
  /** Stops the servers, dropping open connections. */
  close(): Promise<void>
}

/** The option that sets each server's port, and what the server is, for the message when the port is taken. */
const PORTS = {
  apiPort: 'the dev session API',
  hubPort: 'the reference hub page',
  providerPort: 'the simulated OAuth provider',
} as const

/** A port a dev server could not listen on: `option` names the option that moves it. */
export interface DevPortError extends Error {
  code: 'EADDRINUSE' | 'EACCES'
  port: number
  option: keyof typeof PORTS
}

function portError(error: unknown, port: number, host: string, option: keyof typeof PORTS): unknown {
  const code = (error as { code?: unknown }).code
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return error
  const problem = code === 'EADDRINUSE' ? 'is already in use (another dev server?)' : 'may not be used by this process'
  const wrapped = new Error(
    `react-connect-hub: port ${port} on ${host} ${problem}, so ${PORTS[option]} cannot start — stop what holds it, or set \`${option}\` to another port (0 picks a free one)`,
    { cause: error },
  ) as DevPortError
  return Object.assign(wrapped, { code, port, option })
}

function listen(server: Server, port: number, host: string, option: keyof typeof PORTS): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => reject(portError(error, port, host, option))
    server.once('error', fail)
    server.listen(port, host, () => {
      server.off('error', fail)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

const originOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`

/**
 * Starts the dev session API, the reference hub page and the simulated OAuth provider, each on its own origin. A port
 * that is taken rejects with a `DevPortError` naming it and its option (`error.port`, `error.option`), after stopping
 * what did start.
 */
export async function startDevHub(options: DevHubOptions = {}): Promise<DevHub> {
  const host = options.host ?? '127.0.0.1'
  const apiKey = options.apiKey ?? process.env.CONNECT_HUB_DEV_API_KEY ?? 'dev_sk_connect_hub'
  const now = options.now ?? Date.now
  const store = options.store ?? createDevStore(now)
  const hubRoot = options.hubRoot ?? defaultHubRoot()
  const checkOrigin = (origin: string) => {
    if (new URL(origin).origin !== origin) {
      throw new Error(`react-connect-hub: ${JSON.stringify(origin)} is not an origin — write it as scheme://host[:port], without a path`)
    }
  }
  const allowedOrigins = [...(options.allowedOrigins ?? [])]
  for (const origin of [...allowedOrigins, ...(options.corsOrigins ?? [])]) checkOrigin(origin)

  const corsOrigins = new Set(options.corsOrigins ?? [])
  const isAllowedHost = createHostCheck([host, ...(options.allowedHosts ?? [])])
  const oauth = createDevOAuth({ ...options.oauth, store, now, isAllowedHost })
  let sessionId = 0
  const context = {
    store,
    apiKey,
    now,
    hubUrl: '',
    organizationId: 1,
    projectId: 'dev_project',
    nextSessionId: () => ++sessionId,
    sessions: storeSessions(store),
    corsOrigins,
    latencyMs: options.latency?.apiMs ?? 0,
    isAllowedHost,
    oauth,
  }
  const api = createServer(createApiListener(context))
  const apiUrl = originOf(host, await listen(api, options.apiPort ?? 5175, host, 'apiPort'))

  const hub = createServer(
    createHubPageListener({
      root: hubRoot,
      apiUrl,
      allowedOrigins: () => allowedOrigins,
      isAllowedHost,
      latencyMs: options.latency?.hubMs ?? 0,
    }),
  )
  let hubOrigin: string
  try {
    hubOrigin = originOf(host, await listen(hub, options.hubPort ?? 5174, host, 'hubPort'))
  } catch (error) {
    await stop(api)
    throw error
  }
  corsOrigins.add(hubOrigin)
  context.hubUrl = `${hubOrigin}/`
  const provider = createServer(oauth.providerListener)
  let providerUrl: string
  try {
    const fixed = options.apiPort !== 0 && options.hubPort !== 0
    providerUrl = originOf(host, await listen(provider, options.providerPort ?? (fixed ? 5176 : 0), host, 'providerPort'))
  } catch (error) {
    await Promise.all([stop(api), stop(hub)])
    throw error
  }
  oauth.bind({ apiUrl, providerUrl })

  return {
    apiUrl,
    hubUrl: context.hubUrl,
    providerUrl,
    appUrl: apiUrl,
    oauth: oauth.settings,
    apiKey,
    store,
    allowOrigin: (origin) => {
      checkOrigin(origin)
      corsOrigins.add(origin)
      if (!allowedOrigins.includes(origin)) allowedOrigins.push(origin)
    },
    close: async () => {
      await Promise.all([stop(api), stop(hub), stop(provider)])
    },
  }
}
