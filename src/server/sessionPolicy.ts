import type { ConnectHubIssue } from '../errors.ts'
import {
  type ConnectSessionOptions,
  DEFAULT_EXPIRES_IN,
  type NormalizedConnectSessionOptions,
  parseConnectSessionOptions,
  SESSION_FIELDS,
} from '../session/index.ts'

/** The owner fields: they come from `resolveOwner`, never from the browser, `defaults` or `overrides`. */
export const OWNER_FIELDS = ['originOwnerId', 'originOwnerName', 'originUsername'] as const
type OwnerField = (typeof OWNER_FIELDS)[number]

/** Session options the server may set, owner fields apart. */
export type ServerSessionOptions = Omit<ConnectSessionOptions, OwnerField>

/** What a browser may always set (`accountId` only for an account of its own owner). */
export const BROWSER_FIELDS = [
  'provider',
  'categories',
  'accountId',
  'label',
  'multiple',
  'integrationId',
  'providerVersion',
  'expiresIn',
] as const

/** Fields that are the server's unless the host lets the browser set them with `allow`. */
export const ALLOWABLE_FIELDS = ['metadata', 'type'] as const
export type AllowableSessionField = (typeof ALLOWABLE_FIELDS)[number]

export interface SessionPolicyOptions {
  defaults?: ServerSessionOptions | undefined
  overrides?: ServerSessionOptions | undefined
  allow?: readonly AllowableSessionField[] | undefined
  maxExpiresIn?: number | undefined
}

export interface PolicyRefusal {
  code: 'field_not_allowed' | 'invalid_session'
  message: string
  issues: ConnectHubIssue[]
}

function serverOptions(name: 'defaults' | 'overrides', value: ServerSessionOptions | undefined, maxExpiresIn: number) {
  if (value === undefined) return {}
  if (typeof value === 'object' && value !== null && OWNER_FIELDS.some((field) => field in value)) {
    throw new TypeError(`react-connect-hub: ${name} must not hold owner fields — return them from resolveOwner instead`)
  }
  const parsed = parseConnectSessionOptions(value)
  if (parsed.expiresIn !== undefined && parsed.expiresIn > maxExpiresIn) {
    throw new TypeError(
      `react-connect-hub: ${name}.expiresIn (${parsed.expiresIn}) is above maxExpiresIn (${maxExpiresIn}) — lower it or raise maxExpiresIn`,
    )
  }
  return parsed
}

/**
 * What the browser may set, checked at setup: `apply` refuses a field the host did not allow (never drops it
 * silently), caps `expiresIn`, and lays the browser's options between `defaults` (under) and `overrides` (over).
 */
export function createSessionPolicy(options: SessionPolicyOptions) {
  const maxExpiresIn = options.maxExpiresIn ?? 3600
  if (!Number.isInteger(maxExpiresIn) || maxExpiresIn < 1) {
    throw new TypeError(`react-connect-hub: maxExpiresIn must be a positive whole number of seconds, got ${String(maxExpiresIn)}`)
  }
  const allow = options.allow ?? []
  for (const field of allow) {
    if (!(ALLOWABLE_FIELDS as readonly string[]).includes(field)) {
      throw new TypeError(
        `react-connect-hub: allow holds ${JSON.stringify(field)} — only ${ALLOWABLE_FIELDS.map((name) => `'${name}'`).join(' and ')} can be allowed; the browser may always set ${BROWSER_FIELDS.join(', ')}`,
      )
    }
  }
  const settable = new Set<string>([...BROWSER_FIELDS, ...allow])
  const defaults = serverOptions('defaults', options.defaults, maxExpiresIn)
  const overrides = serverOptions('overrides', options.overrides, maxExpiresIn)

  return {
    /** The session fields in the browser's body that it may not set (owner fields apart: those are dropped). */
    refuseFields(input: unknown): PolicyRefusal | undefined {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined
      const refused = Object.keys(input).filter(
        (key) =>
          (SESSION_FIELDS as readonly string[]).includes(key) && !settable.has(key) && !(OWNER_FIELDS as readonly string[]).includes(key),
      )
      if (refused.length === 0) return undefined
      const list = refused.map((field) => `'${field}'`).join(', ')
      const how = `pass allow: [${list}] to createConnectSessionHandler`
      return {
        code: 'field_not_allowed',
        message: `${refused.join(', ')} ${refused.length > 1 ? 'are' : 'is'} set by the server, not the browser — to let the browser set ${refused.length > 1 ? 'them' : 'it'}, ${how}`,
        issues: refused.map((field) => ({
          path: [field],
          message: `is set by the server — to let the browser set it, pass allow: ['${field}']`,
        })),
      }
    },

    /** The session to mint, owner aside, or why the browser's options are refused. */
    apply(requested: NormalizedConnectSessionOptions): { session: NormalizedConnectSessionOptions } | { refusal: PolicyRefusal } {
      if (requested.expiresIn !== undefined && requested.expiresIn > maxExpiresIn) {
        const message = `must be at most ${maxExpiresIn} seconds — raise maxExpiresIn on the server for longer-lived tokens`
        return { refusal: { code: 'invalid_session', message: `expiresIn ${message}`, issues: [{ path: ['expiresIn'], message }] } }
      }
      const session: NormalizedConnectSessionOptions = { ...defaults, ...requested, ...overrides }
      // No lifetime named anywhere: StackOne's own default must not outlive the host's cap either.
      if (session.expiresIn === undefined && maxExpiresIn < DEFAULT_EXPIRES_IN) session.expiresIn = maxExpiresIn
      return { session }
    },
  }
}
