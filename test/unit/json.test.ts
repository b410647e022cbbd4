import { describe, expect, it } from 'vitest'
import { isPlainObject, jsonSize } from '../../src/json.ts'

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
