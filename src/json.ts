// JSON-shaped values, checked without serialising them: what a hub or a host may put in a message or in metadata.

/**
 * An object as JSON would make it: a literal, a `JSON.parse` result or a structured clone of one (its prototype is
 * `Object.prototype` or `null`) — not an array, a `Map`, a `Date`, a class instance or a typed array.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const MAX_DEPTH = 32

/**
 * The length of `value` as JSON text (string escapes aside), counted on the value itself, if it is a plain JSON value (plain objects and
 * arrays of strings, finite numbers, booleans and null, at most 32 levels deep) no longer than `max`; otherwise
 * `undefined`. It stops as soon as the count passes `max`, so a huge value costs no more than a small one; an
 * `ArrayBuffer`, a `Map` or a sparse array is refused, where `JSON.stringify` would have called them `{}` or nulls.
 */
export function jsonSize(value: unknown, max: number): number | undefined {
  let size = 0
  const visit = (item: unknown, depth: number): boolean => {
    const before = size
    if (item === null) size += 4
    else if (typeof item === 'string') size += item.length + 2
    else if (typeof item === 'boolean') size += item ? 4 : 5
    else if (typeof item === 'number') {
      if (!Number.isFinite(item)) return false
      size += String(item).length
    } else if (typeof item !== 'object' || depth >= MAX_DEPTH) return false
    else if (Array.isArray(item)) {
      if (Object.getPrototypeOf(item) !== Array.prototype) return false
      size += 2 + Math.max(0, item.length - 1)
      for (let i = 0; i < item.length; i++) {
        if (size > max || !(i in item) || !visit(item[i], depth + 1)) return false
      }
    } else if (isPlainObject(item)) {
      size += 1
      for (const key in item) {
        if (!Object.hasOwn(item, key)) continue
        // "key": and the comma or brace after the value
        size += key.length + 4
        if (size > max || !visit(item[key], depth + 1)) return false
      }
      if (size === before + 1) size += 1
    } else return false
    return size <= max
  }
  return visit(value, 0) ? size : undefined
}
