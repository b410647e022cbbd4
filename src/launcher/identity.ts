import type { ConnectHubOptions } from './types.ts'

// A token serves one user. These say when new options may stand for another one.

/** The host names who is signed in (`identity`), and that changed. */
export const identityChanged = (a: ConnectHubOptions, b: ConnectHubOptions): boolean =>
  (a.identity !== undefined || b.identity !== undefined) && !Object.is(a.identity, b.identity)

/**
 * The options may stand for another user: `identity` changed or, when the host names none, the `getToken`
 * function did (one bound to another organisation, say).
 */
export const userChanged = (a: ConnectHubOptions, b: ConnectHubOptions): boolean =>
  a.identity === undefined && b.identity === undefined ? a.getToken !== b.getToken : identityChanged(a, b)
