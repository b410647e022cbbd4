import type { IncomingMessage, ServerResponse } from 'node:http'
import { fail } from '../../server/answers.ts'
import { basicAuthorization } from '../../server/basicAuth.ts'
import {
  type ConnectSessionHandlerOptions,
  type ConnectSessionOwner,
  createConnectSessionHandler,
} from '../../server/createConnectSessionHandler.ts'
import { type HostCheck, hostnameOf, MISDIRECTED } from '../hosts.ts'
import { middleware } from '../servers.ts'
import type { DevHub } from '../startDevHub.ts'
import { pageHostCheck, pageOrigins } from './origins.ts'
import type { ViteDevServerLike } from './types.ts'

/** Where the plugin mounts its routes on the Vite server. */
export const DEV_ROUTES = { token: '/api/connect-session', accounts: '/api/accounts' } as const
type DevRoute = keyof typeof DEV_ROUTES

/** What the browser may set through `/api/connect-session`, as for `createConnectSessionHandler`. */
export type DevHandlerPolicy = Pick<
  ConnectSessionHandlerOptions,
  'allow' | 'defaults' | 'overrides' | 'maxExpiresIn' | 'ownsAccount' | 'trustedOrigins' | 'maxBodyBytes'
>

type ResolveOwner = (request: Request) => ConnectSessionOwner | null | Promise<ConnectSessionOwner | null>

export interface RouteOptions {
  resolveOwner: ResolveOwner
  routeApiKey: string | undefined
  policy: DevHandlerPolicy
  allowedHosts: readonly string[]
}

/** The route a request is for, if it is one of the plugin's. */
const routeOf = (url: string | undefined): DevRoute | undefined => {
  const path = (url ?? '/').split('?')[0]
  return path === DEV_ROUTES.token ? 'token' : path === DEV_ROUTES.accounts ? 'accounts' : undefined
}

const hostOfOrigin = (origin: string) => (URL.canParse(origin) ? new URL(origin).host : undefined)
const hostnameWithPort = (host: string | null) => (hostnameOf(host) === undefined ? undefined : host?.trim().toLowerCase())

/**
 * What a real backend would refuse: a `Host` that is not this machine's (421), and any request from another origin,
 * preflights included (403, with no CORS header). Same-origin pages only: these routes mint tokens and list accounts.
 */
function refusal(request: Request, isAllowedHost: HostCheck): Response | undefined {
  const host = request.headers.get('host')
  if (!isAllowedHost(host)) return fail(421, 'cross_origin', MISDIRECTED)
  const site = request.headers.get('sec-fetch-site')
  const origin = request.headers.get('origin')
  const crossSite = site !== null && site !== 'same-origin' && site !== 'none'
  const foreign = origin !== null && hostOfOrigin(origin) !== hostnameWithPort(host)
  return crossSite || foreign ? fail(403, 'cross_origin', 'the dev routes answer only pages of this dev server') : undefined
}

/** `GET /api/accounts`: the signed-in owner's accounts, from the dev API's `GET /accounts`. */
function accountsRoute(hub: DevHub, apiKey: string, resolveOwner: ResolveOwner) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET') return fail(405, 'method_not_allowed', `${DEV_ROUTES.accounts} only answers GET`)
    const who = await resolveOwner(request)
    if (!who) return fail(401, 'unauthorized', 'no signed-in owner — sign in first')
    const url = new URL('/accounts', hub.apiUrl)
    url.searchParams.set('origin_owner_id', who.originOwnerId)
    url.searchParams.set('page_size', '100')
    let upstream: Response
    try {
      upstream = await fetch(url, { headers: { authorization: basicAuthorization(apiKey) }, signal: request.signal })
    } catch {
      // Also when the page went away mid-request: nobody reads this answer then.
      return fail(502, 'upstream_error', 'the session API could not be reached — is the dev hub running?')
    }
    if (!upstream.ok) return fail(502, 'upstream_error', `the session API answered ${upstream.status} to GET /accounts`)
    return Response.json(await upstream.json(), { headers: { 'cache-control': 'no-store' } })
  }
}

/**
 * The two routes as one Web handler: `POST /api/connect-session` (`createConnectSessionHandler` against the dev API)
 * and `GET /api/accounts`. They wait for the dev hub, which starts with the Vite server.
 */
function createRoutes(server: ViteDevServerLike, devHub: () => Promise<DevHub>, options: RouteOptions) {
  const { logger } = server.config
  const isAllowedHost = pageHostCheck(server, options.allowedHosts)
  let handlers: Record<DevRoute, (request: Request) => Promise<Response>> | undefined
  const handlersFor = (hub: DevHub) => {
    const apiKey = options.routeApiKey ?? hub.apiKey
    const onError = (error: unknown) =>
      logger.error(`react-connect-hub: /api/connect-session failed — ${String(error)}`, { timestamp: true })
    const token = createConnectSessionHandler({
      ...options.policy,
      apiKey,
      baseUrl: hub.apiUrl,
      resolveOwner: options.resolveOwner,
      onError,
    })
    return { token, accounts: accountsRoute(hub, apiKey, options.resolveOwner) }
  }
  return async (request: Request): Promise<Response> => {
    const refused = refusal(request, isAllowedHost)
    if (refused) return refused
    const route = routeOf(new URL(request.url).pathname) as DevRoute
    let hub: DevHub
    try {
      hub = await devHub()
    } catch (error) {
      // The start already failed loudly; this says so to the page too.
      return fail(503, 'upstream_error', `the dev hub did not start — ${String(error)}`)
    }
    handlers ??= handlersFor(hub)
    return handlers[route](request)
  }
}

/**
 * Mounts the two routes ahead of Vite's own middlewares and prints the hub's addresses under Vite's. Returns what lets
 * this server's pages open the hub.
 */
export function installRoutes(server: ViteDevServerLike, devHub: () => Promise<DevHub>, options: RouteOptions): (hub: DevHub) => void {
  const allowPages = (hub: DevHub) => {
    for (const origin of pageOrigins(server)) hub.allowOrigin(origin)
  }
  const routes = middleware(createRoutes(server, devHub, options))
  const handle = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
    if (routeOf(request.url)) return routes(request, response, next)
    // Any other page waits for the dev hub to know this server's origins, so that the page can open the hub at once.
    devHub()
      .then(allowPages)
      .then(
        () => next(),
        () => next(),
      )
  }
  // First in the stack, ahead of Vite's own CORS middleware, which would answer other local origins' preflights
  // for these routes; the Host check Vite would have made there is `refusal`'s.
  server.middlewares.stack.unshift({ route: '', handle })

  const { logger } = server.config
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
