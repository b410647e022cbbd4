export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

/** Serialised metadata larger than this is refused: it travels in every token request. */
export const METADATA_MAX_BYTES = 8192
const MAX_DEPTH = 32

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function jsonProblem(value: unknown, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return `is nested deeper than ${MAX_DEPTH} levels (or refers to itself)`
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `holds ${value}, which JSON cannot carry`
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = jsonProblem(item, depth + 1)
      if (problem) return problem
    }
    return undefined
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const problem = jsonProblem(value[key], depth + 1)
      if (problem) return problem
    }
    return undefined
  }
  const kind = typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value
  return `holds a ${kind}, which is not JSON — use strings, numbers, booleans, null, arrays and plain objects`
}

/** Why `value` is not acceptable as `metadata`, or `undefined` when it is. */
export function metadataProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'must be a plain JSON object'
  const problem = jsonProblem(value, 0)
  if (problem) return problem
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length
  return bytes > METADATA_MAX_BYTES ? `is ${bytes} bytes as JSON; keep it under ${METADATA_MAX_BYTES}` : undefined
}
