import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { type ConnectSessionHandlerOptions, type ConnectSessionOwner, createConnectSessionHandler } from '../../../src/server'
import { connectSessionCreateSchema, connectSessionOptionsSchema, toConnectSessionRequest } from '../../../src/session'
import {
  API_KEY,
  CREDENTIAL,
  created,
  hang,
  scriptedFetch,
  startUpstream,
  status,
  statusAnswer,
  type Upstream,
  useFakeClock,
} from './upstream'

const OWNER: ConnectSessionOwner = { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc', originUsername: 'ada' }
const ENDPOINT = 'https://app.example/api/connect-session'

function handlerFor(upstream: Upstream, options: Partial<ConnectSessionHandlerOptions> = {}) {
  return createConnectSessionHandler({ apiKey: API_KEY, baseUrl: upstream.url, resolveOwner: () => OWNER, onError: () => {}, ...options })
}

function post(body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }): Request {
  return new Request(ENDPOINT, { method: 'POST', headers, body, duplex: 'half' } as RequestInit)
}

function postJson(body: unknown): Request {
  return post(JSON.stringify(body))
}

/** A body of `size` bytes that arrives in chunks, without Content-Length. */
function stream(size: number, chunk = 1024): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close()
      const bytes = new Uint8Array(Math.min(chunk, size - sent)).fill(0x20)
      sent += bytes.byteLength
      controller.enqueue(bytes)
    },
  })
}

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string; issues?: unknown } }
  return body.error
}

describe('createConnectSessionHandler', () => {
  describe('given a signed-in user posting session options', () => {
    it('answers 200 { token, expiresAt } with Cache-Control: no-store', async () => {
      const upstream = await startUpstream(created())
      const response = await handlerFor(upstream)(postJson({ categories: ['hris'], expiresIn: 600 }))
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('content-type')).toBe('application/json')
      const body = (await response.json()) as Record<string, unknown>
      expect(Object.keys(body).sort()).toEqual(['expiresAt', 'token'])
      expect(body.token).toBe('session-token-123')
      expect(Date.parse(body.expiresAt as string)).toBeGreaterThan(Date.now() + 590_000)
      expect(upstream.requests[0]?.headers.authorization).toBe(`Basic ${CREDENTIAL}`)
    })

    it('ignores the owner fields the browser sent and uses the resolved owner', async () => {
      const upstream = await startUpstream(created())
      const response = await handlerFor(upstream)(
        postJson({ originOwnerId: 'someone-else', originOwnerName: 'Evil Corp', originUsername: 'mallory', provider: 'hibob' }),
      )
      expect(response.status).toBe(200)
      expect(upstream.requests[0]?.json).toEqual({
        origin_owner_id: 'customer-42',
        origin_owner_name: 'Acme Inc',
        origin_username: 'ada',
        provider: 'hibob',
      })
    })

    it('does not keep a browser-sent originUsername when the owner has none', async () => {
      const upstream = await startUpstream(created())
      await handlerFor(upstream, { resolveOwner: () => ({ originOwnerId: 'c1', originOwnerName: 'C One' }) })(
        postJson({ originUsername: 'mallory' }),
      )
      expect(upstream.requests[0]?.json).toEqual({ origin_owner_id: 'c1', origin_owner_name: 'C One' })
    })

    it('passes the request to resolveOwner', async () => {
      const upstream = await startUpstream(created())
      const resolveOwner = vi.fn(async (request: Request) => (request.headers.get('cookie') === 'sid=1' ? OWNER : null))
      const request = post('{}', { 'content-type': 'application/json', cookie: 'sid=1' })
      expect((await handlerFor(upstream, { resolveOwner })(request)).status).toBe(200)
      expect(resolveOwner).toHaveBeenCalledWith(request)
    })

    it('applies defaults under the browser options', async () => {
      const upstream = await startUpstream(created())
      await handlerFor(upstream, { defaults: { expiresIn: 300, categories: ['crm'], label: 'from-server' } })(
        postJson({ categories: ['ats'] }),
      )
      expect(upstream.requests[0]?.json).toMatchObject({ expires_in: 300, categories: ['ats'], label: 'from-server' })
    })
  })

  describe('given a request that mints a session, with defaults, overrides and an account of the owner', () => {
    it('→ the session is validated once per request, and sent as toConnectSessionRequest would write it', async () => {
      const upstream = await startUpstream(created())
      const handler = handlerFor(upstream, {
        defaults: { expiresIn: 600, label: 'from-server' },
        overrides: { metadata: { plan: 'pro' } },
        ownsAccount: (accountId, owner) => accountId === 'acc-1' && owner.originOwnerId === OWNER.originOwnerId,
      })
      const expected = toConnectSessionRequest({
        ...OWNER,
        provider: 'hibob',
        categories: ['hris-legacy', 'ats'],
        accountId: 'acc-1',
        expiresIn: 600,
        label: 'from-server',
        metadata: { plan: 'pro' },
      })
      // Spied after setup: defaults and overrides are parsed once, when the handler is made.
      const parses = [vi.spyOn(connectSessionOptionsSchema, 'safeParse'), vi.spyOn(connectSessionCreateSchema, 'safeParse')]
      try {
        const response = await handler(
          postJson({ provider: 'hibob', categories: ['hrisLegacy', 'ats'], accountId: 'acc-1', originOwnerId: 'someone-else' }),
        )
        expect(response.status).toBe(200)
        expect(parses.map((parse) => parse.mock.calls.length)).toEqual([1, 0])
      } finally {
        for (const parse of parses) parse.mockRestore()
      }
      expect(upstream.requests[0]?.json).toEqual(expected)
    })
  })

  describe('given no signed-in user', () => {
    it('answers 401 and calls nothing upstream', async () => {
      const upstream = await startUpstream(created())
      const response = await handlerFor(upstream, { resolveOwner: async () => null })(postJson({}))
      expect(response.status).toBe(401)
      expect((await errorOf(response)).code).toBe('unauthorized')
      expect(upstream.requests).toHaveLength(0)
    })

    it('answers 500 and reports the error when resolveOwner throws', async () => {
      const upstream = await startUpstream(created())
      const onError = vi.fn()
      const failure = new Error('session store down')
      const response = await handlerFor(upstream, { onError, resolveOwner: () => Promise.reject(failure) })(postJson({}))
      expect(response.status).toBe(500)
      expect(JSON.stringify(await response.json())).not.toContain('session store down')
      expect(onError).toHaveBeenCalledWith(failure, expect.any(Request))
    })

    it('answers 500, not 400, when resolveOwner returns an unusable owner', async () => {
      const upstream = await startUpstream(created())
      const onError = vi.fn()
      const response = await handlerFor(upstream, { onError, resolveOwner: () => ({ originOwnerId: '', originOwnerName: 'Acme' }) })(
        postJson({}),
      )
      expect(response.status).toBe(500)
      expect(upstream.requests).toHaveLength(0)
      expect(onError).toHaveBeenCalledWith(
        expect.objectContaining({ message: expect.stringContaining('resolveOwner') }),
        expect.any(Request),
      )
    })
  })

  describe('given a request it does not accept', () => {
    it.each(['GET', 'PUT', 'OPTIONS'])('answers 405 with Allow: POST to %s', async (method) => {
      const upstream = await startUpstream(created())
      const response = await handlerFor(upstream)(new Request(ENDPOINT, { method }))
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('POST')
      expect((await errorOf(response)).code).toBe('method_not_allowed')
    })

    it.each([{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, {}])(
      'answers 415 to a body sent as %o',
      async (headers) => {
        const upstream = await startUpstream(created())
        const request = new Request(ENDPOINT, { method: 'POST', body: '{}', headers })
        if (!('content-type' in headers)) request.headers.delete('content-type')
        const response = await handlerFor(upstream)(request)
        expect(response.status).toBe(415)
        expect(upstream.requests).toHaveLength(0)
      },
    )

    it('accepts application/json with a charset', async () => {
      const upstream = await startUpstream(created())
      const response = await handlerFor(upstream)(post('{}', { 'content-type': 'Application/JSON; charset=utf-8' }))
      expect(response.status).toBe(200)
    })

    it.each(['{"provider": ', '', 'not json'])('answers 400 invalid_json to %j', async (text) => {
      const upstream = await startUpstream(created())
      const response = await handlerFor(upstream)(post(text))
      expect(response.status).toBe(400)
      expect((await errorOf(response)).code).toBe('invalid_json')
      expect(upstream.requests).toHaveLength(0)
    })

    it('answers 400 invalid_session with issues for unknown fields and bad values', async () => {
      const upstream = await startUpstream(created())
      const response = await handlerFor(upstream)(postJson({ acountId: 'a1', categories: ['hrs'], origin_owner_id: 'x' }))
      expect(response.status).toBe(400)
      const error = await errorOf(response)
      expect(error.code).toBe('invalid_session')
      expect(error.message).toMatch(/^react-connect-hub: /)
      expect(error.issues).toEqual(
        expect.arrayContaining([
          { path: ['acountId'], message: expect.stringContaining('did you mean "accountId"') },
          { path: ['categories', 0], message: expect.stringContaining('"hrs"') },
          { path: ['origin_owner_id'], message: expect.stringContaining('is not a session field') },
        ]),
      )
      expect(upstream.requests).toHaveLength(0)
    })

    it.each([
      ['an array', []],
      ['a string', 'hris'],
      ['null', null],
    ])('answers 400 invalid_session to %s', async (_, body) => {
      const upstream = await startUpstream(created())
      const response = await handlerFor(upstream)(postJson(body))
      expect(response.status).toBe(400)
      expect((await errorOf(response)).code).toBe('invalid_session')
    })
  })

  describe('given an oversized body', () => {
    it('answers 413 when Content-Length says so', async () => {
      const upstream = await startUpstream(created())
      const response = await handlerFor(upstream, { maxBodyBytes: 100 })(postJson({ label: 'x'.repeat(200) }))
      expect(response.status).toBe(413)
      expect((await errorOf(response)).code).toBe('payload_too_large')
      expect(upstream.requests).toHaveLength(0)
    })

    it('answers 413 when Content-Length lies', async () => {
      const upstream = await startUpstream(created())
      const body = stream(64 * 1024)
      const response = await handlerFor(upstream)(post(body, { 'content-type': 'application/json', 'content-length': '2' }))
      expect(response.status).toBe(413)
      expect(upstream.requests).toHaveLength(0)
    })

    it('answers 413 to a chunked body without Content-Length, without reading it all', async () => {
      const upstream = await startUpstream(created())
      let pulled = 0
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++
          controller.enqueue(new Uint8Array(1024).fill(0x20))
        },
      })
      const response = await handlerFor(upstream)(post(endless))
      expect(response.status).toBe(413)
      expect(pulled).toBeLessThan(64)
    })

    it('accepts a body of exactly maxBodyBytes', async () => {
      const upstream = await startUpstream(created())
      const text = JSON.stringify({ label: 'x' })
      const response = await handlerFor(upstream, { maxBodyBytes: text.length })(post(text))
      expect(response.status).toBe(200)
    })
  })

  describe('given the session API fails', () => {
    it('answers 502 without the key or the upstream body', async () => {
      const upstream = await startUpstream(status(401, { statusCode: 401, message: 'Unauthorized', detail: 'internal-secret-xyz' }))
      const onError = vi.fn()
      const response = await handlerFor(upstream, { onError })(postJson({}))
      expect(response.status).toBe(502)
      expect(response.headers.get('cache-control')).toBe('no-store')
      const text = await response.text()
      expect(JSON.parse(text).error.code).toBe('upstream_error')
      expect(text).toContain('401')
      for (const secret of ['internal-secret-xyz', API_KEY, CREDENTIAL]) expect(text).not.toContain(secret)
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'api_error', status: 401 }), expect.any(Request))
    })

    it('answers 502 after the retries are spent, waiting the default backoff between them', async () => {
      const clock = useFakeClock()
      // Jitter at its low end: the first step is then half of the 300 ms default.
      const random = vi.spyOn(Math, 'random').mockReturnValue(0)
      onTestFinished(() => random.mockRestore())
      const api = scriptedFetch(statusAnswer(503), statusAnswer(503))
      const pending = createConnectSessionHandler({
        apiKey: API_KEY,
        resolveOwner: () => OWNER,
        onError: () => {},
        fetch: api.fetch,
        retries: 1,
      })(postJson({}))
      await clock.waiting(150)
      await vi.advanceTimersByTimeAsync(150)
      expect((await pending).status).toBe(502)
      expect(api.calls).toEqual([api.calls[0], (api.calls[0] ?? 0) + 150])
    })

    it('answers 502 when the API does not answer in time', async () => {
      const upstream = await startUpstream(hang)
      const response = await handlerFor(upstream, { timeoutMs: 50 })(postJson({}))
      expect(response.status).toBe(502)
    })
  })

  describe('given misconfiguration', () => {
    it('throws at creation, not per request', () => {
      const resolveOwner = () => OWNER
      expect(() => createConnectSessionHandler({ apiKey: '', resolveOwner })).toThrow(/needs apiKey/)
      expect(() => createConnectSessionHandler({ apiKey: API_KEY, resolveOwner, maxBodyBytes: 0 })).toThrow(/maxBodyBytes/)
      expect(() => createConnectSessionHandler({ apiKey: API_KEY, resolveOwner, defaults: { categories: ['nope' as 'ats'] } })).toThrow(
        /categories\[0\]/,
      )
      const withOwner = { originOwnerId: 'x' } as unknown as NonNullable<ConnectSessionHandlerOptions['defaults']>
      expect(() => createConnectSessionHandler({ apiKey: API_KEY, resolveOwner, defaults: withOwner })).toThrow(/resolveOwner/)
    })
  })
})
