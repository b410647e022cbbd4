import { format, inspect } from 'node:util'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startDevHub } from '../../../src/dev/index'
import { ConnectHubError } from '../../../src/errors'
import { createConnectSession, createConnectSessionHandler } from '../../../src/server'
import { basicCredential } from '../../../src/server/basicAuth'
import { withoutToken } from '../../../src/server/connectSessionResponse'
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

const leaksOf = (text: string, key: string) => formsOf(key).filter((form) => text.includes(form))

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

// A key of 12 to 40 characters drawn from what needs escaping in JSON, in URLs or in base64.
const KEY_UNITS = [...'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789_-./"\\+=:é€中😀']
const keys = fc.array(fc.constantFrom(...KEY_UNITS), { minLength: 12, maxLength: 40 }).map((units) => units.join(''))

interface Echo {
  kind: string
  mask: boolean[]
  upper: boolean
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

/** One way the upstream or a fetch might write the key back. */
const echoes = fc.record({
  kind: fc.constantFrom('raw', 'json', 'slash', 'unicode', 'mixed', 'base64', 'basic', 'header', 'percent'),
  mask: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  upper: fc.boolean(),
})

function echo(key: string, { kind, mask, upper }: Echo): string {
  const unit = (i: number) => {
    const hex = key.charCodeAt(i).toString(16).padStart(4, '0')
    return `\\u${upper ? hex.toUpperCase() : hex}`
  }
  const json = JSON.stringify(key).slice(1, -1)
  switch (kind) {
    case 'json':
      return json
    case 'slash':
      return json.replace(/\//g, '\\/')
    case 'unicode':
      return [...Array(key.length).keys()].map(unit).join('')
    case 'mixed':
      return [...Array(key.length).keys()].map((i) => (mask[i % 64] ? unit(i) : JSON.stringify(key[i]).slice(1, -1))).join('')
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
