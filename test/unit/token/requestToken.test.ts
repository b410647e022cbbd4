import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { NormalizedConnectSessionOptions } from '../../../src/index.ts'
import { requestToken } from '../../../src/token/requestToken.ts'
import { type GetToken, isFresh } from '../../../src/token/token.ts'

const session: NormalizedConnectSessionOptions = { provider: 'hibob' }

const request = (getToken: GetToken, timeoutMs = 1000, options: NormalizedConnectSessionOptions = session) =>
  requestToken(getToken, options, timeoutMs)

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('given a token request', () => {
  it('when getToken resolves → the token, with the validated session and an AbortSignal passed in', async () => {
    const getToken = vi.fn<GetToken>(async () => 'tok')
    await expect(request(getToken).promise).resolves.toMatchObject({ token: 'tok' })
    expect(getToken).toHaveBeenCalledWith(session, { signal: expect.any(AbortSignal) })
  })

  it('when getToken gives expiresAt → the token is fresh until shortly before then', async () => {
    const getToken = vi.fn<GetToken>(async () => ({ token: 'tok', expiresAt: new Date(Date.now() + 600_000).toISOString() }))
    const token = await request(getToken).promise
    expect(token.expiresAt).toBe(Date.now() + 600_000)
    vi.advanceTimersByTime(600_000 - 31_000)
    expect(isFresh(token)).toBe(true)
    vi.advanceTimersByTime(2_000)
    expect(isFresh(token)).toBe(false)
  })

  it.each([
    ['expiresIn of the session', { expiresIn: 60 }, 60_000],
    ["StackOne's default of 1800 s", {}, 1_800_000],
  ])('when getToken gives no expiry → the lifetime is the %s', async (_, options, lifetime) => {
    const token = await request(async () => 'tok', 1000, options).promise
    expect(token.expiresAt).toBe(Date.now() + lifetime)
  })

  it('when aborted → getToken sees its signal abort and the caller gets an AbortError', async () => {
    let signal: AbortSignal | undefined
    const pending = request((_, context) => {
      signal = context.signal
      return new Promise(() => {})
    })
    await Promise.resolve()
    pending.abort()
    await expect(pending.promise).rejects.toMatchObject({ name: 'AbortError' })
    expect(signal?.aborted).toBe(true)
  })

  it('when getToken hangs past the timeout → token_timeout, and its signal aborts', async () => {
    let signal: AbortSignal | undefined
    const pending = request((_, context) => {
      signal = context.signal
      return new Promise(() => {})
    }, 5000)
    const assertion = expect(pending.promise).rejects.toMatchObject({ code: 'token_timeout' })
    vi.advanceTimersByTime(5000)
    await assertion
    expect(signal?.aborted).toBe(true)
  })
})

describe('given a getToken that misbehaves', () => {
  const error = new Error('backend down')
  it.each<[string, GetToken, string, RegExp]>([
    ['rejects with an Error', () => Promise.reject(error), 'token_failed', /getToken failed: backend down/],
    ['rejects with a string', () => Promise.reject('nope'), 'token_failed', /getToken failed: nope/],
    ['rejects with an object without a prototype', () => Promise.reject(Object.create(null)), 'token_failed', /getToken failed: /],
    [
      'throws synchronously',
      () => {
        throw error
      },
      'token_failed',
      /getToken failed: backend down/,
    ],
    ['returns undefined', async () => undefined as unknown as string, 'invalid_token', /returned no token/],
    ['returns null', async () => null as unknown as string, 'invalid_token', /returned null/],
    ['returns an empty string', async () => '', 'invalid_token', /returned an empty token/],
    ['returns blanks', async () => '   ', 'invalid_token', /returned an empty token/],
    ['returns a number', async () => 42 as unknown as string, 'invalid_token', /returned a number/],
    ['returns { token: "" }', async () => ({ token: '' }), 'invalid_token', /returned an empty token/],
    ['returns a 1 MB string', async () => 'x'.repeat(1 << 20), 'invalid_token', /1048576 characters/],
    ['returns an already expired token', async () => ({ token: 't', expiresAt: Date.now() - 1 }), 'invalid_token', /expired at/],
    ['returns an expiresAt that is no date', async () => ({ token: 't', expiresAt: 'soon' }), 'invalid_token', /not a date/],
  ])('when it %s → the documented error, never an unhandled rejection', async (_, getToken, code, message) => {
    const failure = await request(getToken).promise.catch((reason: unknown) => reason)
    expect(failure).toMatchObject({ name: 'ConnectHubError', code })
    expect((failure as Error).message).toMatch(/^react-connect-hub: /)
    expect((failure as Error).message).toMatch(message)
  })

  it('when it rejects → the original error is the cause', async () => {
    await expect(request(() => Promise.reject(error)).promise).rejects.toMatchObject({ cause: error })
  })
})
