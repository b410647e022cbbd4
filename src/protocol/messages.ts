/**
 * Protocol v1 between a host page and a hub iframe. Every message is a plain object
 * `{ protocol: 'connect-hub', version: 1, type, ...payload }`, sent with `postMessage` to an exact
 * target origin. These parsers are the single gate: anything they return `undefined` for is ignored.
 */
import { isPlainObject, jsonSize } from '../json.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'
import { type Appearance, lookParams } from './appearance.ts'
import { LIMITS } from './limits.ts'

export const PROTOCOL = 'connect-hub'
export const PROTOCOL_VERSION = 1

export { LIMITS }

export type ConnectMode = 'create' | 'edit'

interface Envelope<T extends string> {
  protocol: typeof PROTOCOL
  version: typeof PROTOCOL_VERSION
  type: T
}

/** Messages a hub sends to its host. */
export type HubMessage =
  | Envelope<'ready'>
  | (Envelope<'success'> & { account: { id: string; provider: string }; mode: ConnectMode })
  | Envelope<'cancel'>
  | (Envelope<'error'> & { code: string; message: string })
  | Envelope<'token_expired'>
  | (Envelope<'resize'> & { height: number })
  | (Envelope<'event'> & { name: string; data?: unknown })

/** Messages a host sends to its hub. */
export type HostMessage =
  | (Envelope<'init'> & { token: string; session: NormalizedConnectSessionOptions })
  | (Envelope<'token'> & { token: string })
  | Envelope<'close'>

export type HubMessageType = HubMessage['type']
export type HostMessageType = HostMessage['type']

type Payload<M, T> = Omit<Extract<M, { type: T }>, keyof Envelope<string>>

type Fields = Record<string, (value: unknown) => boolean>

const text = (value: unknown, max: number) => typeof value === 'string' && value.length > 0 && value.length <= max

/** A plain JSON value of at most `LIMITS.data` characters as JSON: no `ArrayBuffer`, `Map` or class instance. */
const data = (value: unknown) => jsonSize(value, LIMITS.data) !== undefined

const hubFields: Record<HubMessageType, Fields> = {
  ready: {},
  success: {
    account: (value) =>
      isPlainObject(value) && Object.keys(value).length === 2 && text(value.id, LIMITS.id) && text(value.provider, LIMITS.id),
    mode: (value) => value === 'create' || value === 'edit',
  },
  cancel: {},
  error: { code: (value) => text(value, LIMITS.id), message: (value) => text(value, LIMITS.text) },
  token_expired: {},
  resize: { height: (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= LIMITS.height },
  event: { name: (value) => text(value, LIMITS.id), data: (value) => value === undefined || data(value) },
}

const hostFields: Record<HostMessageType, Fields> = {
  init: { token: (value) => text(value, LIMITS.token), session: (value) => isPlainObject(value) && data(value) },
  token: { token: (value) => text(value, LIMITS.token) },
  close: {},
}

function parse<M>(table: Record<string, Fields>, data: unknown): M | undefined {
  if (!isPlainObject(data) || data.protocol !== PROTOCOL || data.version !== PROTOCOL_VERSION) return undefined
  const type = data.type
  if (typeof type !== 'string' || !Object.hasOwn(table, type)) return undefined
  const fields = table[type] as Fields
  for (const key of Object.keys(data)) {
    if (key !== 'protocol' && key !== 'version' && key !== 'type' && !Object.hasOwn(fields, key)) return undefined
  }
  for (const [key, check] of Object.entries(fields)) {
    if (!check(data[key])) return undefined
  }
  return data as M
}

/** Keys that a host's deep merge or `Object.assign` would follow into a prototype, or that pose as a class's. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * A copy of a plain JSON value (one `jsonSize` accepts) without any own `__proto__`, `constructor` or `prototype`
 * key at any depth: hosts deep-merge a hub's analytics data into objects of their own, where those keys would reach
 * `Object.prototype`. A `JSON.parse` result or a structured clone carries them as ordinary own keys.
 */
export function withoutPrototypeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypeKeys)
  if (typeof value !== 'object' || value === null) return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (!PROTOTYPE_KEYS.has(key)) copy[key] = withoutPrototypeKeys(item)
  }
  return copy
}

/**
 * The message if `data` is a well-formed hub → host message, else `undefined`. An event's `data` comes back as a copy
 * without `__proto__`, `constructor` or `prototype` keys at any depth (hosts merge it into objects of their own).
 */
export function parseHubMessage(data: unknown): HubMessage | undefined {
  const message = parse<HubMessage>(hubFields, data)
  if (message?.type !== 'event' || message.data === undefined) return message
  return { ...message, data: withoutPrototypeKeys(message.data) }
}

/** The message if `data` is a well-formed host → hub message, else `undefined`. */
export const parseHostMessage = (data: unknown): HostMessage | undefined => parse<HostMessage>(hostFields, data)

function envelope<T extends string, P extends object>(type: T, payload: P): Envelope<T> & P {
  return { protocol: PROTOCOL, version: PROTOCOL_VERSION, type, ...payload }
}

/** Builds a hub → host message. */
export const hubMessage = <T extends HubMessageType>(type: T, payload: Payload<HubMessage, T>) => envelope(type, payload)

/** Builds a host → hub message. */
export const hostMessage = <T extends HostMessageType>(type: T, payload: Payload<HostMessage, T>) => envelope(type, payload)

export type HubDisplay = 'modal' | 'inline'

/**
 * The URL a host loads in its iframe: `hubUrl?v=1&origin=<host origin>&display=…`, then what the hub needs for its
 * first frame, each only when given and valid (`lookParams`): `locale`, `scheme`, `accent`, `radius`, `font`. Never a
 * token. A hub that reads none of these keeps working.
 */
export function hubFrameUrl(hubUrl: string, hostOrigin: string, display: HubDisplay, locale?: string, appearance?: Appearance): URL {
  const url = new URL(hubUrl)
  url.searchParams.set('v', String(PROTOCOL_VERSION))
  url.searchParams.set('origin', hostOrigin)
  url.searchParams.set('display', display)
  for (const [name, value] of lookParams(locale, appearance)) url.searchParams.set(name, value)
  return url
}
