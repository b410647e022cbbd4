import { SESSION_FIELDS } from '../session/fields.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'
import type { LauncherModules } from './deferred.ts'
import type { ConnectHubOptions } from './types.ts'

function sessionOf(options: ConnectHubOptions): Record<string, unknown> {
  const session: Record<string, unknown> = {}
  for (const field of SESSION_FIELDS) if (options[field] !== undefined) session[field] = options[field]
  return session
}

/** A stable key for a JSON value: the same objects in any key order give the same key. */
export const valueKey = (value: unknown): string | undefined =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  )

/** A stable key for the session options: the same options in any key order give the same key. */
export const sessionKey = (options: ConnectHubOptions): string => valueKey(sessionOf(options)) as string

/**
 * Validates session options, remembering the last options that passed: a click after `warm()` requests the
 * token at once, without waiting for the schema.
 */
export function createValidator(schema: LauncherModules['schema']) {
  let validated: { key: string; session: NormalizedConnectSessionOptions } | undefined
  return {
    /** The validated session for `key`, if these options were validated last. */
    cached: (key: string) => (validated?.key === key ? validated.session : undefined),
    /** Validates `options` (their key is `key`); rejects with `invalid_session`. */
    async validate(options: ConnectHubOptions, key: string): Promise<NormalizedConnectSessionOptions> {
      if (validated?.key === key) return validated.session
      const session = (await schema.load()).parseConnectSessionOptions(sessionOf(options))
      validated = { key, session }
      return session
    },
  }
}
