import type { ConnectSessionOwner } from '../../server/createConnectSessionHandler.ts'
import type { DevOAuthOptions } from '../api/oauth/index.ts'
import { type DevHub, type DevHubOptions, startDevHub } from '../startDevHub.ts'
import { DEV_ROUTES, type DevHandlerPolicy, installRoutes } from './routes.ts'
import type { BuildContextLike, BundleItemLike, ViteConfigLike, ViteDevServerLike } from './types.ts'
import {
  buildSource,
  type ConnectHubUrlOptions,
  type ConnectHubUrls,
  missingInBundle,
  missingMessage,
  moduleSource,
  TEST_URLS,
  VIRTUAL_MODULE_ID,
} from './virtualModule.ts'

/** Options of `connectHubDev()`: those of `startDevHub`, who the fake signed-in user is, and the addresses outside `vite`. */
export interface ConnectHubDevOptions
  extends Pick<
    DevHubOptions,
    'apiPort' | 'hubPort' | 'host' | 'apiKey' | 'allowedOrigins' | 'corsOrigins' | 'allowedHosts' | 'latency' | 'now' | 'store' | 'hubRoot'
  > {
  /**
   * Port of the simulated OAuth provider, as for `startDevHub`.
   * @default 5176, or a free port when `apiPort` or `hubPort` is `0`
   */
  providerPort?: number
  /**
   * The simulated OAuth provider's options, as for `startDevHub`.
   * @default { coop: false, appName: 'Connect Hub (dev)', attemptTtlSeconds: 300 }
   */
  oauth?: DevOAuthOptions
  /**
   * The owner of the accounts connected from this dev server, or a function that reads it from the request
   * (your auth's cookie or header; `null` answers 401), as `resolveOwner` of `createConnectSessionHandler`.
   * @default { originOwnerId: 'demo-customer', originOwnerName: 'Acme Inc' }
   */
  owner?: ConnectSessionOwner | ((request: Request) => ConnectSessionOwner | null | Promise<ConnectSessionOwner | null>)
  /**
   * The key `/api/connect-session` and `/api/accounts` send to the dev session API. Set it to something else than
   * `apiKey` to see how your page handles a wrong key.
   * @default the dev session API's own key
   */
  routeApiKey?: string
  /**
   * What the browser may set through `/api/connect-session`, as the options of `createConnectSessionHandler`: e.g.
   * `{ allow: ['type'] }` lets a page ask for test accounts, `{ overrides: { metadata: { env: 'dev' } } }` pins metadata.
   * @default {} (the handler's defaults: no `metadata` or `type` from the browser, `expiresIn` ≤ 3600, own accounts only)
   */
  handler?: DevHandlerPolicy
  /**
   * What `virtual:connect-hub-dev` exports in `vite build`: your hub page, token route, accounts route and session API.
   * Each one unset here falls back to its env variable (`VITE_CONNECT_HUB_URL`, `VITE_CONNECT_HUB_TOKEN_URL`,
   * `VITE_CONNECT_HUB_ACCOUNTS_URL`, `VITE_CONNECT_HUB_API_URL`, also read from `.env.production`). A build whose code
   * uses an address set in neither place fails, naming it: the dev hub's addresses are never built in.
   * @default {} (the env variables)
   */
  production?: ConnectHubUrlOptions
  /**
   * What `virtual:connect-hub-dev` exports under Vitest, where no server starts.
   * @default { hubUrl: 'https://hub.connect-hub.invalid/', apiUrl: 'https://api.connect-hub.invalid', tokenUrl: '/api/connect-session', accountsUrl: '/api/accounts' }
   */
  test?: Partial<ConnectHubUrls>
  /**
   * Starts the dev hub under Vitest too (on first use), for tests that connect for real, e.g. stories run in browser
   * mode. Without it, Vitest gets the `test` addresses and no server starts.
   * @default false
   */
  startInVitest?: boolean
}

/** What the plugin offers other plugins and tests, as `plugin.api`. */
export interface ConnectHubDevApi {
  /** The running dev hub (started when the Vite server listens or first needs it). Rejects outside `vite` (serve). */
  devHub(): Promise<DevHub>
}

/**
 * The plugin `connectHubDev()` returns, typed by its shape so that these types need nothing from `vite`: it fits
 * `plugins: […]` of Vite's config.
 */
export interface ConnectHubDevPlugin {
  name: string
  api: ConnectHubDevApi
  configResolved(config: ViteConfigLike): void
  configureServer(server: ViteDevServerLike): Promise<void>
  resolveId(id: string): string | undefined
  load(id: string): Promise<string | undefined>
  generateBundle(this: BuildContextLike, options: unknown, bundle: Record<string, BundleItemLike>): void
  closeServer(): Promise<void>
}

export { DEV_ROUTES, VIRTUAL_MODULE_ID }

const RESOLVED_ID = `\0${VIRTUAL_MODULE_ID}`

const DEMO_OWNER: ConnectSessionOwner = { originOwnerId: 'demo-customer', originOwnerName: 'Acme Inc' }

/** Where the plugin runs: a dev server (the dev hub starts), a build (production addresses) or Vitest (neither). */
type Target = 'serve' | 'build' | 'test'

/** Vitest's own Vite servers (not a Vite server a test creates): mode `test` or Vitest's plugins, in a Vitest process. */
const isVitest = (config: ViteConfigLike) =>
  Boolean(process.env.VITEST) &&
  (config.mode === 'test' || config.plugins.some(({ name }) => name === 'vitest' || name.startsWith('vitest:')))

/**
 * Starts the dev hub with the Vite server (`start`), and stops it (`stop`) when the server closes. It starts as the
 * server listens, so a taken port fails the start rather than every module that imports the virtual one. Not earlier:
 * a restarting Vite creates its new server before closing the old one, whose dev hub holds the ports until then. In
 * middleware mode nothing listens (Storybook's server does): it starts now.
 */
async function startWith(server: ViteDevServerLike, start: () => Promise<void>, stop: () => Promise<void>): Promise<void> {
  // Also on close(): Vite before 8 has no closeServer hook.
  const close = server.close.bind(server)
  server.close = () => close().finally(stop)
  if (server.config.server.middlewareMode) {
    if (!isVitest(server.config)) await start()
    return
  }
  const listen = server.listen.bind(server)
  server.listen = async (port, isRestart) => {
    const listening = await listen(port, isRestart)
    await start().catch(async (error: unknown) => {
      await server.close().catch(() => undefined)
      throw error
    })
    return listening
  }
}

/**
 * A Vite plugin that runs the reference hub, the dev session API and the simulated OAuth provider next to `vite` (the
 * dev server), so a page can connect accounts with no vendor account, and gives the same page code its production
 * addresses in `vite build`:
 * - under `vite`, starts `startDevHub` as the server starts listening (a taken port fails the start, naming the port and
 *   its option), lets the Vite server's own origins (from its config and sockets) open the hub, and mounts
 *   `POST /api/connect-session` and `GET /api/accounts` for this server's own pages;
 * - gives browser code `hubUrl`, `apiUrl`, `appUrl`, `tokenUrl`, `accountsUrl` and `providers` through `import … from
 *   'virtual:connect-hub-dev'` (types: `/// <reference types="react-connect-hub/dev/client" />`): the dev hub's under
 *   `vite`, `production` in `vite build`, `test` under Vitest; `vite build`, `vite preview` and Vitest start no server;
 * - stops the dev hub when Vite closes.
 */
export function connectHubDev(options: ConnectHubDevOptions = {}): ConnectHubDevPlugin {
  const {
    owner = DEMO_OWNER,
    routeApiKey,
    handler: policy = {},
    production = {},
    test = {},
    startInVitest = false,
    ...hubOptions
  } = options
  const resolveOwner = typeof owner === 'function' ? owner : () => owner
  let target: Target = 'serve'
  let config: ViteConfigLike | undefined
  let running: Promise<DevHub> | undefined

  const devHub = () => {
    if (target !== 'serve') {
      return Promise.reject(
        new Error(
          `react-connect-hub: the dev hub runs only under \`vite\` (serve), not in ${target === 'build' ? 'vite build' : 'Vitest'}`,
        ),
      )
    }
    running ??= startDevHub(hubOptions)
    return running
  }
  const stop = async () => {
    const current = running
    running = undefined
    await current?.then((hub) => hub.close()).catch(() => undefined)
  }

  return {
    name: 'react-connect-hub:dev',
    api: { devHub },
    configResolved(resolved) {
      config = resolved
      target = resolved.command === 'build' ? 'build' : isVitest(resolved) && !startInVitest ? 'test' : 'serve'
    },
    async configureServer(server) {
      if (target !== 'serve') return
      const routes = { resolveOwner, routeApiKey, policy, allowedHosts: options.allowedHosts ?? [] }
      await startWith(server, () => devHub().then(installRoutes(server, devHub, routes)), stop)
    },
    resolveId(id) {
      return id === VIRTUAL_MODULE_ID ? RESOLVED_ID : undefined
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined
      if (target === 'test') return moduleSource({ ...TEST_URLS, ...test })
      if (target === 'build') return buildSource(production, config?.env ?? {})
      const hub = await devHub()
      return moduleSource({
        hubUrl: hub.hubUrl,
        apiUrl: hub.apiUrl,
        appUrl: hub.appUrl,
        tokenUrl: DEV_ROUTES.token,
        accountsUrl: DEV_ROUTES.accounts,
      })
    },
    generateBundle(_options, bundle) {
      const missing = missingInBundle(bundle)
      if (missing.length) this.error(missingMessage(missing, this.getModuleInfo(RESOLVED_ID)?.importers ?? []))
    },
    closeServer: stop,
  }
}
