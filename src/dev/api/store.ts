import type { NormalizedConnectSessionCreate } from '../../session/create.ts'
import type { JsonObject } from '../../session/metadata.ts'
import type { AccountType } from '../../session/schema.ts'
import { randomToken } from '../tokens.ts'

/** A connect session as the dev API keeps it. */
export interface DevSession extends NormalizedConnectSessionCreate {
  id: number
  token: string
  /** Milliseconds since the epoch, from the injected clock. */
  createdAt: number
  expiresAt: number
}

/** A connected account as the dev API keeps it. `secrets` never leave the store. */
export interface DevAccount {
  id: string
  provider: string
  providerName: string
  originOwnerId: string
  originOwnerName: string
  originUsername?: string
  label?: string
  metadata?: JsonObject
  type: AccountType
  /** The non-secret credential fields, e.g. a subdomain. */
  setupInformation: Record<string, string>
  secrets: Record<string, string>
  createdAt: number
  updatedAt: number
}

/** The dev API's in-memory state: inspect it in tests, seed it, or `reset()` it between tests. */
export interface DevStore {
  /** Sessions by token. */
  readonly sessions: Map<string, DevSession>
  /** Accounts by id. */
  readonly accounts: Map<string, DevAccount>
  /** Adds an account directly, as if the hub had connected it. Returns it. */
  addAccount(account: Omit<DevAccount, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }): DevAccount
  /** The session a token stands for, or `undefined` when it is unknown or expired. */
  sessionFor(token: string): DevSession | undefined
  /** Forgets every expired session (the dev API does so before each request); returns how many. */
  prune(): number
  /** Forgets every session and account. */
  reset(): void
}

/** A new account of the session's owner for `provider`, with the session's details: what both ways of connecting store. */
export function sessionAccount(
  session: DevSession,
  provider: { key: string; name: string },
  credentials: Pick<DevAccount, 'setupInformation' | 'secrets'>,
): Omit<DevAccount, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    provider: provider.key,
    providerName: provider.name,
    originOwnerId: session.originOwnerId,
    originOwnerName: session.originOwnerName,
    ...(session.originUsername !== undefined ? { originUsername: session.originUsername } : {}),
    ...(session.label !== undefined ? { label: session.label } : {}),
    ...(session.metadata !== undefined ? { metadata: session.metadata } : {}),
    type: session.type ?? 'production',
    ...credentials,
  }
}

export function createDevStore(now: () => number = Date.now): DevStore {
  const sessions = new Map<string, DevSession>()
  const accounts = new Map<string, DevAccount>()
  return {
    sessions,
    accounts,
    addAccount(input) {
      const time = now()
      const account: DevAccount = { ...input, id: input.id ?? randomToken('acc_', 12), createdAt: time, updatedAt: time }
      accounts.set(account.id, account)
      return account
    },
    sessionFor(token) {
      const session = sessions.get(token)
      if (!session) return undefined
      if (now() >= session.expiresAt) {
        sessions.delete(token)
        return undefined
      }
      return session
    },
    prune() {
      const time = now()
      let pruned = 0
      for (const [token, session] of sessions) {
        if (time >= session.expiresAt) {
          sessions.delete(token)
          pruned++
        }
      }
      return pruned
    },
    reset() {
      sessions.clear()
      accounts.clear()
    },
  }
}
