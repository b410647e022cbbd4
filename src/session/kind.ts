/** A short description of what a value is, for messages such as `must be a string, not a number`. */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'boolean') return String(value)
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : String(value)
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : `the string ${JSON.stringify(value)}`
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value)
    const name = proto === null || proto === Object.prototype ? 'object' : (proto.constructor?.name ?? 'object')
    return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`
  }
  return `a ${typeof value}`
}
