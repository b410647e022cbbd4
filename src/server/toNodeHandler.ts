// Types only: the runtime code below uses Web APIs and the objects it is given, so this entry stays edge-safe.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { HOST_HEADER } from './hostHeader.ts'

/** A `node:http` request listener that also works as Express middleware (errors go to `next` when given). */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

/** Options of `toNodeHandler`. */
export interface NodeHandlerOptions {
  /**
   * Read the scheme and host the browser used from `X-Forwarded-Proto` and `X-Forwarded-Host` (their first values), as
   * set by a reverse proxy in front of this server. Turn it on only behind a proxy that sets (or strips) both: otherwise
   * a client could claim any origin. Without it, the request's URL is built from the socket (TLS or not) and `Host`.
   * @default false
   */
  trustProxy?: boolean
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined

/**
 * The URL the browser asked for: its origin is what same-origin checks (`Origin`, `Sec-Fetch-Site`) compare against, so
 * it comes from the socket and `Host` (`:authority` over HTTP/2), or from `X-Forwarded-*` only when trusted.
 * `undefined` when that host is not a host (`evil.example@localhost`): no origin can be guessed from it.
 */
function requestUrl(req: IncomingMessage, trustProxy: boolean): string | undefined {
  let scheme = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http'
  let host = first(req.headers.host) ?? first(req.headers[':authority'])
  if (trustProxy) {
    const proto = first(req.headers['x-forwarded-proto'])?.toLowerCase()
    if (proto === 'http' || proto === 'https') scheme = proto
    host = first(req.headers['x-forwarded-host']) ?? host
  }
  // HTTP/1.0 may leave Host out.
  host ??= 'localhost'
  if (!HOST_HEADER.test(host)) return undefined
  try {
    return new URL(`${scheme}://${host}${pathOf(req.url)}`).href
  } catch {
    return undefined
  }
}

/**
 * The path and query of a request target, put after the origin rather than resolved against it: `//evil.example/x`
 * stays a path of this host. An absolute-form target (`http://host/x`, as sent to proxies) gives its path; `*` gives `/`.
 */
function pathOf(target = '/'): string {
  if (target.startsWith('/')) return target
  try {
    const url = new URL(target)
    return url.pathname + url.search
  } catch {
    return '/'
  }
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string
    // HTTP/2 pseudo-headers (":path") are not valid header names for Request.
    if (!name.startsWith(':')) headers.append(name, req.rawHeaders[i + 1] as string)
  }
  return headers
}

/** The body a body-parsing middleware (e.g. `express.json()`) already read, if one did. */
function parsedBody(req: IncomingMessage): BodyInit | undefined {
  if (!req.readableEnded || !('body' in req) || req.body === undefined) return undefined
  const { body } = req
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return new Uint8Array(body)
  return JSON.stringify(body)
}

function requestBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Uint8Array | string) => {
        if (cancelled) return
        controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk))
        if ((controller.desiredSize ?? 0) <= 0) req.pause()
      })
      req.on('end', () => {
        if (!cancelled) controller.close()
      })
      req.on('error', (error) => {
        if (!cancelled) controller.error(error)
      })
    },
    pull() {
      req.resume()
    },
    cancel() {
      // Keep reading and dropping the rest, so the answer (e.g. 413) can still be written on this socket.
      cancelled = true
      req.resume()
    },
  })
}

function toRequest(req: IncomingMessage, signal: AbortSignal, trustProxy: boolean): Request | undefined {
  const url = requestUrl(req, trustProxy)
  if (url === undefined) return undefined
  const method = req.method ?? 'GET'
  const init: RequestInit & { duplex?: 'half' } = { method, headers: requestHeaders(req), signal }
  if (method !== 'GET' && method !== 'HEAD') {
    const parsed = parsedBody(req)
    if (parsed !== undefined) {
      init.body = parsed
      init.headers = new Headers(init.headers)
      init.headers.delete('content-length')
    } else {
      init.body = requestBody(req)
      init.duplex = 'half'
    }
  }
  return new Request(url, init)
}

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.statusCode = response.status
  if (response.statusText) res.statusMessage = response.statusText
  const cookies = response.headers.getSetCookie()
  for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value)
  if (cookies.length) res.setHeader('set-cookie', cookies)
  // The handler answered before reading the whole body (e.g. 413): do not keep the connection for another request.
  if (!req.complete) res.setHeader('connection', 'close')
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve))
    if (res.destroyed) {
      await reader.cancel()
      return
    }
  }
  res.end()
}

const badHost = () =>
  new Response('Bad Request: the Host header is not a host name and port', {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })

/**
 * Mounts a Web-style handler (`(request: Request) => Promise<Response>`, e.g. from `createConnectSessionHandler`)
 * in a `node:http` server or in Express: `http.createServer(toNodeHandler(handler))`,
 * `app.post('/api/connect-session', toNodeHandler(handler))`. The body is streamed, not buffered; the `Request`'s
 * `signal` aborts when the client goes away. The `Request`'s URL carries the origin the browser used (see `trustProxy`), so
 * the handler's same-origin check passes for your own pages.
 */
export function toNodeHandler(handler: (request: Request) => Response | Promise<Response>, options: NodeHandlerOptions = {}): NodeHandler {
  const trustProxy = options.trustProxy ?? false
  return (req, res, next) => {
    const controller = new AbortController()
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new DOMException('the client closed the connection', 'AbortError'))
    })
    Promise.resolve()
      .then(() => {
        const request = toRequest(req, controller.signal, trustProxy)
        // As HTTP/1.1 asks of a server for a Host it cannot read: the handler never sees the request.
        return request ? handler(request) : badHost()
      })
      .then((response) => writeResponse(response, req, res))
      .catch((error: unknown) => {
        if (next) return next(error)
        if (res.headersSent) return res.destroy(error instanceof Error ? error : undefined)
        console.error(error)
        res.statusCode = 500
        res.setHeader('content-type', 'text/plain')
        res.end('Internal Server Error')
      })
  }
}
