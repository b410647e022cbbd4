import { connectSessionCreateSchema, type NormalizedConnectSessionCreate, parseConnectSessionCreate } from './create.ts'
import { SESSION_FIELDS, type SessionField } from './fields.ts'
import { parseWith } from './parse.ts'

// Apart from the parsers: the launcher loads those when a button mounts, and never speaks the wire format.

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

type Wire<T> = { [K in keyof T as K extends keyof typeof WIRE_NAMES ? (typeof WIRE_NAMES)[K] : never]: T[K] }
/** The JSON body of `POST /connect_sessions`, snake_case. */
export type ConnectSessionRequest = Wire<NormalizedConnectSessionCreate>

/**
 * The exact JSON body for `POST /connect_sessions`: snake_case keys, wire spellings, no `undefined`.
 * Throws a `ConnectHubError` (`invalid_session`) with field paths when the session is invalid.
 */
export function toConnectSessionRequest(session: unknown): ConnectSessionRequest {
  return toWireBody(parseConnectSessionCreate(session))
}

/**
 * The `POST /connect_sessions` body of a session that was validated and normalised already: renaming only, no check.
 * For the server's handler, which validates the browser's options once; not part of the public entry.
 */
export function toWireBody(valid: NormalizedConnectSessionCreate): ConnectSessionRequest {
  const body: Record<string, unknown> = {}
  for (const field of SESSION_FIELDS) {
    if (valid[field] !== undefined) body[WIRE_NAMES[field]] = valid[field]
  }
  return body as ConnectSessionRequest
}

const FROM_WIRE = new Map<PropertyKey, string>(SESSION_FIELDS.map((field) => [WIRE_NAMES[field], field]))
const TO_WIRE = new Map<PropertyKey, string>(SESSION_FIELDS.map((field) => [field, WIRE_NAMES[field]]))
const WIRE_FIELDS = Object.values(WIRE_NAMES)

/**
 * The inverse of `toConnectSessionRequest`: parses a `POST /connect_sessions` body. `null` counts as
 * absent (StackOne's SDK sends it). Issue paths use the wire names.
 */
export function fromConnectSessionRequest(body: unknown): NormalizedConnectSessionCreate {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return parseWith(connectSessionCreateSchema, body, WIRE_FIELDS)
  }
  const session: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) {
    if (value === null) continue
    // A camelCase key on the wire is unknown there: keep it apart so that it is reported, not accepted.
    session[FROM_WIRE.get(key) ?? `\u0000${key}`] = value
  }
  return parseWith(connectSessionCreateSchema, session, WIRE_FIELDS, (key) =>
    typeof key === 'string' && key.startsWith('\u0000') ? key.slice(1) : (TO_WIRE.get(key) ?? key),
  )
}
