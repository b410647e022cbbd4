import { ConnectHubError } from '../errors.ts'
import { LIMITS } from '../protocol/messages.ts'
import { DEFAULT_EXPIRES_IN } from '../session/fields.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'

/** What `getToken` may resolve to: the token, or the token with its expiry. */
export type TokenResult = string | { token: string; expiresAt?: string | number | Date | undefined }

/**
 * Asks your backend for a connect-session token for `session`. Abort the request when `signal` aborts
 * (the user closed the hub or the component unmounted).
 */
export type GetToken = (session: NormalizedConnectSessionOptions, context: { signal: AbortSignal }) => Promise<TokenResult> | TokenResult

/** A token the launcher holds for one open. */
export interface Token {
  token: string
  /** Epoch milliseconds. */
  expiresAt: number
  /** Epoch milliseconds after which the token is fetched again rather than handed to a hub. */
  staleAt: number
}

/** Refresh this long before the expiry, so a token is never handed over with seconds to live. */
const margin = (lifetimeMs: number) => Math.min(30_000, lifetimeMs / 10)

export const isFresh = (token: Token | undefined, now = Date.now()): token is Token => token !== undefined && token.staleAt > now

/** Checks what `getToken` resolved to; throws `invalid_token` with what to return instead. */
export function toToken(result: unknown, session: NormalizedConnectSessionOptions, now: number): Token {
  const invalid = (detail: string) =>
    new ConnectHubError('invalid_token', `getToken ${detail} — resolve to the token string or to { token, expiresAt? }`)
  const value = typeof result === 'object' && result !== null ? (result as { token?: unknown }).token : result
  if (typeof value !== 'string')
    throw invalid(`returned ${result === null ? 'null' : typeof value === 'undefined' ? 'no token' : `a ${typeof value}`}`)
  if (value.trim() === '') throw invalid('returned an empty token')
  if (value.length > LIMITS.token) throw invalid(`returned a token of ${value.length} characters (at most ${LIMITS.token})`)
  const raw = typeof result === 'object' && result !== null ? (result as { expiresAt?: unknown }).expiresAt : undefined
  let expiresAt = now + (session.expiresIn ?? DEFAULT_EXPIRES_IN) * 1000
  if (raw !== undefined) {
    expiresAt = raw instanceof Date ? raw.getTime() : typeof raw === 'string' ? Date.parse(raw) : typeof raw === 'number' ? raw : Number.NaN
    if (!Number.isFinite(expiresAt))
      throw invalid('returned an expiresAt that is not a date (use an ISO string, epoch milliseconds or a Date)')
    if (expiresAt <= now) throw invalid(`returned a token that expired at ${new Date(expiresAt).toISOString()}`)
  }
  return { token: value, expiresAt, staleAt: expiresAt - margin(expiresAt - now) }
}
