import { createDevApi } from './api/index.ts'
import { createDevOAuth, type DevOAuthOptions, type DevOAuthSettings } from './api/oauth/index.ts'
import { storeSessions } from './api/sessions.ts'
import { createDevStore, type DevStore } from './api/store.ts'
import { createHostCheck } from './hosts.ts'
import { createHubPageHandler, defaultHubRoot } from './hubPage.ts'
import { createSimulatedProvider } from './provider/index.ts'
import { type DevServer, listen } from './servers.ts'

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

function checkOrigin(origin: string): void {
  if (new URL(origin).origin !== origin) {
    throw new Error(`react-connect-hub: ${JSON.stringify(origin)} is not an origin — write it as scheme://host[:port], without a path`)
  }
}

/** Listens on the three ports, in order; a taken one stops those already listening, and rejects naming its option. */
async function listenAll(options: DevHubOptions, host: string): Promise<{ api: DevServer; hub: DevServer; provider: DevServer }> {
  const started: DevServer[] = []
  const next = async (...args: Parameters<typeof listen>) => {
    const server = await listen(...args)
    started.push(server)
    return server
  }
  try {
    const api = await next(options.apiPort ?? 5175, host, 'apiPort')
    const hub = await next(options.hubPort ?? 5174, host, 'hubPort')
    const fixed = options.apiPort !== 0 && options.hubPort !== 0
    const provider = await next(options.providerPort ?? (fixed ? 5176 : 0), host, 'providerPort')
    return { api, hub, provider }
  } catch (error) {
    await Promise.all(started.map((server) => server.close()))
    throw error
  }
}

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
  const allowedOrigins = [...(options.allowedOrigins ?? [])]
  for (const origin of [...allowedOrigins, ...(options.corsOrigins ?? [])]) checkOrigin(origin)
  const isAllowedHost = createHostCheck([host, ...(options.allowedHosts ?? [])])
  const servers = await listenAll(options, host)
  const [apiUrl, hubOrigin, providerUrl] = [servers.api.origin, servers.hub.origin, servers.provider.origin]
  const corsOrigins = new Set([...(options.corsOrigins ?? []), hubOrigin])

  const settings: DevOAuthSettings = { coop: options.oauth?.coop ?? false }
  const provider = createSimulatedProvider({ origin: providerUrl, now, settings, isAllowedHost })
  const { appName, attemptTtlSeconds } = options.oauth ?? {}
  const oauth = createDevOAuth({ apiUrl, provider, store, now, appName, attemptTtlSeconds })
  let sessionId = 0
  const sessionApi = {
    store,
    apiKey,
    now,
    hubUrl: `${hubOrigin}/`,
    organizationId: 1,
    projectId: 'dev_project',
    nextSessionId: () => ++sessionId,
    sessions: storeSessions(store),
  }
  servers.api.serve(createDevApi(sessionApi, { corsOrigins, isAllowedHost, latencyMs: options.latency?.apiMs ?? 0, oauth }))
  const latencyMs = options.latency?.hubMs ?? 0
  servers.hub.serve(createHubPageHandler({ root: hubRoot, apiUrl, allowedOrigins: () => allowedOrigins, isAllowedHost, latencyMs }))
  servers.provider.serve(provider.handler)

  return {
    apiUrl,
    hubUrl: `${hubOrigin}/`,
    providerUrl,
    appUrl: apiUrl,
    oauth: settings,
    apiKey,
    store,
    allowOrigin: (origin) => {
      checkOrigin(origin)
      corsOrigins.add(origin)
      if (!allowedOrigins.includes(origin)) allowedOrigins.push(origin)
    },
    close: async () => {
      await Promise.all([servers.api.close(), servers.hub.close(), servers.provider.close()])
    },
  }
}
