import { type HostCheck, misdirected } from '../hosts.ts'
import { decodeSegment, delay, guard, HttpError, jsonResponse } from '../http.ts'
import { hubCors } from './cors.ts'
import { handleHubApi } from './hubApi.ts'
import type { DevOAuth } from './oauth/index.ts'
import { handleSessionApi, type SessionApiOptions } from './sessionApi.ts'

/** What only the dev API's own server adds around the session API (a static Storybook's page needs none of it). */
export interface DevApiServerOptions {
  /** Origins allowed to call `/hub/*` from a browser; without it, the endpoints send no CORS headers. */
  corsOrigins?: ReadonlySet<string>
  /** Whether a `Host` header names this server: others get 421. */
  isAllowedHost?: HostCheck
  /** Added before every answer. */
  latencyMs?: number
  /** Connection attempts and the provider window's pages. */
  oauth?: DevOAuth
}

/** StackOne's error body: `{ statusCode, message, timestamp }`, plus what helps, e.g. `issues`. */
const stackOneError = (error: HttpError, now: number): Response =>
  jsonResponse(error.status, { statusCode: error.status, message: error.message, timestamp: new Date(now).toISOString(), ...error.extra })

/**
 * The dev session API (`/connect_sessions`, `/accounts`), the hub endpoints (`/hub/*`) and, given `oauth`, the OAuth
 * attempts and pages, as one Web handler, `(request: Request) => Promise<Response>`: the dev API server runs it, and a
 * static Storybook answers it in the page. Errors are StackOne-shaped bodies; an unexpected one says only where to look.
 */
export function createDevApi(options: SessionApiOptions, around: DevApiServerOptions = {}): (request: Request) => Promise<Response> {
  const { store, now } = options
  const { oauth, corsOrigins, isAllowedHost } = around
  const hubApi = { store, now, sessions: options.sessions }

  const route = async (request: Request, url: URL): Promise<Response> => {
    store.prune()
    await delay(around.latencyMs ?? 0)
    const answer =
      (await oauth?.handle(request, url)) ??
      (url.pathname.startsWith('/hub/') ? await handleHubApi(hubApi, request, url) : await handleSessionApi(options, request, url))
    if (answer) return answer
    throw new HttpError(404, `react-connect-hub: no endpoint ${request.method} ${url.pathname}`)
  }

  return async (request) => {
    const url = new URL(request.url)
    let cors: Record<string, string> = {}
    const answer = await guard(
      'the dev API',
      async () => {
        // 421 Misdirected Request: this server is not the one that name stands for (a DNS-rebinding page, say).
        const refused = isAllowedHost && misdirected(request, isAllowedHost)
        if (refused) throw refused
        // A malformed path is refused before any route or credential is looked at.
        decodeSegment(url.pathname)
        if (corsOrigins && url.pathname.startsWith('/hub/')) {
          cors = { vary: 'Origin' }
          const checked = hubCors(request, corsOrigins)
          cors = checked.headers
          if (checked.preflight) return checked.preflight
        }
        return route(request, url)
      },
      (error) => stackOneError(error, now()),
    )
    for (const [name, value] of Object.entries(cors)) answer.headers.set(name, value)
    return answer
  }
}
