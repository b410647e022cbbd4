import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { NormalizedConnectSessionOptions } from '../../../src/index.ts'
import { createTokenSource, type GetToken } from '../../../src/token/tokenSource.ts'

const session: NormalizedConnectSessionOptions = { provider: 'hibob' }

function source(getToken: GetToken, timeoutMs = 1000) {
  return createTokenSource({ getToken: () => getToken, timeoutMs: () => timeoutMs })
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('given a token source', () => {
  it('when asked several times at once → getToken is called once and everyone gets its token', async () => {
    const getToken = vi.fn<GetToken>(async () => 'tok')
    const tokens = source(getToken)
    const results = await Promise.all([tokens.get('k', session), tokens.get('k', session), tokens.get('k', session)])
    expect(getToken).toHaveBeenCalledTimes(1)
    expect(results.map((token) => token.token)).toEqual(['tok', 'tok', 'tok'])
  })

  it('when getToken gives expiresAt → the token is reused until shortly before then, then fetched again', async () => {
    let n = 0
    const getToken = vi.fn<GetToken>(async () => ({ token: `tok${++n}`, expiresAt: new Date(Date.now() + 600_000).toISOString() }))
    const tokens = source(getToken)
    expect((await tokens.get('k', session)).token).toBe('tok1')
    vi.advanceTimersByTime(600_000 - 31_000)
    expect((await tokens.get('k', session)).token).toBe('tok1')
    vi.advanceTimersByTime(2_000)
    expect((await tokens.get('k', session)).token).toBe('tok2')
    expect(getToken).toHaveBeenCalledTimes(2)
  })

  it.each([
    ['expiresIn of the session', { expiresIn: 60 }, 60_000],
    ["StackOne's default of 1800 s", {}, 1_800_000],
  ])('when getToken gives no expiry → the lifetime is the %s', async (_, options, lifetime) => {
    const getToken = vi.fn<GetToken>(async () => 'tok')
    const tokens = source(getToken)
    const token = await tokens.get('k', options)
    expect(token.expiresAt).toBe(Date.now() + lifetime)
  })

  it('when forced → it skips the cache', async () => {
    const getToken = vi.fn<GetToken>(async () => 'tok')
    const tokens = source(getToken)
    await tokens.get('k', session)
    await tokens.get('k', session, true)
    expect(getToken).toHaveBeenCalledTimes(2)
  })

  it('when the session key changes → the request in flight for the old one is aborted', async () => {
    const signals: AbortSignal[] = []
    const tokens = source((_, { signal }) => {
      signals.push(signal)
      return new Promise(() => {})
    })
    const first = tokens.get('a', session)
    void tokens.get('b', session).catch(() => {})
    await expect(first).rejects.toMatchObject({ name: 'AbortError' })
    expect(signals.map((signal) => signal.aborted)).toEqual([true, false])
  })

  it('when aborted → getToken sees its signal abort and the caller gets an AbortError', async () => {
    let signal: AbortSignal | undefined
    const tokens = source((_, context) => {
      signal = context.signal
      return new Promise(() => {})
    })
    const pending = tokens.get('k', session)
    tokens.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect(signal?.aborted).toBe(true)
  })

  it('when getToken hangs past the timeout → token_timeout, and its signal aborts', async () => {
    let signal: AbortSignal | undefined
    const tokens = source((_, context) => {
      signal = context.signal
      return new Promise(() => {})
    }, 5000)
    const pending = tokens.get('k', session)
    const assertion = expect(pending).rejects.toMatchObject({ code: 'token_timeout' })
    vi.advanceTimersByTime(5000)
    await assertion
    expect(signal?.aborted).toBe(true)
  })

  it('when it failed once → the next call asks again', async () => {
    const getToken = vi.fn<GetToken>().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce('tok')
    const tokens = source(getToken)
    await expect(tokens.get('k', session)).rejects.toMatchObject({ code: 'token_failed' })
    await expect(tokens.get('k', session)).resolves.toMatchObject({ token: 'tok' })
  })
})

describe('given a getToken that misbehaves', () => {
  const error = new Error('backend down')
  it.each<[string, GetToken, string, RegExp]>([
    ['rejects with an Error', () => Promise.reject(error), 'token_failed', /getToken failed: backend down/],
    ['rejects with a string', () => Promise.reject('nope'), 'token_failed', /getToken failed: nope/],
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
    const tokens = source(getToken)
    const failure = await tokens.get('k', session).catch((reason: unknown) => reason)
    expect(failure).toMatchObject({ name: 'ConnectHubError', code })
    expect((failure as Error).message).toMatch(/^react-connect-hub: /)
    expect((failure as Error).message).toMatch(message)
  })

  it('when it rejects → the original error is the cause', async () => {
    const tokens = source(() => Promise.reject(error))
    await expect(tokens.get('k', session)).rejects.toMatchObject({ cause: error })
  })
})
