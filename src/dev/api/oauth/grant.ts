import type { Provider } from '../../catalog.ts'
import type { Grant } from '../../provider/index.ts'
import { type DevAccount, type DevSession, type DevStore, sessionAccount } from '../store.ts'

/**
 * Stores what the provider granted: a new account of the session's owner, or — in edit mode, and without `multiple`
 * for a provider the owner already connected — the same account authorised again (same id, new tokens).
 * Returns `undefined` when the edited account is gone or belongs to someone else.
 */
export function accountFromGrant(options: {
  store: DevStore
  now: () => number
  session: DevSession
  provider: Provider
  grant: Grant
  accountId: string | undefined
}): DevAccount | undefined {
  const { store, session, provider, grant } = options
  const setupInformation = { scopes: grant.scopes.join(' ') }
  // Kept like any other secret: stored, never sent back.
  const secrets = { access_token: grant.accessToken, refresh_token: grant.refreshToken }
  const owned = (account: DevAccount | undefined) =>
    account && account.originOwnerId === session.originOwnerId && account.provider === provider.key ? account : undefined

  const existing =
    options.accountId !== undefined
      ? owned(store.accounts.get(options.accountId))
      : session.multiple
        ? undefined
        : [...store.accounts.values()].find((account) => owned(account))
  if (options.accountId !== undefined && !existing) return undefined
  if (existing) {
    Object.assign(existing, { setupInformation, secrets, updatedAt: options.now() })
    return existing
  }
  return store.addAccount(sessionAccount(session, provider, { setupInformation, secrets }))
}
