import { format, inspect } from 'node:util'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startDevHub } from '../../../src/dev/index'
import { ConnectHubError } from '../../../src/errors'
import { createConnectSession, createConnectSessionHandler } from '../../../src/server'
import { basicCredential } from '../../../src/server/basicAuth'
import { withoutToken } from '../../../src/server/connectSessionResponse'
import { createRedactor } from '../../../src/server/redact'
import { MAX_TIMER_MS } from '../../../src/server/retry'
import { hang, startUpstream, status } from './upstream'

const SESSION = { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc' }
// A key with everything JSON escapes or base64 mangles: a slash, a quote, a backslash, Latin-1, astral.
const KEY = 'sk_live/"q\\é-Ω😀_9f8e7d6c'

/** Every way `key` can be written: plainly, JSON-escaped (`\/`, `\"`, `\uXXXX` either case), base64, percent-encoded. */
function formsOf(key: string): string[] {
  const units = [...Array(key.length).keys()].map((i) => key.charCodeAt(i).toString(16).padStart(4, '0'))
  const json = JSON.stringify(key).slice(1, -1)
  const credential = basicCredential(key)
  return [
    ...new Set([
      key,
      json,
      json.replace(/\//g, '\\/'),
      inspect(key).slice(1, -1),
      units.map((unit) => `\\u${unit}`).join(''),
      units.map((unit) => `\\u${unit.toUpperCase()}`).join(''),
      credential,
      encodeURIComponent(key),
    ]),
  ]
}

/** Everything an error could show in a log: message, stack, cause chain, body, own properties. */
function serialised(error: unknown): string {
  return [
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    format(error),
    JSON.stringify(error, Object.getOwnPropertyNames(error)),
    error instanceof ConnectHubError ? JSON.stringify(error.body ?? null) : '',
  ].join('\n')
}

/** Whether `target` can be reached from `root` through any own property, enumerable or not. */
function reaches(root: unknown, target: object, seen = new Set<unknown>()): boolean {
  if (root === target) return true
  if (typeof root !== 'object' || root === null || seen.has(root)) return false
  seen.add(root)
  return Reflect.ownKeys(root).some((key) => reaches(Reflect.get(root, key), target, seen))
}

const utf8 = (text: string) => Buffer.from(text, 'utf8')
const utf16le = (text: string) => Buffer.from(text, 'utf16le')
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16()
const ENCODINGS = { 'UTF-8': utf8, 'UTF-16LE': utf16le, 'UTF-16BE': utf16be }
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const SHORT: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

const fromCodePoint = (code: number, written: string) => (code <= 0x10ffff ? String.fromCodePoint(code) : written)

/** `text` read back as a reader of HTML entities and percent-encoded UTF-8 (and of JSON escapes, with `json`) would, leniently. */
function readBack(text: string, json: boolean): string {
  const unescaped = json
    ? text
        .replace(/\\u([0-9a-f]{4})/gi, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)))
        .replace(/\\([\\/"bfnrt])/g, (_, char: string) => SHORT[char] ?? char)
    : text
  return unescaped
    .replace(/&#x([0-9a-f]{1,8});/gi, (written, code: string) => fromCodePoint(Number.parseInt(code, 16), written))
    .replace(/&#(\d{1,9});/g, (written, code: string) => fromCodePoint(Number(code), written))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => NAMED[name] ?? '')
    .replace(/(?:%[0-9a-f]{2})+/gi, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'))
}

/** Every run of hex digits in `text`, decoded from its first and its second digit. */
const hexReadings = (text: string) =>
  (text.match(/[0-9a-f]+/gi) ?? []).flatMap((run) => [0, 1].map((shift) => Buffer.from(run.slice(shift), 'hex')))

/** Every run of base64 in `text` (either alphabet, `+` and `/` percent-encoded or JSON-escaped), decoded at its four offsets. */
const base64Readings = (text: string) =>
  (
    text
      .replace(/%2b/gi, '+')
      .replace(/%2f/gi, '/')
      .replace(/\\\//g, '/')
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .match(/[A-Za-z0-9+/]+/g) ?? []
  ).flatMap((run) => [0, 1, 2, 3].map((shift) => Buffer.from(run.slice(shift), 'base64')))

/**
 * The forms of `key` that can still be read from `text`, by decoders written apart from the redactor's: the forms of
 * `formsOf`, the key read back from escapes, entities and percent-encoding (`+` as a space or not), and its UTF-8,
 * UTF-16LE and UTF-16BE bytes decoded from any run of hex or base64.
 */
function leaksOf(text: string, key: string): string[] {
  const leaks = formsOf(key).filter((form) => text.includes(form))
  // With and without JSON unescaping and + as a space: a key may hold a backslash or a + of its own.
  const variants = [text, text.replace(/\+/g, ' ')].flatMap((variant) => [readBack(variant, true), readBack(variant, false)])
  if (variants.some((variant) => variant.includes(key))) leaks.push('read back')
  const hexes = hexReadings(text)
  const base64s = base64Readings(text)
  for (const [name, encode] of Object.entries(ENCODINGS)) {
    const bytes = encode(key)
    if (hexes.some((reading) => reading.includes(bytes))) leaks.push(`hex of ${name}`)
    if (base64s.some((reading) => reading.includes(bytes))) leaks.push(`base64 of ${name}`)
  }
  return leaks
}

async function failure(promise: Promise<unknown>): Promise<ConnectHubError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ConnectHubError)
  return error as ConnectHubError
}

afterEach(() => vi.restoreAllMocks())

describe('the API key, given a session API or a fetch that gives it back', () => {
  it('→ any UTF-8 key is sent as one Basic credential, and the dev API accepts it', async () => {
    const dev = await startDevHub({ apiPort: 0, hubPort: 0, apiKey: KEY, hubRoot: process.cwd() })
    try {
      const created = await createConnectSession(SESSION, { apiKey: KEY, baseUrl: dev.apiUrl })
      expect(created.token).toMatch(/^dev_cst_/)
      expect(Buffer.from(basicCredential(KEY), 'base64').toString('utf8')).toBe(`${KEY}:`)
    } finally {
      await dev.close()
    }
  })

  it.each([
    [
      'JSON-escaped with \\/ and \\u',
      (key: string) => `{"message":"bad key ${JSON.stringify(key).slice(1, -1).replace(/\//g, '\\/').replace(/é/g, '\\u00e9')}"}`,
    ],
    [
      'every character as \\uXXXX',
      (key: string) =>
        `{"message":"${[...Array(key.length).keys()].map((i) => `\\u${key.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"}`,
    ],
    ['as the Basic credential in a key of the body', (key: string) => `{"echo":{"Basic ${basicCredential(key)}":true}}`],
    ['raw, in text that is not JSON', (key: string) => `upstream said: Authorization: Basic ${basicCredential(key)} for ${key}`],
    ['raw, cut by the 4096-character limit', (key: string) => `${'x'.repeat(4090)}${key}`],
  ])('→ a body echoing it %s: redacted from message, body and log', async (_, body) => {
    const fetch = async () => new Response(body(KEY), { status: 400 })
    const error = await failure(createConnectSession(SESSION, { apiKey: KEY, fetch }))
    expect(error.status).toBe(400)
    expect(leaksOf(serialised(error), KEY)).toEqual([])
    // Cut after redaction, so a cut never leaves half a key.
    expect(serialised(error)).toContain('[redac')
  })

  it('→ a key that JSON decoding would change (a literal \\n), echoed raw inside a JSON string: redacted before decoding', async () => {
    // Parsed first, "\\n" would become a newline that no longer matches the key, and a log would print it back as \\n.
    const key = 'sk_live_\\n0ab9cdef12'
    const fetch = async () => new Response(`{"message":"bad key ${key}"}`, { status: 401 })
    const error = await failure(createConnectSession(SESSION, { apiKey: key, fetch }))
    expect(error.body).toEqual({ message: 'bad key [redacted]' })
    expect(leaksOf(serialised(error), key)).toEqual([])
  })

  it('→ a fetch that rejects with an object carrying the request headers: the cause is a fresh, sanitised Error', async () => {
    const original = { message: 'socket closed', request: { headers: { Authorization: `Basic ${basicCredential(KEY)}` } } }
    const error = await failure(createConnectSession(SESSION, { apiKey: KEY, retries: 0, fetch: () => Promise.reject(original) }))
    expect(error.code).toBe('network_error')
    expect(error.cause).toBeInstanceOf(Error)
    expect(reaches(error, original)).toBe(false)
    expect(serialised(error)).not.toMatch(/authorization/i)
    expect(leaksOf(serialised(error), KEY)).toEqual([])
  })

  it('→ a fetch that rejects with an Error whose message, cause and properties describe the request: none of it reachable', async () => {
    const inner = Object.assign(new Error(`connect failed {"Authorization":"Basic ${basicCredential(KEY)}"}`), {
      code: 'ECONNRESET',
      config: { headers: { authorization: `Basic ${basicCredential(KEY)}` } },
    })
    const original = new TypeError(`fetch failed with ${KEY}`, { cause: inner })
    const error = await failure(createConnectSession(SESSION, { apiKey: KEY, retries: 0, fetch: () => Promise.reject(original) }))
    expect(reaches(error, original)).toBe(false)
    expect(reaches(error, inner)).toBe(false)
    expect(error.cause).toMatchObject({ name: 'TypeError', message: 'fetch failed with [redacted]', cause: { code: 'ECONNRESET' } })
    expect(serialised(error)).not.toMatch(/authorization/i)
    expect(leaksOf(serialised(error), KEY)).toEqual([])
  })

  it('→ the handler’s default onError (console.error) prints no header, key or credential', async () => {
    const printed: string[] = []
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(format(...args)))
    const original = Object.assign(new Error('boom'), { headers: { Authorization: `Basic ${basicCredential(KEY)}` } })
    const handler = createConnectSessionHandler({
      apiKey: KEY,
      resolveOwner: () => SESSION,
      retries: 0,
      fetch: () => Promise.reject(original),
    })
    const response = await handler(
      new Request('https://app.example/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    )
    expect(response.status).toBe(502)
    expect(printed).toHaveLength(1)
    expect(printed[0]).not.toMatch(/authorization/i)
    expect(leaksOf(`${printed[0]}\n${await response.text()}`, KEY)).toEqual([])
  })
})

describe('the token, given a created session', () => {
  it('→ session.authLinkUrl holds no token; the bearer link is returned beside the token', () => {
    expect(withoutToken('https://hub.example/connect?token=tok_1&lang=en', 'tok_1')).toBe('https://hub.example/connect?lang=en')
    expect(withoutToken('https://hub.example/connect/tok_1#tok_1', 'tok_1')).toBe('https://hub.example/connect/#')
    expect(withoutToken('not a url tok_1', 'tok_1')).toBe('not a url ')
  })
})

describe('timeouts, given values beyond what a timer can hold', () => {
  it('→ timeoutMs and Retry-After waits are clamped to 2^31 − 1 ms instead of firing at once', async () => {
    const delays: number[] = []
    const original = globalThis.setTimeout
    let clampedTwice: () => void = () => {}
    const bothClamped = new Promise<void>((resolve) => {
      clampedTwice = resolve
    })
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, ms?: number, ...args: unknown[]) => {
      delays.push(ms ?? 0)
      if (delays.filter((delay) => delay === MAX_TIMER_MS).length === 2) clampedTwice()
      return original(handler, ms, ...args)
    }) as typeof setTimeout)
    const upstream = await startUpstream(status(503, undefined, { 'retry-after': String(10 ** 9) }), hang)
    const controller = new AbortController()
    const pending = failure(
      createConnectSession(SESSION, {
        apiKey: KEY,
        baseUrl: upstream.url,
        timeoutMs: 2 ** 40,
        maxRetryDelayMs: 2 ** 40,
        retries: 1,
        signal: controller.signal,
      }),
    )
    await upstream.received(1)
    // The wait for Retry-After is running: had it overflowed, the second request would be on its way.
    await bothClamped
    expect(upstream.requests).toHaveLength(1)
    controller.abort()
    expect((await pending).message).toContain('aborted')
    expect(Math.max(...delays)).toBe(MAX_TIMER_MS)
  })
})

// A key of 12 to 40 characters drawn from what needs escaping in JSON, in URLs, in HTML or in base64.
// What form and URL encoders escape (space, ~!*'()) and what HTML escapes (&<>"') are in it too.
const KEY_UNITS = [...`abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789_-./"\\+=:é€中😀 ~!*'()&<>`]
const keys = fc.array(fc.constantFrom(...KEY_UNITS), { minLength: 12, maxLength: 40 }).map((units) => units.join(''))

interface Echo extends Encoding {
  kind: string
}
interface Answer {
  status: number
  shape: string
  filler: number
  echo: Echo
}
interface Failure {
  kind: string
  echo: Echo
}

/** The choices an encoder makes: per character (`mask`), letter case, and the bytes around the key in a longer text. */
interface Encoding {
  mask: number[]
  upper: boolean
  zeros: number
  before: Uint8Array
  after: Uint8Array
  padded: boolean
}
const encodings = {
  mask: fc.array(fc.nat({ max: 3 }), { minLength: 64, maxLength: 64 }),
  upper: fc.boolean(),
  zeros: fc.nat({ max: 3 }),
  before: fc.uint8Array({ maxLength: 5 }),
  after: fc.uint8Array({ maxLength: 5 }),
  padded: fc.boolean(),
}

const cased = (text: string, upper: boolean) => (upper ? text.toUpperCase() : text.toLowerCase())
const percent = (char: string, upper: boolean) => cased(utf8(char).toString('hex').replace(/../g, '%$&'), upper)
const ENTITY_NAMES: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }

/** `bytes` in base64 between the encoding's `before` and `after` bytes: at byte offset 0, 1 or 2 of a longer text. */
function base64Between(bytes: Buffer, { before, after, padded }: Encoding, url: boolean): string {
  const text = Buffer.concat([before, bytes, after]).toString(url ? 'base64url' : 'base64')
  return padded ? text.padEnd(Math.ceil(text.length / 4) * 4, '=') : text.replace(/=+$/, '')
}

/** `bytes` in hex inside a longer hex text, which may put the key at an odd digit. */
function hexBetween(bytes: Buffer, { before, after, upper, zeros }: Encoding): string {
  const text = `${'f'.repeat(zeros % 2)}${Buffer.concat([before, bytes, after]).toString('hex')}`
  return cased(text, upper)
}

/**
 * The forms beyond the plain and JSON-escaped key (which `formsOf` lists) that the redactor covers, each an encoder of
 * the key as it would sit in a longer text.
 */
const FORMS: Record<string, (key: string, encoding: Encoding) => string> = {
  'hex of its UTF-8 bytes, either case, inside a longer hex text': (key, encoding) => hexBetween(utf8(key), encoding),
  "every byte percent-encoded, either case (as Java and PHP encoders write keys with ~!*'())": (key, { upper }) =>
    [...key].map((char) => percent(char, upper)).join(''),
  'percent-encoded character by character or not, a space as + or %20 (encodeURIComponent, URLEncoder, urlencode)': (
    key,
    { mask, upper },
  ) =>
    [...key]
      .map((char, i) => {
        const choice = mask[i % 64] ?? 0
        if (char === ' ' && choice === 1) return '+'
        // Every encoder that writes a space as + encodes a + itself.
        return choice >= 2 || char === '+' ? percent(char, upper) : char
      })
      .join(''),
  'base64 of its UTF-8 bytes at byte offset 0, 1 or 2 of a longer base64 text': (key, encoding) =>
    base64Between(utf8(key), encoding, false),
  'base64url of its UTF-8 bytes at byte offset 0, 1 or 2 of a longer text': (key, encoding) => base64Between(utf8(key), encoding, true),
  'HTML entities, decimal, hex (x or X, leading zeros) and named (&amp; &lt; &gt; &quot; &apos;), mixed with plain characters': (
    key,
    { mask, upper, zeros },
  ) =>
    [...key]
      .map((char, i) => {
        const code = char.codePointAt(0) ?? 0
        const lead = '0'.repeat(zeros)
        switch (mask[i % 64]) {
          case 1:
            return `&#${lead}${code};`
          case 2:
            return `&#${upper ? 'X' : 'x'}${lead}${cased(code.toString(16), upper)};`
          case 3:
            return ENTITY_NAMES[char] ? `&${ENTITY_NAMES[char]};` : `&#${code};`
          default:
            return char
        }
      })
      .join(''),
  'UTF-16: every code unit as \\uXXXX, either case': (key, { upper }) =>
    [...Array(key.length).keys()].map((i) => `\\u${cased(key.charCodeAt(i).toString(16).padStart(4, '0'), upper)}`).join(''),
  'UTF-16LE bytes in base64 at byte offset 0, 1 or 2 of a longer base64 text': (key, encoding) =>
    base64Between(utf16le(key), encoding, false),
  'UTF-16BE bytes in base64 (as Java writes UTF-16, after a byte-order mark) at byte offset 0, 1 or 2': (key, encoding) =>
    base64Between(utf16be(key), encoding, false),
  'UTF-16LE bytes in hex, either case': (key, encoding) => hexBetween(utf16le(key), encoding),
  'UTF-16BE bytes in hex, either case': (key, encoding) => hexBetween(utf16be(key), encoding),
}

/** One way the upstream or a fetch might write the key back. */
const echoes = fc.record({
  kind: fc.constantFrom('raw', 'json', 'slash', 'unicode', 'mixed', 'base64', 'basic', 'header', 'percent', ...Object.keys(FORMS)),
  ...encodings,
})

function echo(key: string, echoed: Echo): string {
  const { kind, mask, upper } = echoed
  const unit = (i: number) => {
    const hex = key.charCodeAt(i).toString(16).padStart(4, '0')
    return `\\u${upper ? hex.toUpperCase() : hex}`
  }
  const json = JSON.stringify(key).slice(1, -1)
  const form = FORMS[kind]
  if (form) return form(key, echoed)
  switch (kind) {
    case 'json':
      return json
    case 'slash':
      return json.replace(/\//g, '\\/')
    case 'unicode':
      return [...Array(key.length).keys()].map(unit).join('')
    case 'mixed':
      return [...Array(key.length).keys()].map((i) => ((mask[i % 64] ?? 0) % 2 ? unit(i) : JSON.stringify(key[i]).slice(1, -1))).join('')
    case 'base64':
      return basicCredential(key)
    case 'basic':
      return `Basic ${basicCredential(key)}`
    case 'header':
      return `Authorization: Basic ${basicCredential(key)}`
    case 'percent':
      return encodeURIComponent(key)
    default:
      return key
  }
}

const answers: fc.Arbitrary<Answer> = fc.record({
  status: fc.constantFrom(200, 201, 400, 401, 403, 404, 409, 422, 429, 500, 503),
  shape: fc.constantFrom('json-message', 'json-nested', 'json-key', 'text', 'broken-json', 'session-like'),
  filler: fc.nat({ max: 5000 }),
  echo: echoes,
})

function body(key: string, answer: Answer): string {
  const said = echo(key, answer.echo)
  const pad = 'x'.repeat(answer.filler)
  switch (answer.shape) {
    case 'json-message':
      return `{"statusCode":${answer.status},"message":"${pad}${said}"}`
    case 'json-nested':
      return `{"errors":[{"detail":{"sent":["${said}"]}}],"pad":"${pad}"}`
    case 'json-key':
      return `{"${said}":"${pad}"}`
    case 'session-like':
      return `{"id":1,"organization_id":1,"project_id":"p","origin_owner_id":"o","origin_owner_name":"O","token":"${said}","auth_link_url":"${said}","created_at":"nope"}`
    case 'broken-json':
      return `{"message":"${said}", ${pad}`
    default:
      return `${pad}${said}`
  }
}

const failures: fc.Arbitrary<Failure> = fc.record({
  kind: fc.constantFrom('error', 'nested', 'object', 'string', 'props', 'name', 'code', 'dom', 'throwing-getter'),
  echo: echoes,
})

function rejection(key: string, failure: Failure): unknown {
  const said = echo(key, failure.echo)
  const headers = { Authorization: `Basic ${basicCredential(key)}`, 'X-Api-Key': key }
  switch (failure.kind) {
    case 'nested':
      return new TypeError('fetch failed', { cause: new Error(`request ${said}`, { cause: { headers } }) })
    case 'object':
      return { message: said, headers }
    case 'string':
      return `failed: ${said}`
    case 'props':
      return Object.assign(new Error('reset'), { request: { headers }, options: { apiKey: key } })
    case 'name':
      return Object.assign(new Error('x'), { name: `Err ${said}` })
    case 'code':
      return Object.assign(new Error('x'), { code: said })
    case 'dom':
      return new DOMException(`aborted ${said}`, 'AbortError')
    case 'throwing-getter':
      return Object.defineProperty(new Error(said), 'cause', {
        get() {
          throw new Error(said)
        },
      })
    default:
      return new Error(said)
  }
}

const faults = fc.oneof(
  answers.map((answer) => ({ answer })),
  failures.map((failure) => ({ failure })),
)

describe('property: no generated answer or fetch failure puts the key into an error', () => {
  it('→ createConnectSession: message, body, cause, inspect and console output stay free of every form of the key', async () => {
    let runs = 0
    await fc.assert(
      fc.asyncProperty(keys, faults, async (key, fault) => {
        runs++
        const thrown = 'failure' in fault ? rejection(key, fault.failure) : undefined
        const fetch = async () => {
          if ('failure' in fault) throw thrown
          return new Response(body(key, fault.answer), { status: fault.answer.status })
        }
        const outcome = await createConnectSession(SESSION, { apiKey: key, fetch, retries: 0 }).then(
          () => undefined,
          (error: unknown) => error,
        )
        if (outcome === undefined) return
        expect(outcome).toBeInstanceOf(ConnectHubError)
        expect(leaksOf(serialised(outcome), key)).toEqual([])
        if ('failure' in fault) {
          expect(serialised(outcome)).not.toMatch(/authorization/i)
          if (typeof thrown === 'object' && thrown !== null) expect(reaches(outcome, thrown)).toBe(false)
        }
      }),
      { numRuns: 400 },
    )
    expect(runs).toBe(400)
    // Hundreds of runs: a limit for a hung run, not a speed check (the machine may be busy).
  }, 60_000)

  it('→ the handler: its answer and what onError receives stay free of every form of the key', async () => {
    await fc.assert(
      fc.asyncProperty(keys, faults, async (key, fault) => {
        const reported: unknown[] = []
        const handler = createConnectSessionHandler({
          apiKey: key,
          resolveOwner: () => SESSION,
          retries: 0,
          onError: (error) => reported.push(error),
          fetch: async () => {
            if ('failure' in fault) throw rejection(key, fault.failure)
            return new Response(body(key, fault.answer), { status: fault.answer.status })
          },
        })
        const response = await handler(
          new Request('https://app.example/api', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"accountId":"a1"}',
          }),
        )
        expect(leaksOf(`${await response.text()}\n${reported.map(serialised).join('\n')}`, key)).toEqual([])
      }),
      { numRuns: 200 },
    )
  }, 60_000)
})

// Text around an echo: what an error page, a log line or a query string might hold, base64 and hex digits included.
const around = fc.string({ unit: fc.constantFrom(...'abcdef0123456789+/=_-%&#;\\ "<>xyzXYZ:.'), maxLength: 12 })

describe('property: each form the key travels in, wherever it sits in a text, is redacted', () => {
  const RUNS = 100
  it.each(Object.entries(FORMS))(
    '→ %s',
    (_, form) => {
      let runs = 0
      fc.assert(
        fc.property(keys, fc.record(encodings), around, around, (key, encoding, before, after) => {
          runs++
          const encoded = form(key, encoding)
          // The encoder's own output must hold the key, or the property would hold for nothing.
          expect(leaksOf(encoded, key)).not.toEqual([])
          expect(leaksOf(createRedactor(key).text(`${before}${encoded}${after}`), key)).toEqual([])
        }),
        { numRuns: RUNS },
      )
      expect(runs).toBe(RUNS)
      // Hundreds of runs: a limit for a hung run, not a speed check (the machine may be busy).
    },
    60_000,
  )
})
