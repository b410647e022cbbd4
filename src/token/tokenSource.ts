import { ConnectHubError } from '../errors.ts'
import { LIMITS } from '../protocol/messages.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'

/** What `getToken` may resolve to: the token, or the token with its expiry. */
export type TokenResult = string | { token: string; expiresAt?: string | number | Date | undefined }

/**
 * Asks your backend for a connect-session token for `session`. Abort the request when `signal` aborts
 * (the user closed the hub or the component unmounted).
 */
export type GetToken = (session: NormalizedConnectSessionOptions, context: { signal: AbortSignal }) => Promise<TokenResult> | TokenResult

export interface Token {
  token: string
  /** Epoch milliseconds. */
  expiresAt: number
  /** Epoch milliseconds after which the token is fetched again rather than handed to a hub. */
  staleAt: number
}

export interface TokenSourceOptions {
  getToken: () => GetToken
  timeoutMs: () => number
  now?: () => number
}

interface Entry {
  key: string
  promise?: Promise<Token>
  controller?: AbortController
  token?: Token
}

const DEFAULT_LIFETIME_S = 1800

/** Refresh this long before the expiry, so a token is never handed over with seconds to live. */
const margin = (lifetimeMs: number) => Math.min(30_000, lifetimeMs / 10)

function toToken(result: unknown, session: NormalizedConnectSessionOptions, now: number): Token {
  const invalid = (detail: string) =>
    new ConnectHubError('invalid_token', `getToken ${detail} — resolve to the token string or to { token, expiresAt? }`)
  const value = typeof result === 'object' && result !== null ? (result as { token?: unknown }).token : result
  if (typeof value !== 'string')
    throw invalid(`returned ${result === null ? 'null' : typeof value === 'undefined' ? 'no token' : `a ${typeof value}`}`)
  if (value.trim() === '') throw invalid('returned an empty token')
  if (value.length > LIMITS.token) throw invalid(`returned a token of ${value.length} characters (at most ${LIMITS.token})`)
  const raw = typeof result === 'object' && result !== null ? (result as { expiresAt?: unknown }).expiresAt : undefined
  let expiresAt = now + (session.expiresIn ?? DEFAULT_LIFETIME_S) * 1000
  if (raw !== undefined) {
    expiresAt = raw instanceof Date ? raw.getTime() : typeof raw === 'string' ? Date.parse(raw) : typeof raw === 'number' ? raw : Number.NaN
    if (!Number.isFinite(expiresAt))
      throw invalid('returned an expiresAt that is not a date (use an ISO string, epoch milliseconds or a Date)')
    if (expiresAt <= now) throw invalid(`returned a token that expired at ${new Date(expiresAt).toISOString()}`)
  }
  return { token: value, expiresAt, staleAt: expiresAt - margin(expiresAt - now) }
}

/**
 * Fetches tokens through the host's `getToken`: one request at a time per session key, shared by every
 * caller (double clicks, StrictMode, prefetch + click); cached until shortly before expiry.
 */
export function createTokenSource({ getToken, timeoutMs, now = Date.now }: TokenSourceOptions) {
  let entry: Entry | undefined

  const fresh = (token: Token | undefined): token is Token => token !== undefined && token.staleAt > now()

  function request(session: NormalizedConnectSessionOptions, target: Entry): Promise<Token> {
    const controller = new AbortController()
    target.controller = controller
    const promise = new Promise<Token>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new ConnectHubError(
            'token_timeout',
            `getToken did not settle within ${timeoutMs()} ms — check your token endpoint or raise tokenTimeout`,
          ),
        )
        controller.abort()
      }, timeoutMs())
      controller.signal.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(new DOMException('The token request was aborted', 'AbortError'))
      })
      Promise.resolve()
        .then(() => getToken()(session, { signal: controller.signal }))
        .then(
          (result) => toToken(result, session, now()),
          (cause: unknown) => {
            throw new ConnectHubError('token_failed', `getToken failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
              cause,
            })
          },
        )
        .then(resolve, reject)
        .finally(() => clearTimeout(timer))
    })
    target.promise = promise
    promise.then(
      (token) => {
        if (entry === target) {
          target.token = token
          delete target.promise
          delete target.controller
        }
      },
      () => {
        if (entry === target) entry = undefined
      },
    )
    return promise
  }

  return {
    /** A usable token for `session`; `force` skips the cache (after the hub reported it expired). */
    get(key: string, session: NormalizedConnectSessionOptions, force = false): Promise<Token> {
      if (entry?.key !== key) {
        entry?.controller?.abort()
        entry = { key }
      }
      if (entry.promise) return entry.promise
      if (!force && fresh(entry.token)) return Promise.resolve(entry.token)
      return request(session, entry)
    },
    /** The cached token for `key`, if it is still fresh. */
    peek(key: string): Token | undefined {
      return entry?.key === key && fresh(entry.token) ? entry.token : undefined
    },
    /** Aborts the request in flight, keeping what is cached. */
    abort() {
      if (entry?.controller) {
        entry.controller.abort()
        entry = entry.token && fresh(entry.token) ? { key: entry.key, token: entry.token } : undefined
      }
    },
  }
}

export type TokenSource = ReturnType<typeof createTokenSource>
