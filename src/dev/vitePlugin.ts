import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect, Logger, Plugin } from 'vite'
import type { ConnectSessionOwner } from '../server/createConnectSessionHandler.ts'
import { PROVIDERS } from './catalog.ts'
import { createDevRoutes, DEV_ROUTES, type DevHandlerPolicy, refuseForeign, routeOf, sendJson } from './devRoutes.ts'
import type { DevOAuthOptions } from './oauth/index.ts'
import { type DevHub, type DevHubOptions, startDevHub } from './startDevHub.ts'
import { pageHostCheck, pageOrigins, type ViteServer } from './viteOrigins.ts'

/** Options of `connectHubDev()`: those of `startDevHub`, plus who the fake signed-in user is. */
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
}

/** What the plugin offers other plugins and tests, as `plugin.api`. */
export interface ConnectHubDevApi {
  /** The running dev hub (started when the Vite server listens or first serves a request). */
  devHub(): Promise<DevHub>
}

/** The module browser code imports the dev hub's addresses from. */
export const VIRTUAL_MODULE_ID = 'virtual:connect-hub-dev'
const RESOLVED_ID = `\0${VIRTUAL_MODULE_ID}`

export { DEV_ROUTES }

const DEMO_OWNER: ConnectSessionOwner = { originOwnerId: 'demo-customer', originOwnerName: 'Acme Inc' }

/**
 * A Vite plugin that runs the reference hub and the dev session API next to your dev (or preview) server, so a page
 * can connect accounts with no vendor account:
 * - starts `startDevHub` and lets the Vite server's own origins (from its config and sockets) open the hub;
 * - mounts `POST /api/connect-session` (`createConnectSessionHandler` against the dev API, the owner from `owner`, the
 *   policy from `handler`) and `GET /api/accounts` (the owner's accounts, fetched server-side with the key), which
 *   answer only this server's own pages: no CORS, no other `Host`;
 * - gives browser code `hubUrl`, `apiUrl`, `appUrl`, `tokenUrl`, `accountsUrl` and `providers` through `import … from 'virtual:connect-hub-dev'`
 *   (types: `/// <reference types="react-connect-hub/dev/client" />`);
 * - stops the dev hub when Vite closes.
 */
export function connectHubDev(options: ConnectHubDevOptions = {}): Plugin<ConnectHubDevApi> {
  const { owner = DEMO_OWNER, routeApiKey, handler: policy = {}, ...hubOptions } = options
  const resolveOwner = typeof owner === 'function' ? owner : () => owner
  let running: Promise<DevHub> | undefined
  let logger: Logger | undefined

  // Started on first need rather than in configureServer: a restarting Vite creates its new server before closing the
  // old one, whose dev hub still holds the ports until then.
  const devHub = () => {
    running ??= startDevHub(hubOptions)
    return running
  }
  const stop = async () => {
    const current = running
    running = undefined
    await current?.then((hub) => hub.close()).catch(() => undefined)
  }

  const install = (vite: ViteServer) => {
    const { server } = vite
    logger = server.config.logger
    const isAllowedHost = pageHostCheck(vite, options.allowedHosts ?? [])
    const allowPages = (hub: DevHub) => {
      for (const origin of pageOrigins(vite)) hub.allowOrigin(origin)
    }
    let handlers: ReturnType<typeof createDevRoutes> | undefined
    const middleware: Connect.NextHandleFunction = (request: IncomingMessage, response: ServerResponse, next) => {
      const route = routeOf(request)
      if (route && refuseForeign(request, response, isAllowedHost)) return
      devHub()
        .then((hub) => {
          allowPages(hub)
          if (!route) return next()
          handlers ??= createDevRoutes(hub, {
            resolveOwner,
            apiKey: routeApiKey ?? hub.apiKey,
            policy,
            onError: (error) => logger?.error(`react-connect-hub: /api/connect-session failed — ${String(error)}`, { timestamp: true }),
          })
          handlers[route](request, response, next)
        })
        .catch((error: unknown) => {
          if (!route) return next(error)
          sendJson(response, 503, {
            error: { code: 'dev_hub_unavailable', message: `react-connect-hub: the dev hub did not start — ${String(error)}` },
          })
        })
    }
    // First in the stack, ahead of Vite's own CORS middleware, which would answer other local origins' preflights
    // for these routes; the Host check Vite would have made there is refuseForeign's.
    server.middlewares.stack.unshift({ route: '', handle: middleware })

    server.httpServer?.once('listening', () => {
      devHub()
        .then(allowPages)
        .catch((error: unknown) => server.config.logger.error(`react-connect-hub: the dev hub did not start — ${String(error)}`))
    })
    const printUrls = server.printUrls.bind(server)
    server.printUrls = () => {
      printUrls()
      devHub()
        .then((hub) => {
          allowPages(hub)
          server.config.logger.info(`  ➜  Hub:     ${hub.hubUrl}`)
          server.config.logger.info(`  ➜  API:     ${hub.apiUrl} (key ${hub.apiKey})`)
          server.config.logger.info(`  ➜  OAuth:   ${hub.providerUrl} (simulated provider${hub.oauth.coop ? ', with COOP' : ''})`)
        })
        .catch(() => undefined)
    }
  }

  return {
    name: 'react-connect-hub:dev',
    api: { devHub },
    resolveId(id) {
      return id === VIRTUAL_MODULE_ID ? RESOLVED_ID : undefined
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined
      const hub = await devHub()
      const providers = PROVIDERS.map(({ key, name, categories, auth }) => ({ key, name, categories, auth }))
      return [
        `export const hubUrl = ${JSON.stringify(hub.hubUrl)}`,
        `export const apiUrl = ${JSON.stringify(hub.apiUrl)}`,
        `export const appUrl = ${JSON.stringify(hub.appUrl)}`,
        `export const tokenUrl = ${JSON.stringify(DEV_ROUTES.token)}`,
        `export const accountsUrl = ${JSON.stringify(DEV_ROUTES.accounts)}`,
        `export const providers = ${JSON.stringify(providers)}`,
        '',
      ].join('\n')
    },
    configureServer: (server) => install({ kind: 'dev', server }),
    configurePreviewServer: (server) => install({ kind: 'preview', server }),
    closeServer: stop,
    closePreviewServer: stop,
  }
}
