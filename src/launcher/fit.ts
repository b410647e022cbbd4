import { sessionKey, valueKey } from './session.ts'
import type { ConnectHubOptions } from './types.ts'

/** The inputs besides the session options that a run is made for, compared by identity. */
const MADE_FOR = ['hubUrl', 'hub', 'container', 'getToken', 'identity', 'locale'] as const

/** What becomes of a run when the options change: it goes on, a pre-loaded one is dropped, or one on screen closes. */
export type Fate = 'keep' | 'drop' | 'close'

/**
 * The one rule for what a run — a prefetch, or an open — is made for: the session options, the hub (`hubUrl`, `hub`,
 * `display`, `container`), the token source (`getToken`), `identity`, the locale and the appearance (by value). A
 * pre-loaded run that differs in any of them is dropped before it is shown, and its token with it: a new `getToken`
 * may be bound to another organisation, whatever `identity` says. A run on screen keeps running, except that a change
 * of `identity` closes it: its token served the user who left.
 */
export function fate(made: ConnectHubOptions, now: ConnectHubOptions, shown: boolean): Fate {
  if (shown) return Object.is(made.identity, now.identity) ? 'keep' : 'close'
  const fits =
    MADE_FOR.every((input) => Object.is(made[input], now[input])) &&
    (made.display ?? 'modal') === (now.display ?? 'modal') &&
    valueKey(made.appearance) === valueKey(now.appearance) &&
    sessionKey(made) === sessionKey(now)
  return fits ? 'keep' : 'drop'
}
