// The session's field names, apart from the zod schema so the launcher can read them without loading zod.

/** Every session field, in the order StackOne documents them. */
export const SESSION_FIELDS = [
  'originOwnerId',
  'originOwnerName',
  'originUsername',
  'provider',
  'categories',
  'accountId',
  'expiresIn',
  'label',
  'metadata',
  'multiple',
  'integrationId',
  'providerVersion',
  'type',
] as const

export type SessionField = (typeof SESSION_FIELDS)[number]

/** StackOne's default token lifetime, in seconds, when a session sets no `expiresIn`. */
export const DEFAULT_EXPIRES_IN = 1800
