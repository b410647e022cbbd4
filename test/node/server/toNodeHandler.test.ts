import { once } from 'node:events'
import { createServer, request as httpRequest, type IncomingMessage, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createConnectSessionHandler, type NodeHandlerOptions, toNodeHandler } from '../../../src/server'
import { API_KEY, created, hang, startUpstream, type Upstream } from './upstream'

const OWNER = { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc' }

async function listen(listener: RequestListener): Promise<string> {
  const server = createServer(listener)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  onTestFinished(async () => {
    server.closeAllConnections()
    server.close()
    await once(server, 'close')
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function connectHandler(upstream: Upstream, maxBodyBytes?: number) {
  return createConnectSessionHandler({
    apiKey: API_KEY,
    baseUrl: upstream.url,
    resolveOwner: (request) => (request.headers.get('authorization') === 'Bearer user-1' ? OWNER : null),
    onError: () => {},
    ...(maxBodyBytes !== undefined && { maxBodyBytes }),
  })
}

const signedIn = { 'content-type': 'application/json', authorization: 'Bearer user-1' }

/** Sends `chunks` with chunked transfer encoding (no Content-Length) and resolves with the answer. */
async function sendChunked(url: string, chunks: string[]): Promise<{ status: number; headers: IncomingMessage['headers']; text: string }> {
  const request = httpRequest(`${url}/api/connect-session`, { method: 'POST', headers: signedIn })
  request.on('error', () => {}) // the server may close the connection while we are still writing
  for (const chunk of chunks) request.write(chunk)
  request.end()
  const [response] = (await once(request, 'response')) as [IncomingMessage]
  let text = ''
  for await (const chunk of response) text += chunk
  return { status: response.statusCode ?? 0, headers: response.headers, text }
}

describe('toNodeHandler', () => {
  describe('mounted in a node:http server', () => {
    it('answers a real request with a token', async () => {
      const upstream = await startUpstream(created())
      const url = await listen(toNodeHandler(connectHandler(upstream)))
      const response = await fetch(`${url}/api/connect-session`, { method: 'POST', headers: signedIn, body: '{"provider":"hibob"}' })
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.json()).toMatchObject({ token: 'session-token-123' })
      expect(upstream.requests[0]?.json).toMatchObject({ origin_owner_id: 'customer-42', provider: 'hibob' })
    })

    it('turns the request into a Request with its method, URL, headers and body, and writes the Response back', async () => {
      const url = await listen(
        toNodeHandler(async (request) => {
          const headers = new Headers({ 'x-echo': request.headers.get('x-custom') ?? '' })
          headers.append('set-cookie', 'a=1')
          headers.append('set-cookie', 'b=2')
          return new Response(`${request.method} ${new URL(request.url).pathname}?${new URL(request.url).search} ${await request.text()}`, {
            status: 201,
            headers,
          })
        }),
      )
      const response = await fetch(`${url}/some/path?x=1`, { method: 'PUT', headers: { 'x-custom': 'hello' }, body: 'payload' })
      expect(response.status).toBe(201)
      expect(response.headers.get('x-echo')).toBe('hello')
      expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
      expect(await response.text()).toBe('PUT /some/path??x=1 payload')
    })

    it('streams a chunked body, so an oversized one gets 413 and the connection is closed', async () => {
      const upstream = await startUpstream(created())
      const url = await listen(toNodeHandler(connectHandler(upstream, 100)))
      const answer = await sendChunked(url, ['{"label":"', 'x'.repeat(80), 'x'.repeat(80), '"}'])
      expect(answer.status).toBe(413)
      expect(answer.headers.connection).toBe('close')
      expect(JSON.parse(answer.text).error.code).toBe('payload_too_large')
      expect(upstream.requests).toHaveLength(0)
    })

    it('accepts a chunked body within the limit', async () => {
      const upstream = await startUpstream(created())
      const url = await listen(toNodeHandler(connectHandler(upstream)))
      const answer = await sendChunked(url, ['{"provider":', '"hibob"}'])
      expect(answer.status).toBe(200)
      expect(upstream.requests[0]?.json).toMatchObject({ provider: 'hibob' })
    })

    it('aborts the call to the session API when the client goes away', async () => {
      const upstream = await startUpstream(hang)
      const url = await listen(toNodeHandler(connectHandler(upstream)))
      const request = httpRequest(`${url}/api/connect-session`, { method: 'POST', headers: signedIn })
      request.on('error', () => {})
      request.end('{}')
      const received = await upstream.received(1)
      const upstreamClosed = once(received.req.socket, 'close')
      request.destroy()
      await upstreamClosed
      expect(upstream.requests).toHaveLength(1)
    })

    it('answers 500 when the handler throws', async () => {
      const url = await listen(
        toNodeHandler(() => {
          throw new Error('boom')
        }),
      )
      const original = console.error
      console.error = () => {}
      onTestFinished(() => {
        console.error = original
      })
      const response = await fetch(url, { method: 'POST', body: '{}' })
      expect(response.status).toBe(500)
      expect(await response.text()).not.toContain('boom')
    })
  })

  describe('carrying the cross-origin policy of the handler', () => {
    /** Posts with exactly these headers (node:http adds nothing of its own beyond Host). */
    async function postRaw(url: string, headers: Record<string, string>) {
      const request = httpRequest(`${url}/api/connect-session`, { method: 'POST', headers: { ...signedIn, ...headers } })
      request.end('{}')
      const [response] = (await once(request, 'response')) as [IncomingMessage]
      response.resume()
      return response.statusCode
    }

    async function serve(options?: NodeHandlerOptions) {
      const upstream = await startUpstream(created())
      const seen: string[] = []
      const handler = connectHandler(upstream)
      const url = await listen(
        toNodeHandler((request) => {
          seen.push(new URL(request.url).origin)
          return handler(request)
        }, options),
      )
      return { url, seen, upstream }
    }

    it('builds the URL from Host, so a page of this server passes with its own Origin', async () => {
      const { url, seen } = await serve()
      expect(await postRaw(url, { origin: url })).toBe(200)
      expect(await postRaw(url, { origin: url, 'sec-fetch-site': 'same-origin' })).toBe(200)
      expect(seen).toEqual([url, url])
    })

    it.each([
      ['a cross-site page', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
      ['an old browser on another site', { origin: 'https://evil.example' }],
    ])('refuses %s with 403 and sends nothing upstream', async (_, headers) => {
      const { url, upstream } = await serve()
      expect(await postRaw(url, headers)).toBe(403)
      expect(upstream.requests).toHaveLength(0)
    })

    it.each([
      ['user info', { host: 'evil.example@127.0.0.1' }, undefined],
      ['a path', { host: '127.0.0.1/evil' }, undefined],
      ['a trusted X-Forwarded-Host with user info', { 'x-forwarded-host': 'evil.example@app.example' }, { trustProxy: true }],
    ])('answers 400 to a Host with %s, without calling the handler', async (_, headers, options) => {
      const { url, seen, upstream } = await serve(options)
      expect(await postRaw(url, { origin: url, ...headers })).toBe(400)
      expect(seen).toEqual([])
      expect(upstream.requests).toHaveLength(0)
    })

    it('keeps a path that starts with // a path of this host, so a page on the host it names is refused', async () => {
      const { url, seen, upstream } = await serve()
      const request = httpRequest(`${url}/api/connect-session`, {
        method: 'POST',
        path: '//evil.example/api/connect-session',
        headers: { ...signedIn, origin: 'http://evil.example' },
      })
      request.end('{}')
      const [response] = (await once(request, 'response')) as [IncomingMessage]
      response.resume()
      expect(response.statusCode).toBe(403)
      expect(seen).toEqual([url])
      expect(upstream.requests).toHaveLength(0)
    })

    it('takes only the path of an absolute-form target: the origin stays the one of Host', async () => {
      const { url, seen } = await serve()
      const request = httpRequest(`${url}/`, {
        method: 'POST',
        path: 'http://other.example/api/connect-session?x=1',
        headers: { ...signedIn, origin: url },
      })
      request.end('{}')
      const [response] = (await once(request, 'response')) as [IncomingMessage]
      response.resume()
      expect(response.statusCode).toBe(200)
      expect(seen).toEqual([url])
    })

    it('ignores X-Forwarded-* unless trustProxy is set', async () => {
      const forwarded = { origin: 'https://app.example', 'x-forwarded-host': 'app.example', 'x-forwarded-proto': 'https' }
      const direct = await serve()
      expect(await postRaw(direct.url, forwarded)).toBe(403)
      expect(direct.seen).toEqual([direct.url])
      const proxied = await serve({ trustProxy: true })
      expect(await postRaw(proxied.url, forwarded)).toBe(200)
      expect(proxied.seen).toEqual(['https://app.example'])
    })
  })

  describe('mounted in Express', () => {
    it('answers a real request on its route', async () => {
      const upstream = await startUpstream(created())
      const app = express()
      app.post('/api/connect-session', toNodeHandler(connectHandler(upstream)))
      const url = await listen(app)
      const response = await fetch(`${url}/api/connect-session`, { method: 'POST', headers: signedIn, body: '{"categories":["crm"]}' })
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ token: 'session-token-123' })
      expect(upstream.requests[0]?.json).toMatchObject({ origin_owner_id: 'customer-42', categories: ['crm'] })
    })

    it('still works behind express.json(), which has already read the body', async () => {
      const upstream = await startUpstream(created())
      const app = express()
      app.use(express.json())
      app.post('/api/connect-session', toNodeHandler(connectHandler(upstream)))
      const url = await listen(app)
      const body = JSON.stringify({ provider: 'hibob', originOwnerId: 'someone-else' })
      const response = await fetch(`${url}/api/connect-session`, { method: 'POST', headers: signedIn, body })
      expect(response.status).toBe(200)
      expect(upstream.requests[0]?.json).toMatchObject({ origin_owner_id: 'customer-42', provider: 'hibob' })
    })

    it('answers 401 and 405 like the plain handler', async () => {
      const upstream = await startUpstream(created())
      const app = express()
      app.all('/api/connect-session', toNodeHandler(connectHandler(upstream)))
      const url = await listen(app)
      const anonymous = await fetch(`${url}/api/connect-session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      expect(anonymous.status).toBe(401)
      const get = await fetch(`${url}/api/connect-session`)
      expect(get.status).toBe(405)
      expect(get.headers.get('allow')).toBe('POST')
    })

    it('passes a thrown error to next', async () => {
      const app = express()
      let seen: unknown
      app.post(
        '/boom',
        toNodeHandler(() => Promise.reject(new Error('boom'))),
      )
      app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
        seen = error
        res.status(503).end()
      })
      const url = await listen(app)
      const response = await fetch(`${url}/boom`, { method: 'POST' })
      expect(response.status).toBe(503)
      expect(seen).toEqual(new Error('boom'))
    })
  })
})
