import type { SessionField } from './fields.ts'

/** The wire name of every session field: each one, checked by the type, and only those. */
export const WIRE_NAMES = {
  originOwnerId: 'origin_owner_id',
  originOwnerName: 'origin_owner_name',
  originUsername: 'origin_username',
  provider: 'provider',
  categories: 'categories',
  accountId: 'account_id',
  expiresIn: 'expires_in',
  label: 'label',
  metadata: 'metadata',
  multiple: 'multiple',
  integrationId: 'integration_id',
  providerVersion: 'provider_version',
  type: 'type',
} as const satisfies Record<SessionField, string>
