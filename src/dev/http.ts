import type { IncomingMessage, ServerResponse } from 'node:http'

const MAX_BODY_BYTES = 64 * 1024

/** Thrown by handlers to answer with a StackOne-shaped error body. */
export class HttpError extends Error {
  readonly status: number
  readonly extra: Record<string, unknown>
  constructor(status: number, message: string, extra: Record<string, unknown> = {}) {
    super(message)
    this.status = status
    this.extra = extra
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  })
  response.end(text)
}

/** StackOne's error body: `{ statusCode, message, timestamp }`, plus what helps, e.g. `issues`. */
export function sendError(response: ServerResponse, error: HttpError, now: number, headers: Record<string, string> = {}): void {
  sendJson(
    response,
    error.status,
    { statusCode: error.status, message: error.message, timestamp: new Date(now).toISOString(), ...error.extra },
    headers,
  )
}

/** The request body parsed as JSON; an empty body is `undefined`. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `react-connect-hub: request body over ${MAX_BODY_BYTES} bytes`)
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(400, 'react-connect-hub: the request body is not valid JSON')
  }
}

/** A path segment, percent-decoded: a malformed encoding is the client's mistake (400), never an exception text. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new HttpError(400, 'react-connect-hub: the URL holds a malformed percent-encoding')
  }
}

/** The request's path and query, or a 400 for a target no URL can be made of. */
export function requestTarget(url: string | undefined): URL {
  try {
    return new URL(url ?? '/', 'http://dev.invalid')
  } catch {
    throw new HttpError(400, 'react-connect-hub: the request target is not a valid URL path')
  }
}

export { isPlainObject } from '../json.ts'

export const delay = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve())
