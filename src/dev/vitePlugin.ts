import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect, Logger, Plugin, PreviewServer, ViteDevServer } from 'vite'
import { type ConnectSessionOwner, createConnectSessionHandler } from '../server/createConnectSessionHandler.ts'
import { toNodeHandler } from '../server/toNodeHandler.ts'
import { PROVIDERS } from './catalog.ts'
import type { DevOAuthOptions } from './oauth/index.ts'
import { type DevHub, type DevHubOptions, startDevHub } from './startDevHub.ts'

/** Options of `connectHubDev()`: those of `startDevHub`, plus who the fake signed-in user is. */
export interface ConnectHubDevOptions
  extends Pick<
    DevHubOptions,
    'apiPort' | 'hubPort' | 'host' | 'apiKey' | 'allowedOrigins' | 'corsOrigins' | 'latency' | 'now' | 'store' | 'hubRoot'
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
}

/** What the plugin offers other plugins and tests, as `plugin.api`. */
export interface ConnectHubDevApi {
  /** The running dev hub (started when the Vite server listens or first serves a request). */
  devHub(): Promise<DevHub>
}

/** The module browser code imports the dev hub's addresses from. */
export const VIRTUAL_MODULE_ID = 'virtual:connect-hub-dev'
const RESOLVED_ID = `\0${VIRTUAL_MODULE_ID}`

/** Where the plugin mounts its routes on the Vite server. */
export const DEV_ROUTES = { token: '/api/connect-session', accounts: '/api/accounts' } as const

const DEMO_OWNER: ConnectSessionOwner = { originOwnerId: 'demo-customer', originOwnerName: 'Acme Inc' }

const sendJson = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  response.end(JSON.stringify(body))
}

/** Lets the page's own origin, as the browser sees it, open the hub (Vite has checked the Host against `allowedHosts`). */
function allowPageOrigin(hub: DevHub, request: IncomingMessage): void {
  if (!request.headers.host) return
  try {
    hub.allowOrigin(`${'encrypted' in request.socket ? 'https' : 'http'}://${request.headers.host}`)
  } catch {
    // A Host that makes no origin: that page cannot open the hub, and says so itself.
  }
}

const failure = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message: `react-connect-hub: ${message}` } }, { status, headers: { 'cache-control': 'no-store' } })

/**
 * A Vite plugin that runs the reference hub and the dev session API next to your dev (or preview) server, so a page
 * can connect accounts with no vendor account:
 * - starts `startDevHub` and lets the Vite server's origin open the hub;
 * - mounts `POST /api/connect-session` (`createConnectSessionHandler` against the dev API, the owner from `owner`)
 *   and `GET /api/accounts` (the owner's accounts, fetched server-side with the key);
 * - gives browser code `hubUrl`, `apiUrl`, `appUrl`, `tokenUrl`, `accountsUrl` and `providers` through `import … from 'virtual:connect-hub-dev'`
 *   (types: `/// <reference types="react-connect-hub/dev/client" />`);
 * - stops the dev hub when Vite closes.
 */
export function connectHubDev(options: ConnectHubDevOptions = {}): Plugin<ConnectHubDevApi> {
  const { owner = DEMO_OWNER, routeApiKey, ...hubOptions } = options
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

  const routes = async (hub: DevHub) => {
    const apiKey = routeApiKey ?? hub.apiKey
    const token = toNodeHandler(
      createConnectSessionHandler({
        apiKey,
        baseUrl: hub.apiUrl,
        resolveOwner,
        onError: (error) => logger?.error(`react-connect-hub: /api/connect-session failed — ${String(error)}`, { timestamp: true }),
      }),
    )
    const accounts = toNodeHandler(async (request) => {
      if (request.method !== 'GET') return failure(405, 'method_not_allowed', `${DEV_ROUTES.accounts} only answers GET`)
      const who = await resolveOwner(request)
      if (!who) return failure(401, 'unauthorized', 'no signed-in owner — sign in first')
      const url = new URL('/accounts', hub.apiUrl)
      url.searchParams.set('origin_owner_id', who.originOwnerId)
      url.searchParams.set('page_size', '100')
      let upstream: Response
      try {
        upstream = await fetch(url, { headers: { authorization: `Basic ${btoa(`${apiKey}:`)}` }, signal: request.signal })
      } catch (error) {
        // Also when the page went away mid-request: nobody reads this answer then.
        return failure(502, 'upstream_error', `the session API could not be reached — ${String(error)}`)
      }
      if (!upstream.ok) return failure(502, 'upstream_error', `the session API answered ${upstream.status} to GET /accounts`)
      return Response.json(await upstream.json(), { headers: { 'cache-control': 'no-store' } })
    })
    return { token, accounts }
  }

  const install = (server: ViteDevServer | PreviewServer) => {
    logger = server.config.logger
    let handlers: ReturnType<typeof routes> | undefined
    const middleware: Connect.NextHandleFunction = (request: IncomingMessage, response: ServerResponse, next) => {
      const path = (request.url ?? '/').split('?')[0]
      const route = path === DEV_ROUTES.token ? 'token' : path === DEV_ROUTES.accounts ? 'accounts' : undefined
      devHub()
        .then(async (hub) => {
          allowPageOrigin(hub, request)
          if (!route) return next()
          handlers ??= routes(hub)
          ;(await handlers)[route](request, response, next)
        })
        .catch((error: unknown) => {
          if (!route) return next(error)
          sendJson(response, 503, {
            error: { code: 'dev_hub_unavailable', message: `react-connect-hub: the dev hub did not start — ${String(error)}` },
          })
        })
    }
    server.middlewares.use(middleware)

    server.httpServer?.once('listening', () => {
      devHub().catch((error: unknown) => server.config.logger.error(`react-connect-hub: the dev hub did not start — ${String(error)}`))
    })
    const printUrls = server.printUrls.bind(server)
    server.printUrls = () => {
      printUrls()
      devHub()
        .then((hub) => {
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
    configureServer: install,
    configurePreviewServer: install,
    closeServer: stop,
    closePreviewServer: stop,
  }
}
