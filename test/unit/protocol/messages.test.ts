import { describe, expect, it } from 'vitest'
import { hostMessage, hubMessage, LIMITS, parseHostMessage, parseHubMessage } from '../../../src/protocol/index.ts'
import { withoutPrototypeKeys } from '../../../src/protocol/messages.ts'

const event = (data: unknown) => ({ protocol: 'connect-hub', version: 1, type: 'event', name: 'step', data })

describe('given a hub event message', () => {
  it('when its data is plain JSON within the limit → it parses', () => {
    expect(parseHubMessage(event({ screen: 'catalog', items: [1, 2], ok: true, none: null }))).toBeDefined()
    expect(parseHubMessage(hubMessage('event', { name: 'step' }))).toEqual({
      protocol: 'connect-hub',
      version: 1,
      type: 'event',
      name: 'step',
    })
  })

  it.each<[string, unknown]>([
    ['a 64 MB ArrayBuffer', new ArrayBuffer(64 * 1024 * 1024)],
    ['a Map', new Map([[1, 'x'.repeat(100_000)]])],
    ['a Date', new Date()],
    ['a typed array', new Uint8Array(8)],
    ['too much JSON', 'x'.repeat(LIMITS.data)],
  ])('when its data is %s → it does not parse', (_, data) => {
    expect(parseHubMessage(event(data))).toBeUndefined()
  })
})

describe('given a host init message', () => {
  it('when the session is a plain object → it parses; when it is not JSON → it does not', () => {
    expect(parseHostMessage(hostMessage('init', { token: 'tok', session: { provider: 'hibob' } }))).toBeDefined()
    expect(parseHostMessage({ ...hostMessage('init', { token: 'tok', session: {} }), session: { at: new Date() } })).toBeUndefined()
  })
})

describe('given a hub event whose data carries __proto__, constructor or prototype keys', () => {
  // As a hub's message arrives: a structured clone keeps __proto__ as an own key, as JSON.parse does.
  const data = JSON.parse(
    '{"__proto__":{"polluted":1},"constructor":{"name":"Object"},"prototype":{},"step":"catalog",' +
      '"items":[{"__proto__":{"polluted":2},"id":"a"}],"nested":{"deeper":{"constructor":{"prototype":{"polluted":3}},"ok":true}}}',
  )

  it('when it parses → its data is a copy without those keys at any depth, and the rest is kept', () => {
    const message = parseHubMessage(event(data))
    expect(message).toEqual({
      protocol: 'connect-hub',
      version: 1,
      type: 'event',
      name: 'step',
      data: { step: 'catalog', items: [{ id: 'a' }], nested: { deeper: { ok: true } } },
    })
    const parsed = (message as { data: Record<string, unknown> }).data
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(Object.hasOwn(parsed, '__proto__')).toBe(false)
    expect(JSON.stringify(parsed)).not.toMatch(/__proto__|constructor|prototype|polluted/)
    // The message as received is left as it was.
    expect(Object.hasOwn(data, '__proto__')).toBe(true)
  })

  it('when its data is only such keys → an empty object; other messages are returned as they came', () => {
    expect(parseHubMessage(event(JSON.parse('{"__proto__":{"a":1}}')))).toMatchObject({ data: {} })
    const ready = { protocol: 'connect-hub', version: 1, type: 'ready' }
    expect(parseHubMessage(ready)).toBe(ready)
  })
})

// Each cap at its limit and one over, written out as numbers: a looser (or tighter) cap fails here.
describe('given the size caps of hub and host messages', () => {
  const success = (id: string, provider = 'hibob') => ({
    protocol: 'connect-hub',
    version: 1,
    type: 'success',
    account: { id, provider },
    mode: 'create',
  })
  const error = (code: string, message = 'The hub broke') => ({ protocol: 'connect-hub', version: 1, type: 'error', code, message })
  const named = (name: string) => ({ protocol: 'connect-hub', version: 1, type: 'event', name })
  const resize = (height: number) => ({ protocol: 'connect-hub', version: 1, type: 'resize', height })

  it.each<[string, (value: string) => unknown]>([
    ['success account.id', (value) => success(value)],
    ['success account.provider', (value) => success('acc_1', value)],
    ['error code', (value) => error(value)],
    ['event name', (value) => named(value)],
  ])('when the %s has 256 characters → it parses; 257 → it does not', (_, message) => {
    expect(parseHubMessage(message('i'.repeat(256)))).toBeDefined()
    expect(parseHubMessage(message('i'.repeat(257)))).toBeUndefined()
  })

  it('when an error message has 2,000 characters → it parses; 2,001 → it does not', () => {
    expect(parseHubMessage(error('boom', 'm'.repeat(2000)))).toBeDefined()
    expect(parseHubMessage(error('boom', 'm'.repeat(2001)))).toBeUndefined()
  })

  it('when a resize asks for 100,000 px → it parses; 100,001 → it does not', () => {
    expect(parseHubMessage(resize(100_000))).toBeDefined()
    expect(parseHubMessage(resize(100_001))).toBeUndefined()
  })

  it.each<[string, (token: string) => unknown]>([
    ['an init token', (token) => hostMessage('init', { token, session: {} })],
    ['a refreshed token', (token) => hostMessage('token', { token })],
  ])('when %s has 8,192 characters → it parses; 8,193 → it does not', (_, message) => {
    expect(parseHostMessage(message('t'.repeat(8192)))).toBeDefined()
    expect(parseHostMessage(message('t'.repeat(8193)))).toBeUndefined()
  })

  it.each<[string, (size: number) => unknown]>([
    // "x…x" is its length plus two quotes
    ['a string', (size) => 'x'.repeat(size - 2)],
    // {"text":"x…x"} adds 11 characters
    ['an object', (size) => ({ text: 'x'.repeat(size - 11) })],
    // [1,"x…x"] adds 6 characters
    ['an array', (size) => [1, 'x'.repeat(size - 6)]],
  ])('when event data is %s of 16,384 characters as JSON → it parses; 16,385 → it does not', (_, make) => {
    const at = make(16_384)
    const over = make(16_385)
    expect(JSON.stringify(at)).toHaveLength(16_384)
    expect(JSON.stringify(over)).toHaveLength(16_385)
    expect(parseHubMessage(event(at))).toBeDefined()
    expect(parseHubMessage(event(over))).toBeUndefined()
  })

  it('when an init session is 16,384 characters as JSON → it parses; 16,385 → it does not', () => {
    // {"label":"x…x"} adds 12 characters
    const session = (size: number) => ({ label: 'x'.repeat(size - 12) })
    expect(JSON.stringify(session(16_384))).toHaveLength(16_384)
    expect(parseHostMessage(hostMessage('init', { token: 'tok', session: session(16_384) }))).toBeDefined()
    expect(parseHostMessage(hostMessage('init', { token: 'tok', session: session(16_385) }))).toBeUndefined()
  })

  it('the limits the protocol entry publishes are these numbers', () => {
    expect(LIMITS).toEqual({ id: 256, text: 2000, token: 8192, height: 100_000, data: 16_384 })
  })
})

/** Paths to every own __proto__, constructor or prototype key, and to every object whose prototype is not Object's. */
function prototypeKeysIn(value: unknown, path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return []
  const found = Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype ? [] : [`${path} (prototype)`]
  for (const key of Object.getOwnPropertyNames(value)) {
    if (['__proto__', 'constructor', 'prototype'].includes(key)) found.push(`${path}.${key}`)
    else found.push(...prototypeKeysIn((value as Record<string, unknown>)[key], `${path}.${key}`))
  }
  return found
}

describe('given withoutPrototypeKeys', () => {
  // JSON text, as a hub's message arrives: JSON.parse (like a structured clone) keeps __proto__ as an own key.
  const parsed = JSON.parse(
    '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"prototype":3,"screen":"catalog",' +
      '"steps":[{"__proto__":{"polluted":4},"name":"a"},[{"constructor":5,"ok":true}]],' +
      '"deep":{"a":{"b":{"prototype":{"polluted":6},"__proto__":null,"c":"d"}}}}',
  )

  it('when the value has __proto__, constructor and prototype keys at every depth → the copy has none, and the rest is kept', () => {
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true)
    const clean = withoutPrototypeKeys(parsed)
    expect(prototypeKeysIn(clean)).toEqual([])
    expect(JSON.stringify(clean)).toBe('{"screen":"catalog","steps":[{"name":"a"},[{"ok":true}]],"deep":{"a":{"b":{"c":"d"}}}}')
    expect(JSON.stringify(parsed)).toContain('"__proto__"')
  })

  it('when a host deep-merges the copy into an object of its own → no prototype is polluted', () => {
    const merge = (target: Record<string, unknown>, source: unknown) => {
      for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          target[key] ??= {}
          merge(target[key] as Record<string, unknown>, value)
        } else target[key] = value
      }
      return target
    }
    const merged = merge({}, withoutPrototypeKeys(parsed))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype)
    expect(merged).toEqual({ screen: 'catalog', steps: [{ name: 'a' }, [{ ok: true }]], deep: { a: { b: { c: 'd' } } } })
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', '__proto__'],
    ['a number', 3],
    ['an array of strings', ['constructor', 'prototype']],
    ['an object with other keys', { toString: 'x', hasOwnProperty: 1, valueOf: null }],
  ])('when the value is %s → an equal value', (_, value) => {
    expect(withoutPrototypeKeys(value)).toEqual(value)
  })
})
