import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ConnectSessionOwner } from '../server/createConnectSessionHandler.ts'
import { createDevRoutes, type DevHandlerPolicy, refuseForeign, routeOf, sendJson } from './devRoutes.ts'
import type { DevHub } from './startDevHub.ts'
import { pageHostCheck, pageOrigins } from './viteOrigins.ts'
import type { ViteDevServerLike } from './viteTypes.ts'

export interface RouteOptions {
  resolveOwner: (request: Request) => ConnectSessionOwner | null | Promise<ConnectSessionOwner | null>
  routeApiKey: string | undefined
  policy: DevHandlerPolicy
  allowedHosts: readonly string[]
}

/**
 * Mounts the two routes ahead of Vite's own middlewares and prints the hub's addresses under Vite's. Returns what lets
 * this server's pages open the hub.
 */
export function installRoutes(server: ViteDevServerLike, devHub: () => Promise<DevHub>, options: RouteOptions): (hub: DevHub) => void {
  const { logger } = server.config
  const isAllowedHost = pageHostCheck(server, options.allowedHosts)
  const allowPages = (hub: DevHub) => {
    for (const origin of pageOrigins(server)) hub.allowOrigin(origin)
  }
  let handlers: ReturnType<typeof createDevRoutes> | undefined
  const middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
    const route = routeOf(request)
    if (route && refuseForeign(request, response, isAllowedHost)) return
    devHub()
      .then((hub) => {
        allowPages(hub)
        if (!route) return next()
        handlers ??= createDevRoutes(hub, {
          resolveOwner: options.resolveOwner,
          apiKey: options.routeApiKey ?? hub.apiKey,
          policy: options.policy,
          onError: (error) => logger.error(`react-connect-hub: /api/connect-session failed — ${String(error)}`, { timestamp: true }),
        })
        handlers[route](request, response, next)
      })
      .catch((error: unknown) => {
        // The start already failed loudly; pages other than the two routes do not need the dev hub.
        if (!route) return next()
        sendJson(response, 503, {
          error: { code: 'dev_hub_unavailable', message: `react-connect-hub: the dev hub did not start — ${String(error)}` },
        })
      })
  }
  // First in the stack, ahead of Vite's own CORS middleware, which would answer other local origins' preflights
  // for these routes; the Host check Vite would have made there is refuseForeign's.
  server.middlewares.stack.unshift({ route: '', handle: middleware })

  const printUrls = server.printUrls.bind(server)
  server.printUrls = () => {
    printUrls()
    devHub()
      .then((hub) => {
        allowPages(hub)
        logger.info(`  ➜  Hub:     ${hub.hubUrl}`)
        logger.info(`  ➜  API:     ${hub.apiUrl} (key ${hub.apiKey})`)
        logger.info(`  ➜  OAuth:   ${hub.providerUrl} (simulated provider${hub.oauth.coop ? ', with COOP' : ''})`)
      })
      .catch(() => undefined)
  }
  return allowPages
}
