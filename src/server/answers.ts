// The handler's answers: JSON, never cached, errors as `{ error: { code, message, issues? } }`.
import { isConnectHubError } from '../errors.ts'

/** The `code` of a JSON error answer: `{ error: { code, message, issues? } }`. */
export type ConnectSessionHandlerErrorCode =
  | 'method_not_allowed'
  | 'cross_origin'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'invalid_json'
  | 'unauthorized'
  | 'invalid_session'
  | 'field_not_allowed'
  | 'account_not_allowed'
  | 'upstream_error'
  | 'internal_error'

const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }

export function json(status: number, payload: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(payload), { status, headers: { ...JSON_HEADERS, ...headers } })
}

export function fail(
  status: number,
  code: ConnectSessionHandlerErrorCode,
  message: string,
  extra: { issues?: unknown; headers?: Record<string, string> } = {},
): Response {
  const error = { code, message: `react-connect-hub: ${message}`, ...(extra.issues !== undefined && { issues: extra.issues }) }
  return json(status, { error }, extra.headers)
}

/** The answer to a failure after the browser's input was accepted: the session API's (502) or the server's own (500). */
export function serverFailure(error: unknown): Response {
  if (isConnectHubError(error) && (error.code === 'api_error' || error.code === 'network_error')) {
    const status = error.status === undefined ? '' : ` (it answered ${error.status})`
    // A rejected key is the server's setup, not a passing fault: say so rather than "try again".
    const advice = error.status === 401 || error.status === 403 ? 'check the API key on the server' : 'try again later'
    return fail(502, 'upstream_error', `the session API could not create a connect session${status} — ${advice}`)
  }
  return fail(500, 'internal_error', 'could not create a connect session — see the server logs')
}
