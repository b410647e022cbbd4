import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { toNodeHandler } from '../server/toNodeHandler.ts'
import { applyHubCors } from './cors.ts'
import { createDevApi } from './devApi.ts'
import { MISDIRECTED } from './hosts.ts'
import { decodeSegment, delay, HttpError, requestTarget, sendError } from './http.ts'
import type { DevOAuth } from './oauth/index.ts'
import type { SessionApiContext } from './sessionApi.ts'

export interface ApiServerOptions extends SessionApiContext {
  /** Origins allowed to call `/hub/*` from a browser. */
  corsOrigins: ReadonlySet<string>
  /** Added before every answer. */
  latencyMs: number
  /** Whether a `Host` header names this server: others get 421. */
  isAllowedHost: (host: string | undefined) => boolean
  /** Connection attempts (`/hub/oauth_attempts`, `/hub/connection_attempts`) and the provider window's pages. */
  oauth?: DevOAuth
}

/** The dev session API and the hub endpoints as one `node:http` request listener. */
export function createApiListener(options: ApiServerOptions): RequestListener {
  const api = toNodeHandler(createDevApi(options))
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    // 421 Misdirected Request: this server is not the one that name stands for (a DNS-rebinding page, say).
    if (!options.isAllowedHost(request.headers.host)) throw new HttpError(421, MISDIRECTED)
    const url = requestTarget(request.url)
    // A malformed path is refused before any route or credential is looked at.
    decodeSegment(url.pathname)
    options.store.prune()
    await delay(options.latencyMs)
    if (url.pathname.startsWith('/hub/')) {
      if (applyHubCors(request, response, options.corsOrigins)) return
      if (await options.oauth?.handleHubApi(request, response, url)) return
    } else if (options.oauth?.handlePage(request, response, url)) {
      return
    }
    // The session API and the hub endpoints: the Web handler a static Storybook also runs in the page.
    await new Promise<void>((resolve, reject) => {
      response.once('close', resolve)
      api(request, response, (error) => (error === undefined ? resolve() : reject(error)))
    })
  }
  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy()
        return
      }
      if (!(error instanceof HttpError)) console.error(error)
      // An unexpected failure is told in the server's output, not to whoever asked.
      const failure = error instanceof HttpError ? error : new HttpError(500, 'react-connect-hub: the dev API failed — see its output')
      sendError(response, failure, options.now())
    })
  }
}
