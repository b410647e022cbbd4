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

export const isFresh = (token: Token | undefined, now = Date.now()): token is Token => token !== undefined && token.staleAt > now
