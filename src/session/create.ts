import * as z from 'zod/mini'
import { SESSION_FIELDS } from './fields.ts'
import { kindOf } from './kind.ts'
import { parseWith } from './parse.ts'
import { optionalFields, requiredText } from './schema.ts'

// The complete session, as the server creates it: apart from what a browser may ask for (schema.ts), so that what a
// button loads when it mounts carries neither it nor its wire format (wire.ts).

/** What the server sends to `POST /connect_sessions`: the owner fields are required. */
export const connectSessionCreateSchema = z.strictObject(
  { ...optionalFields, originOwnerId: requiredText, originOwnerName: requiredText },
  { error: (issue: { input?: unknown }) => `a connect session must be an object, not ${kindOf(issue.input)}` },
)

/** A complete connect session, as the server creates it. */
export type ConnectSessionCreate = z.input<typeof connectSessionCreateSchema>
export type NormalizedConnectSessionCreate = z.output<typeof connectSessionCreateSchema>

/** Validates and normalises a complete session. Throws a `ConnectHubError` (`invalid_session`). */
export function parseConnectSessionCreate(input: unknown): NormalizedConnectSessionCreate {
  return parseWith(connectSessionCreateSchema, input, SESSION_FIELDS)
}
