import { basicCredential } from './basicAuth.ts'

const REDACTED = '[redacted]'
const MAX_DEPTH = 32
const MAX_MESSAGE_CHARS = 1000

/** The two-character JSON escapes; any character may also be written `\uXXXX`. */
const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
}

/** The named HTML entities that escapers write (`htmlspecialchars`, Python's `html.escape`, lodash's `escape`). */
const ENTITIES: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0')
const hexOf = (bytes: Uint8Array) => Array.from(bytes, (byte) => hex(byte, 2)).join('')
const encoder = new TextEncoder()

/** One UTF-16 code unit, plain or JSON-escaped: itself, `\uXXXX`, or its short escape. */
function unitForms(unit: string): string {
  const short = SHORT_ESCAPES[unit]
  return `(?:${escapeRegExp(unit)}|\\\\u${hex(unit.charCodeAt(0), 4)}${short ? `|${escapeRegExp(short)}` : ''})`
}

/**
 * One character (code point) in every form text may carry it in: plain or JSON-escaped, code unit by code unit; its
 * UTF-8 bytes percent-encoded (`+` for a space, as form encoders write it); an HTML entity, decimal, hex or named.
 */
function charForms(char: string): string {
  const code = char.codePointAt(0) as number
  const forms = [
    Array.from({ length: char.length }, (_, i) => unitForms(char[i] as string)).join(''),
    Array.from(encoder.encode(char), (byte) => `%${hex(byte, 2)}`).join(''),
    `&#0*${code};`,
    `&#x0*${code.toString(16)};`,
  ]
  if (ENTITIES[char]) forms.push(`&${ENTITIES[char]};`)
  if (char === ' ') forms.push('\\+')
  return `(?:${forms.join('|')})`
}

/** Base64 text, in either alphabet (`+/` or base64url's `-_`), `/` JSON-escaped or not, `+` and `/` percent-encoded or not. */
const base64Pattern = (text: string) => text.replace(/[+/]/g, (char) => (char === '+' ? '(?:[+-]|%2b)' : '(?:\\\\?\\/|_|%2f)'))

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/**
 * What base64 shows of `bytes` wherever they sit in a longer base64 text: at each of the three byte offsets, the
 * characters that only these bytes decide (the neighbours change the one or two at either end).
 */
const base64Cores = (bytes: Uint8Array) =>
  [0, 1, 2].map((offset) => {
    const shifted = new Uint8Array(offset + bytes.length)
    shifted.set(bytes, offset)
    return toBase64(shifted).slice(Math.ceil((offset * 4) / 3), Math.floor((shifted.length * 4) / 3))
  })

/** `text` as UTF-16 bytes, little- or big-endian. */
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian)
  return bytes
}

// A header written out in a message ("Authorization: Basic …", `"authorization":"Basic …"`): its value goes too.
const HEADER = String.raw`\b(?:proxy-)?authorization\b["']?\s*[:=]\s*["']?[^"'\r\n,;}]*`

/** Redacts the API key, and every form it travels in, from what the session API or a custom `fetch` gives back. */
export interface Redactor {
  /** `text` with every secret replaced by `[redacted]`. */
  text(text: string): string
  /** A parsed JSON value with every string (and key) redacted, nested values included. */
  value(value: unknown): unknown
  /** A fresh `Error` carrying a redacted copy of what `error` says: nothing of the original object stays reachable. */
  error(error: unknown): Error
}

/**
 * The forms of the key that are redacted, matched case-insensitively anywhere in a text: the key itself, each character
 * plain, JSON-escaped, percent-encoded or as an HTML entity (mixed freely); its UTF-8, UTF-16LE and UTF-16BE bytes in
 * hex, and in base64 or base64url at any byte offset of a longer base64 text; and the Basic credential.
 */
export function createRedactor(apiKey: string): Redactor {
  // A server has one key: its patterns are built and compiled once, not per request.
  if (last?.apiKey !== apiKey) last = { apiKey, redactor: buildRedactor(apiKey) }
  return last.redactor
}

let last: { apiKey: string; redactor: Redactor } | undefined

function buildRedactor(apiKey: string): Redactor {
  const encodings = [encoder.encode(apiKey), utf16(apiKey, true), utf16(apiKey, false)]
  const base64 = [basicCredential(apiKey), ...encodings.flatMap(base64Cores)]
  const forms = [
    ...[...new Set(base64)]
      .filter((form) => form.length > 0)
      .sort((a, b) => b.length - a.length)
      .map(base64Pattern),
    ...encodings.map(hexOf),
    Array.from(apiKey, charForms).join(''),
  ]
  const secretPattern = new RegExp(forms.join('|'), 'gi')
  // In what a thrown error says, a written-out header goes whole, name and all; a body keeps its shape (and JSON).
  const messagePattern = new RegExp([HEADER, ...forms].join('|'), 'gi')

  const text = (input: string) => input.replace(secretPattern, REDACTED)
  const said = (input: string) => input.replace(messagePattern, REDACTED)

  const value = (input: unknown, depth = 0): unknown => {
    if (typeof input === 'string') return text(input)
    if (typeof input !== 'object' || input === null) return input
    if (depth >= MAX_DEPTH) return REDACTED
    if (Array.isArray(input)) return input.map((item) => value(item, depth + 1))
    const result: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(input)) {
      Object.defineProperty(result, text(key), { value: value(item, depth + 1), enumerable: true, writable: true, configurable: true })
    }
    return result
  }

  const error = (input: unknown, depth = 0): Error => {
    const source = input instanceof Error ? input : undefined
    const safe = new Error(said(describe(input)).slice(0, MAX_MESSAGE_CHARS))
    safe.name = source ? said(read(() => String(source.name), 'Error')).slice(0, 100) : 'Error'
    const stack = source ? read(() => (typeof source.stack === 'string' ? source.stack : ''), '') : ''
    safe.stack = stack ? said(stack) : `${safe.name}: ${safe.message}`
    const code = source ? read(() => (source as { code?: unknown }).code, undefined) : undefined
    if (typeof code === 'string') Object.assign(safe, { code: said(code).slice(0, 100) })
    const cause = source ? read(() => source.cause, undefined) : undefined
    if (cause !== undefined && depth < 4) safe.cause = error(cause, depth + 1)
    return safe
  }

  return { text, value, error }
}

/** Reads a property of a foreign object, which may be a throwing getter or a proxy. */
function read<T>(get: () => T, fallback: T): T {
  try {
    return get()
  } catch {
    return fallback
  }
}

/** What a thrown value says, without serialising objects: they may hold the request, headers and all. */
function describe(value: unknown): string {
  if (value instanceof Error) return read(() => String(value.message), '')
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return `a non-Error value (${value === null ? 'null' : typeof value}) was thrown`
}
