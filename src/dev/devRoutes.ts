import type { IncomingMessage, ServerResponse } from 'node:http'
import { basicAuthorization } from '../server/basicAuth.ts'
import {
  type ConnectSessionHandlerOptions,
  type ConnectSessionOwner,
  createConnectSessionHandler,
} from '../server/createConnectSessionHandler.ts'
import { type NodeHandler, toNodeHandler } from '../server/toNodeHandler.ts'
import { hostnameOf, MISDIRECTED } from './hosts.ts'
import type { DevHub } from './startDevHub.ts'

/** Where the plugin mounts its routes on the Vite server. */
export const DEV_ROUTES = { token: '/api/connect-session', accounts: '/api/accounts' } as const
export type DevRoute = keyof typeof DEV_ROUTES

/** What the browser may set through `/api/connect-session`, as for `createConnectSessionHandler`. */
export type DevHandlerPolicy = Pick<
  ConnectSessionHandlerOptions,
  'allow' | 'defaults' | 'overrides' | 'maxExpiresIn' | 'ownsAccount' | 'trustedOrigins' | 'maxBodyBytes'
>

export interface DevRoutesOptions {
  resolveOwner: (request: Request) => ConnectSessionOwner | null | Promise<ConnectSessionOwner | null>
  apiKey: string
  policy: DevHandlerPolicy
  onError: (error: unknown) => void
}

const failure = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message: `react-connect-hub: ${message}` } }, { status, headers: { 'cache-control': 'no-store' } })

export const sendJson = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  response.end(JSON.stringify(body))
}

/** The route a request is for, if it is one of the plugin's. */
export function routeOf(request: IncomingMessage): DevRoute | undefined {
  const path = (request.url ?? '/').split('?')[0]
  return path === DEV_ROUTES.token ? 'token' : path === DEV_ROUTES.accounts ? 'accounts' : undefined
}

/**
 * Refuses what a real backend would: a `Host` that is not this machine's (421), and any request from another origin,
 * preflights included (403, with no CORS header). Same-origin pages only: these routes mint tokens and list accounts.
 * Returns `true` when it has answered.
 */
export function refuseForeign(request: IncomingMessage, response: ServerResponse, isAllowedHost: (host?: string) => boolean): boolean {
  if (!isAllowedHost(request.headers.host)) {
    sendJson(response, 421, { error: { code: 'misdirected_request', message: MISDIRECTED } })
    return true
  }
  const site = request.headers['sec-fetch-site']
  const origin = request.headers.origin
  const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none'
  const foreign = origin !== undefined && hostOfOrigin(origin) !== hostnameWithPort(request.headers.host)
  if (!crossSite && !foreign) return false
  sendJson(response, 403, {
    error: { code: 'cross_origin', message: 'react-connect-hub: the dev routes answer only pages of this dev server' },
  })
  return true
}

function hostOfOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).host
  } catch {
    return undefined
  }
}

const hostnameWithPort = (host: string | undefined) => (hostnameOf(host) === undefined ? undefined : host?.trim().toLowerCase())

/** `POST /api/connect-session` (the handler against the dev API) and `GET /api/accounts` (the owner's accounts). */
export function createDevRoutes(hub: DevHub, options: DevRoutesOptions): Record<DevRoute, NodeHandler> {
  const { resolveOwner, apiKey } = options
  const token = toNodeHandler(
    createConnectSessionHandler({ ...options.policy, apiKey, baseUrl: hub.apiUrl, resolveOwner, onError: options.onError }),
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
      upstream = await fetch(url, { headers: { authorization: basicAuthorization(apiKey) }, signal: request.signal })
    } catch {
      // Also when the page went away mid-request: nobody reads this answer then.
      return failure(502, 'upstream_error', 'the session API could not be reached — is the dev hub running?')
    }
    if (!upstream.ok) return failure(502, 'upstream_error', `the session API answered ${upstream.status} to GET /accounts`)
    return Response.json(await upstream.json(), { headers: { 'cache-control': 'no-store' } })
  })
  return { token, accounts }
}
