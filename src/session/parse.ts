import type * as z from 'zod/mini'
import { ConnectHubError, type ConnectHubIssue } from '../errors.ts'
import { SESSION_FIELDS } from './fields.ts'
import {
  type ConnectSessionRequest,
  connectSessionCreateSchema,
  connectSessionOptionsSchema,
  type NormalizedConnectSessionCreate,
  type NormalizedConnectSessionOptions,
} from './schema.ts'
import { didYouMean } from './suggest.ts'
import { WIRE_NAMES } from './wire.ts'

type ZodIssue = { code: string; path: PropertyKey[]; message: string; keys?: string[] }

function toIssues(issues: readonly ZodIssue[], fields: readonly string[], rename: (key: PropertyKey) => PropertyKey): ConnectHubIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map((key, i) => (i === 0 ? rename(key) : key)).filter((key) => typeof key !== 'symbol')
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => {
        const name = path.length ? key : String(rename(key))
        return { path: [...path, name], message: `is not a session field${didYouMean(name, fields)}` }
      })
    }
    return [{ path, message: issue.message }]
  })
}

function formatPath(path: ConnectHubIssue['path']): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return i === 0 ? key : `.${key}`
      return `[${JSON.stringify(key)}]`
    })
    .join('')
}

function describe(issues: ConnectHubIssue[]): string {
  return issues.map(({ path, message }) => (path.length ? `${formatPath(path)} ${message}` : message)).join('; ')
}

function parseWith<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  fields: readonly string[],
  rename: (key: PropertyKey) => PropertyKey = (key) => key,
): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = toIssues(result.error.issues as ZodIssue[], fields, rename)
  throw new ConnectHubError('invalid_session', `invalid connect session — ${describe(issues)}`, { issues })
}

/** Validates and normalises what a browser asks for. Throws a `ConnectHubError` (`invalid_session`). */
export function parseConnectSessionOptions(input: unknown): NormalizedConnectSessionOptions {
  return parseWith(connectSessionOptionsSchema, input, SESSION_FIELDS)
}

/** Validates and normalises a complete session. Throws a `ConnectHubError` (`invalid_session`). */
export function parseConnectSessionCreate(input: unknown): NormalizedConnectSessionCreate {
  return parseWith(connectSessionCreateSchema, input, SESSION_FIELDS)
}

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
