import { isPlainObject } from '../json.ts'
import { kindOf } from './kind.ts'

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

/** Serialised metadata larger than this is refused: it travels in every token request. */
export const METADATA_MAX_BYTES = 8192
const MAX_DEPTH = 32

/** Where inside `metadata` a problem is, and what to do about it. */
export interface MetadataProblem {
  path: (string | number)[]
  message: string
}

const JSON_KINDS = 'use strings, numbers, booleans, null, arrays and plain objects'

function hint(value: unknown): string {
  if (value === undefined) return 'remove the key or use null'
  if (typeof value === 'number') return 'use a finite number or null'
  if (typeof value === 'bigint') return 'use a string or a number'
  if (value instanceof Date) return 'use date.toISOString()'
  return JSON_KINDS
}

function jsonProblem(value: unknown, path: (string | number)[], ancestors: object[]): MetadataProblem | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined
  if (typeof value === 'number' && Number.isFinite(value)) return undefined
  const isArray = Array.isArray(value)
  if (!isArray && !isPlainObject(value)) {
    return { path, message: `is ${kindOf(value)}, which JSON cannot carry — ${hint(value)}` }
  }
  // JSON.stringify would throw on a cycle; name where it closes instead.
  if (ancestors.includes(value)) return { path, message: 'refers to an object that contains it — JSON cannot carry cycles' }
  if (ancestors.length >= MAX_DEPTH) return { path, message: `is nested deeper than ${MAX_DEPTH} levels — flatten it` }
  const inner = [...ancestors, value]
  if (isArray) {
    // A hole in a sparse array is `undefined` too, which JSON would turn into null.
    for (let i = 0; i < value.length; i++) {
      const problem = jsonProblem(value[i], [...path, i], inner)
      if (problem) return problem
    }
    return undefined
  }
  for (const key of Object.keys(value)) {
    const problem = jsonProblem(value[key], [...path, key], inner)
    if (problem) return problem
  }
  return undefined
}

/** Why `value` is not acceptable as `metadata` (with the path inside it), or `undefined` when it is. */
export function metadataProblem(value: unknown): MetadataProblem | undefined {
  if (!isPlainObject(value)) return { path: [], message: `must be a plain JSON object, not ${kindOf(value)}` }
  const problem = jsonProblem(value, [], [])
  if (problem) return problem
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length
  return bytes > METADATA_MAX_BYTES
    ? { path: [], message: `is ${bytes} bytes as JSON; keep it to ${METADATA_MAX_BYTES} bytes or fewer` }
    : undefined
}
