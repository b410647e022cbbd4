import type { IncomingMessage, ServerResponse } from 'node:http'
import { HttpError } from './http.ts'
import { HUB_TOKEN_HEADER } from './hubApi.ts'

/**
 * CORS for the `/hub/*` endpoints: a browser may call them only from an allowed origin (the hub page's, plus
 * configured ones). Returns `true` when it has answered a preflight; throws a 403 for a refused origin.
 */
export function applyHubCors(request: IncomingMessage, response: ServerResponse, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin
  response.setHeader('vary', 'Origin')
  if (origin === undefined) return false
  if (!allowed.has(origin)) {
    // Refusing outright also keeps "simple" cross-origin requests from having side effects.
    throw new HttpError(403, `react-connect-hub: ${origin} may not call the hub endpoints — add it to corsOrigins`)
  }
  response.setHeader('access-control-allow-origin', origin)
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
      'access-control-allow-headers': `content-type, ${HUB_TOKEN_HEADER}, x-hub-version`,
      'access-control-max-age': '600',
    })
    response.end()
    return true
  }
  return false
}
