import { inspect } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import { ConnectHubError } from '../../../src/errors'
import { createConnectSession } from '../../../src/server'
import { connectSessionCreateSchema, toConnectSessionRequest } from '../../../src/session'
import {
  API_KEY,
  CREDENTIAL,
  created,
  createdAnswer,
  drop,
  hang,
  scriptedFetch,
  sendJson,
  startUpstream,
  status,
  statusAnswer,
  useFakeClock,
} from './upstream'

const session = { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc', categories: ['hris' as const], type: 'TEST' as const }
// Backoff without Retry-After stays in the millisecond range.
const fast = { apiKey: API_KEY, retryDelayMs: 1 }

async function failure(promise: Promise<unknown>): Promise<ConnectHubError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ConnectHubError)
  return error as ConnectHubError
}

/** Everything an error could show in a log: message, stack, cause chain, body, own properties. */
function serialised(error: unknown): string {
  return `${inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })}\n${JSON.stringify(error, Object.getOwnPropertyNames(error))}`
}

describe('createConnectSession', () => {
  describe('given a valid session → when the API answers 201', () => {
    it('posts the snake_case body with Basic auth to {baseUrl}/connect_sessions and returns the token', async () => {
      const upstream = await startUpstream(created())
      const result = await createConnectSession(session, { ...fast, baseUrl: upstream.url })

      expect(upstream.requests).toHaveLength(1)
      const [request] = upstream.requests
      expect(request?.method).toBe('POST')
      expect(request?.url).toBe('/connect_sessions')
      expect(request?.headers.authorization).toBe(`Basic ${CREDENTIAL}`)
      expect(request?.headers['content-type']).toBe('application/json')
      expect(request?.json).toEqual(toConnectSessionRequest(session))
      expect(result.token).toBe('session-token-123')
      expect(result.session).toMatchObject({
        id: 42,
        organizationId: 7,
        projectId: 'project-1',
        originOwnerId: 'customer-42',
        originOwnerName: 'Acme Inc',
        categories: ['hris'],
        type: 'test',
        authLinkUrl: 'https://app.stackone.com/connect',
      })
      expect(result.authLinkUrl).toBe('https://app.stackone.com/connect?token=session-token-123')
      expect(result.session).not.toHaveProperty('token')
      expect(JSON.stringify(result.session)).not.toContain(result.token)
      expect(result.session).not.toHaveProperty('accountId')
    })

    it('validates the session once', async () => {
      const upstream = await startUpstream(created())
      const parse = vi.spyOn(connectSessionCreateSchema, 'safeParse')
      try {
        await createConnectSession(session, { ...fast, baseUrl: upstream.url })
        expect(parse).toHaveBeenCalledTimes(1)
      } finally {
        parse.mockRestore()
      }
    })

    it('keeps a path in baseUrl and ignores its trailing slash', async () => {
      const upstream = await startUpstream(created())
      await createConnectSession(session, { ...fast, baseUrl: `${upstream.url}/stackone/` })
      expect(upstream.requests[0]?.url).toBe('/stackone/connect_sessions')
    })

    it('computes expiresAt from created_at and the requested expiresIn', async () => {
      const upstream = await startUpstream(created())
      const result = await createConnectSession({ ...session, expiresIn: 600 }, { ...fast, baseUrl: upstream.url })
      expect(Date.parse(result.expiresAt) - Date.parse(result.session.createdAt)).toBe(600_000)
    })

    it('uses 1800 seconds when no expiresIn was requested', async () => {
      const upstream = await startUpstream(created())
      const result = await createConnectSession(session, { ...fast, baseUrl: upstream.url })
      expect(Date.parse(result.expiresAt) - Date.parse(result.session.createdAt)).toBe(1_800_000)
    })

    it('does not let a server clock hours behind make the token look expired already', async () => {
      const upstream = await startUpstream(created({ created_at: new Date(Date.now() - 3 * 3600_000).toISOString() }))
      const before = Date.now()
      const result = await createConnectSession(session, { ...fast, baseUrl: upstream.url })
      expect(Date.parse(result.expiresAt)).toBeGreaterThanOrEqual(before + 1_800_000)
    })
  })

  describe('given an invalid session', () => {
    it('rejects with invalid_session and sends nothing', async () => {
      const upstream = await startUpstream(created())
      const error = await failure(createConnectSession({ originOwnerId: '', originOwnerName: 'Acme' }, { ...fast, baseUrl: upstream.url }))
      expect(error.code).toBe('invalid_session')
      expect(error.issues?.[0]?.path).toEqual(['originOwnerId'])
      expect(upstream.requests).toHaveLength(0)
    })
  })

  describe('given the API fails, then recovers', () => {
    it.each([500, 503, 408])('retries a %i and succeeds on the third attempt', async (code) => {
      const upstream = await startUpstream(status(code), status(code), created())
      const result = await createConnectSession(session, { ...fast, baseUrl: upstream.url })
      expect(result.token).toBe('session-token-123')
      expect(upstream.requests).toHaveLength(3)
    })

    it('retries a dropped connection', async () => {
      const upstream = await startUpstream(drop, created())
      await createConnectSession(session, { ...fast, baseUrl: upstream.url })
      expect(upstream.requests).toHaveLength(2)
    })

    it('honours Retry-After in seconds on a 429', async () => {
      const clock = useFakeClock()
      const api = scriptedFetch(statusAnswer(429, { 'retry-after': '1' }), createdAnswer())
      const pending = createConnectSession(session, { ...fast, fetch: api.fetch })
      await clock.waiting(1000)
      await vi.advanceTimersByTimeAsync(999)
      expect(api.calls).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1)
      expect((await pending).token).toBe('session-token-123')
      expect(api.calls).toEqual([api.calls[0], (api.calls[0] ?? 0) + 1000])
    })

    it('honours Retry-After as an HTTP date, capped at maxRetryDelayMs', async () => {
      const clock = useFakeClock()
      const inAnHour = new Date(Date.now() + 3600_000).toUTCString()
      const api = scriptedFetch(statusAnswer(503, { 'retry-after': inAnHour }), createdAnswer())
      const pending = createConnectSession(session, { ...fast, fetch: api.fetch, maxRetryDelayMs: 80 })
      await clock.waiting(80)
      await vi.advanceTimersByTimeAsync(80)
      await pending
      expect(api.calls).toEqual([api.calls[0], (api.calls[0] ?? 0) + 80])
    })

    it('caps a long Retry-After in seconds too', async () => {
      const clock = useFakeClock()
      const api = scriptedFetch(statusAnswer(429, { 'retry-after': '3600' }), createdAnswer())
      const pending = createConnectSession(session, { ...fast, fetch: api.fetch, maxRetryDelayMs: 60 })
      await clock.waiting(60)
      await vi.advanceTimersByTimeAsync(60)
      await pending
      expect(api.calls).toEqual([api.calls[0], (api.calls[0] ?? 0) + 60])
    })
  })

  describe('given the API keeps failing', () => {
    it('gives up after 1 + retries attempts with the last status and body', async () => {
      const upstream = await startUpstream(
        status(500, { statusCode: 500, message: 'first' }),
        status(502, { statusCode: 502, message: 'last' }),
      )
      const error = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url, retries: 3 }))
      expect(upstream.requests).toHaveLength(4)
      expect(error.code).toBe('api_error')
      expect(error.status).toBe(502)
      expect(error.body).toEqual({ statusCode: 502, message: 'last' })
      expect(error.message).toMatch(/^react-connect-hub: the session API answered 502 \(last\) — .*after 4 attempts/)
    })

    it('makes a single attempt with retries: 0', async () => {
      const upstream = await startUpstream(status(503))
      await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url, retries: 0 }))
      expect(upstream.requests).toHaveLength(1)
    })

    it('reports network_error with the cause when the API cannot be reached', async () => {
      const upstream = await startUpstream(drop)
      const error = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url }))
      expect(error.code).toBe('network_error')
      expect(error.message).toContain(upstream.url)
      expect(error.cause).toBeInstanceOf(Error)
      expect(upstream.requests).toHaveLength(3)
    })
  })

  describe('given a client error', () => {
    it.each([400, 401, 404, 422])('never retries a %i and reports its status and parsed body', async (code) => {
      const body = { statusCode: code, message: 'Nope', timestamp: '2025-01-01T00:00:00.000Z' }
      const upstream = await startUpstream(status(code, body), created())
      const error = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url }))
      expect(upstream.requests).toHaveLength(1)
      expect(error.code).toBe('api_error')
      expect(error.status).toBe(code)
      expect(error.body).toEqual(body)
    })

    it('keeps a body that is not JSON as text', async () => {
      const upstream = await startUpstream((res) => res.writeHead(400, { 'content-type': 'text/plain' }).end('bad things'))
      const error = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url }))
      expect(error.body).toBe('bad things')
    })

    it('does not follow a redirect, so the key never travels elsewhere', async () => {
      const elsewhere = await startUpstream(created())
      const upstream = await startUpstream((res) => res.writeHead(307, { location: `${elsewhere.url}/connect_sessions` }).end())
      const error = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url }))
      expect(error.status).toBe(307)
      expect(elsewhere.requests).toHaveLength(0)
    })
  })

  describe('given an answer that is not a connect session', () => {
    it('rejects with api_error naming the bad fields but not the token', async () => {
      const upstream = await startUpstream(created({ id: 'not-a-number', auth_link_url: undefined, token: 'leaky-token' }))
      const error = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url }))
      expect(error.code).toBe('api_error')
      expect(error.status).toBe(201)
      expect(error.message).toContain('id')
      expect(error.message).toContain('auth_link_url')
      expect(serialised(error)).not.toContain('leaky-token')
    })
  })

  describe('given an abort signal', () => {
    it('aborts a request the API is still working on', async () => {
      const upstream = await startUpstream(hang)
      const controller = new AbortController()
      const pending = failure(createConnectSession(session, { ...fast, baseUrl: upstream.url, signal: controller.signal }))
      await upstream.received(1)
      const reason = new Error('user left')
      controller.abort(reason)
      const error = await pending
      expect(error.code).toBe('network_error')
      expect(error.message).toContain('aborted')
      // A copy of what the caller's reason says, never the caller's object itself.
      expect(error.cause).not.toBe(reason)
      expect(error.cause).toMatchObject({ name: 'Error', message: 'user left' })
      expect(upstream.requests).toHaveLength(1)
    })

    it('aborts the wait between attempts', async () => {
      const upstream = await startUpstream(status(503, undefined, { 'retry-after': '3600' }))
      const controller = new AbortController()
      const pending = failure(createConnectSession(session, { ...fast, baseUrl: upstream.url, signal: controller.signal }))
      await upstream.received(1)
      controller.abort()
      expect((await pending).message).toContain('aborted')
      expect(upstream.requests).toHaveLength(1)
    })

    it('sends nothing when the signal is already aborted', async () => {
      const upstream = await startUpstream(created())
      const error = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url, signal: AbortSignal.abort() }))
      expect(error.code).toBe('network_error')
      expect(upstream.requests).toHaveLength(0)
    })
  })

  describe('given a hanging API', () => {
    it('times out after timeoutMs without retrying', async () => {
      const upstream = await startUpstream(hang)
      const error = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url, timeoutMs: 50 }))
      expect(error.code).toBe('network_error')
      expect(error.message).toContain('did not answer within 50 ms')
      expect(upstream.requests).toHaveLength(1)
    })

    it('times out when the headers arrive but the body never ends', async () => {
      const upstream = await startUpstream((res) => {
        res.writeHead(201, { 'content-type': 'application/json' })
        res.write('{"token":')
      })
      const error = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url, timeoutMs: 100 }))
      expect(error.message).toContain('did not answer within 100 ms')
    })
  })

  describe('never reveals the API key', () => {
    it('redacts an error body that echoes the credentials', async () => {
      const upstream = await startUpstream((res, { headers }) =>
        sendJson(res, 401, { statusCode: 401, message: `bad key ${API_KEY}`, authorization: headers.authorization }),
      )
      const error = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url }))
      expect(error.status).toBe(401)
      expect(error.body).toEqual({ statusCode: 401, message: 'bad key [redacted]', authorization: 'Basic [redacted]' })
      expect(serialised(error)).not.toContain(API_KEY)
      expect(serialised(error)).not.toContain(CREDENTIAL)
    })

    it('replaces a network failure whose cause describes the request', async () => {
      const leakyFetch: typeof fetch = async (_url, init) => {
        throw new TypeError('fetch failed', { cause: new Error(`socket hang up sending ${JSON.stringify(init?.headers)}`) })
      }
      const error = await failure(createConnectSession(session, { ...fast, fetch: leakyFetch, retries: 0 }))
      expect(error.code).toBe('network_error')
      expect(error.cause).toBeInstanceOf(Error)
      expect(serialised(error)).not.toContain(CREDENTIAL)
      expect(serialised(error)).not.toContain(API_KEY)
    })

    it('does not put the key in a timeout or abort error', async () => {
      const upstream = await startUpstream(hang)
      const timedOut = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url, timeoutMs: 20 }))
      const aborted = await failure(createConnectSession(session, { ...fast, baseUrl: upstream.url, signal: AbortSignal.abort(API_KEY) }))
      for (const error of [timedOut, aborted]) {
        expect(serialised(error)).not.toContain(API_KEY)
        expect(serialised(error)).not.toContain(CREDENTIAL)
      }
    })
  })

  describe('given misconfiguration', () => {
    it('throws an actionable error for a missing apiKey or a relative baseUrl', async () => {
      await expect(createConnectSession(session, { apiKey: '' })).rejects.toThrow(/react-connect-hub: createConnectSession needs apiKey/)
      await expect(createConnectSession(session, { apiKey: API_KEY, baseUrl: '/api' })).rejects.toThrow(/is not an absolute URL/)
      await expect(createConnectSession(session, { apiKey: API_KEY, retries: -1 })).rejects.toThrow(/retries must be an integer/)
    })
  })
})
