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

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/** `\u` + four hex digits in either case, for one UTF-16 code unit. */
const unicodeEscape = (code: number) =>
  `\\\\u${code
    .toString(16)
    .padStart(4, '0')
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`)}`

/**
 * `secret` written plainly or JSON-escaped, each character in any of its forms (`/` or `\/`, `é` or `\u00e9`…),
 * so that an echo the upstream escaped its own way is caught in raw text as well.
 */
function anyEscaping(secret: string): string {
  let pattern = ''
  // Code units, not code points: an astral character may be escaped as a surrogate pair.
  for (let i = 0; i < secret.length; i++) {
    const unit = secret[i] as string
    const forms = [escapeRegExp(unit), unicodeEscape(secret.charCodeAt(i))]
    const short = SHORT_ESCAPES[unit]
    if (short) forms.push(escapeRegExp(short))
    pattern += `(?:${forms.join('|')})`
  }
  return pattern
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

export function createRedactor(apiKey: string): Redactor {
  // The key, the Basic credential (base64 of key + ':'), the part of it any base64 of the key starts with, and the
  // key percent-encoded.
  const credential = basicCredential(apiKey)
  const sharedBase64 = credential.slice(0, Math.floor(new TextEncoder().encode(apiKey).length / 3) * 4)
  const forms = [apiKey, credential, sharedBase64, encodeURIComponent(apiKey)]
  const secrets = [...new Set(forms.filter((form) => form.length > 0))].sort((a, b) => b.length - a.length)
  const secretPattern = new RegExp(secrets.map(anyEscaping).join('|'), 'gi')
  // In what a thrown error says, a written-out header goes whole, name and all; a body keeps its shape (and JSON).
  const messagePattern = new RegExp([HEADER, ...secrets.map(anyEscaping)].join('|'), 'gi')

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
