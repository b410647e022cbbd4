import { describe, expect, it } from 'vitest'
import { isPlainObject, jsonSize, withoutPrototypeKeys } from '../../src/json.ts'

describe('given isPlainObject', () => {
  it.each([
    ['a literal', {}, true],
    ['an object without a prototype', Object.create(null), true],
    ['a JSON.parse result', JSON.parse('{"a":1}'), true],
    ['an array', [], false],
    ['a Map', new Map(), false],
    ['a Date', new Date(), false],
    ['a class instance', new (class Thing {})(), false],
    ['null', null, false],
    ['a string', 'x', false],
  ])('%s → %s', (_, value, expected) => {
    expect(isPlainObject(value)).toBe(expected)
  })
})

describe('given jsonSize', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'héllo'],
    ['a number', -12.5],
    ['booleans', [true, false]],
    ['an empty object', {}],
    ['an empty array', []],
    ['nested values', { a: [1, 'two', { three: null, four: [true, false] }], b: { c: 'd' } }],
  ])('when the value is %s → its length as JSON text', (_, value) => {
    expect(jsonSize(value, 1000)).toBe(JSON.stringify(value).length)
  })

  it.each<[string, unknown]>([
    ['a 64 MB ArrayBuffer', new ArrayBuffer(64 * 1024 * 1024)],
    ['a Map', new Map([['a', 1]])],
    ['a Set', new Set([1])],
    ['a Date', new Date()],
    ['a typed array', new Uint8Array(4)],
    ['a class instance', new (class Point {})()],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['undefined inside an object', { a: undefined }],
    ['a function', () => {}],
    ['a bigint', 1n],
    ['a symbol', Symbol('x')],
    ['a sparse array', Object.assign(new Array(3), { 0: 1, 2: 3 })],
    ['an ArrayBuffer deep inside', { a: [{ b: new ArrayBuffer(8) }] }],
  ])('when the value is %s → undefined (not plain JSON)', (_, value) => {
    expect(jsonSize(value, 1_000_000)).toBeUndefined()
  })

  it('when the value is larger than the limit → undefined, counted without serialising it', () => {
    expect(jsonSize('x'.repeat(98), 100)).toBe(100)
    expect(jsonSize('x'.repeat(99), 100)).toBeUndefined()
    expect(jsonSize({ ['k'.repeat(200)]: 1 }, 100)).toBeUndefined()
  })

  it('when the value is a huge array or refers to itself → it stops at the limit', () => {
    expect(jsonSize(new Array(5_000_000).fill(0), 16_384)).toBeUndefined()
    const cycle: Record<string, unknown> = { a: 1 }
    cycle.self = cycle
    expect(jsonSize(cycle, 1_000_000)).toBeUndefined()
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
