// Types only: the runtime code below uses Web APIs and the objects it is given, so this entry stays edge-safe.
import type { IncomingMessage, ServerResponse } from 'node:http'

/** A `node:http` request listener that also works as Express middleware (errors go to `next` when given). */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

function requestUrl(req: IncomingMessage): string {
  const scheme = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http'
  try {
    return new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'localhost'}`).href
  } catch {
    return new URL(req.url ?? '/', `${scheme}://localhost`).href
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

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
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
  return new Request(requestUrl(req), init)
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

/**
 * Mounts a Web-style handler (`(request: Request) => Promise<Response>`, e.g. from `createConnectSessionHandler`)
 * in a `node:http` server or in Express: `http.createServer(toNodeHandler(handler))`,
 * `app.post('/api/connect-session', toNodeHandler(handler))`. The body is streamed, not buffered; the `Request`'s
 * `signal` aborts when the client goes away.
 */
export function toNodeHandler(handler: (request: Request) => Response | Promise<Response>): NodeHandler {
  return (req, res, next) => {
    const controller = new AbortController()
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new DOMException('the client closed the connection', 'AbortError'))
    })
    Promise.resolve()
      .then(() => handler(toRequest(req, controller.signal)))
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
