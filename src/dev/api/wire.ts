import type { DevAccount, DevSession } from './store.ts'

const iso = (ms: number) => new Date(ms).toISOString()

/** A session as `POST /connect_sessions/authenticate` answers it (StackOne's `ConnectSession`). */
export function sessionToWire(session: DevSession, ids: { organizationId: number; projectId: string }) {
  return {
    id: session.id,
    organization_id: ids.organizationId,
    project_id: ids.projectId,
    categories: session.categories ?? null,
    provider: session.provider ?? null,
    provider_version: session.providerVersion ?? null,
    integration_id: session.integrationId ?? null,
    origin_owner_id: session.originOwnerId,
    origin_owner_name: session.originOwnerName,
    origin_username: session.originUsername ?? null,
    account_id: session.accountId ?? null,
    label: session.label ?? null,
    metadata: session.metadata ?? null,
    multiple: session.multiple ?? false,
    type: session.type ?? 'production',
    created_at: iso(session.createdAt),
  }
}

/** An account as `/accounts` answers it (StackOne's `LinkedAccount`): never its secrets. */
export function accountToWire(account: DevAccount) {
  return {
    id: account.id,
    provider: account.provider,
    provider_name: account.providerName,
    status: 'active',
    status_reasons: [],
    origin_owner_id: account.originOwnerId,
    origin_owner_name: account.originOwnerName,
    origin_username: account.originUsername ?? null,
    label: account.label ?? null,
    type: account.type,
    setup_information: { ...account.setupInformation },
    created_at: iso(account.createdAt),
    updated_at: iso(account.updatedAt),
  }
}
