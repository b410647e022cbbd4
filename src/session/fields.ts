// The session's field names, apart from the zod schema so the launcher can read them without loading zod.

/** The wire name of every session field, in the order StackOne documents them. */
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
} as const

export const SESSION_FIELDS = Object.keys(WIRE_NAMES) as (keyof typeof WIRE_NAMES)[]

/** StackOne's default token lifetime, in seconds, when a session sets no `expiresIn`. */
export const DEFAULT_EXPIRES_IN = 1800
