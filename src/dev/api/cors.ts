import { HUB_TOKEN_HEADER } from '../../protocol/hubApi.ts'
import { HttpError } from '../http.ts'

/**
 * CORS for the `/hub/*` endpoints: a browser may call them only from an allowed origin (the hub page's, plus
 * configured ones). Returns the headers every answer to `request` carries, and the answer to a preflight; throws a 403
 * for a refused origin.
 */
export function hubCors(request: Request, allowed: ReadonlySet<string>): { headers: Record<string, string>; preflight?: Response } {
  const origin = request.headers.get('origin')
  if (origin === null) return { headers: { vary: 'Origin' } }
  if (!allowed.has(origin)) {
    // Refusing outright also keeps "simple" cross-origin requests from having side effects.
    throw new HttpError(403, `react-connect-hub: ${origin} may not call the hub endpoints — add it to corsOrigins`)
  }
  const headers = { vary: 'Origin', 'access-control-allow-origin': origin }
  if (request.method !== 'OPTIONS') return { headers }
  const preflight = new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
      'access-control-allow-headers': `content-type, ${HUB_TOKEN_HEADER}, x-hub-version`,
      'access-control-max-age': '600',
    },
  })
  return { headers, preflight }
}
