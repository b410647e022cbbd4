import { ConnectHubError } from '../errors.ts'
import { LIMITS } from '../protocol/limits.ts'
import { DEFAULT_EXPIRES_IN } from '../session/fields.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'
import type { Token } from './token.ts'

/** Refresh this long before the expiry, so a token is never handed over with seconds to live. */
const margin = (lifetimeMs: number) => Math.min(30_000, lifetimeMs / 10)

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
