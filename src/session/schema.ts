import * as z from 'zod/mini'
import { ACCOUNT_TYPE_ALIASES, ACCOUNT_TYPES, CATEGORIES, CATEGORY_ALIASES } from './categories.ts'
import { kindOf } from './kind.ts'
import { type JsonObject, metadataProblem } from './metadata.ts'
import { didYouMean } from './suggest.ts'
import type { WIRE_NAMES } from './wire.ts'

// The launcher loads this schema when a button mounts, and zod/mini adds code for each kind of schema and check it
// uses (0.1 to 0.5 kB gzip apiece). So zod holds the object (its fields, unknown keys, optional fields, parsing,
// ZodError, the types) and each field is a plain check that reports the issues zod's own schema for it would: the
// same codes, values, paths and words, their keys in zod's order (a ZodError's message is its issues as JSON), with
// `path: []` ahead of `message`, where zod puts the field's name.

type Issue = { input?: unknown }
type Category = (typeof CATEGORIES)[number]
type AccountType = (typeof ACCOUNT_TYPES)[number]

/**
 * A field that a plain check alone validates, typed as what it lets through: `z.custom<Output, Input>()`'s types
 * without the refinement code that z.custom brings and that no field here uses.
 */
const checked = <Output, Input = Output>(check: z.core.CheckFn<unknown>) => z.unknown().check(check) as z.ZodMiniType<Output, Input>

/** A non-empty string, as `z.string().check(z.minLength(1))`. */
function text(whenMissing: string) {
  return checked<string>((payload) => {
    const input = payload.value
    if (typeof input !== 'string') {
      const message = input === undefined ? 'is required' : `must be a string, not ${kindOf(input)}${input === null ? whenMissing : ''}`
      payload.issues.push({ expected: 'string', code: 'invalid_type', input, path: [], message })
    }
    // Like z.minLength, on anything with a length: an empty array is not a string, and empty.
    const length = input == null ? undefined : (input as { length?: number }).length
    if (length === undefined || length >= 1) return
    const origin = typeof input === 'string' ? 'string' : Array.isArray(input) ? 'array' : 'unknown'
    const message = `must not be empty${whenMissing}`
    payload.issues.push({ origin, code: 'too_small', minimum: 1, inclusive: true, input, path: [], message })
  })
}

const optionalText = z.optional(text(' — leave the field out instead'))
export const requiredText = text('')

const wholeSeconds = (input: unknown) => `must be a whole number of seconds such as 1800, not ${kindOf(input)}`

/** A positive safe integer, as `z.int().check(z.positive())`. */
const seconds = checked<number>((payload) => {
  const input = payload.value
  if (typeof input !== 'number' || !Number.isFinite(input)) {
    const received = typeof input === 'number' ? { received: String(input) } : {}
    const message = wholeSeconds(input)
    return void payload.issues.push({ expected: 'number', code: 'invalid_type', input, ...received, path: [], message })
  }
  if (!Number.isInteger(input)) {
    return void payload.issues.push({
      expected: 'int',
      format: 'safeint',
      code: 'invalid_type',
      input,
      path: [],
      message: wholeSeconds(input),
    })
  }
  if (!Number.isSafeInteger(input)) {
    const bound =
      input > 0
        ? ({ code: 'too_big', maximum: Number.MAX_SAFE_INTEGER } as const)
        : ({ code: 'too_small', minimum: Number.MIN_SAFE_INTEGER } as const)
    const note = 'Integers must be within the safe integer range.'
    const message = 'is too large — use a number of seconds such as 1800'
    payload.issues.push({ ...bound, note, origin: 'int', inclusive: true, input, path: [], message })
  }
  if (input <= 0) {
    const message = `must be a positive number of seconds such as 1800, not ${input}`
    payload.issues.push({ origin: 'number', code: 'too_small', minimum: 0, inclusive: false, input, path: [], message })
  }
})

/** The spellings accepted for a field (a z.enum's values: the wire's, then the aliases), and the wire's for one of them. */
function spellings<Wire extends string, Alias extends string>(wire: readonly Wire[], aliases: Record<Alias, Wire>) {
  const values: (Wire | Alias)[] = [...wire, ...(Object.keys(aliases) as Alias[])]
  const toWire = (input: unknown): Wire | undefined =>
    typeof input === 'string' && values.includes(input as Wire) ? ((aliases as Record<string, Wire>)[input] ?? (input as Wire)) : undefined
  return { values, toWire }
}

const category = spellings(CATEGORIES, CATEGORY_ALIASES)

/** An array of categories, each in its wire spelling, as `z.array(z.enum(…))` with the aliases rewritten. */
const categories = checked<Category[], (typeof category.values)[number][]>((payload) => {
  const input: unknown = payload.value
  if (!Array.isArray(input)) {
    const message = `must be an array of categories such as ['hris', 'ats'], not ${kindOf(input)}`
    return void payload.issues.push({ expected: 'array', code: 'invalid_type', input, path: [], message })
  }
  const wire: Category[] = []
  // By index, not forEach: a hole is an undefined category, as zod reports it.
  for (let i = 0; i < input.length; i++) {
    const item: unknown = input[i]
    const spelled = category.toWire(item)
    if (spelled) wire.push(spelled)
    else {
      const hint = typeof item === 'string' ? didYouMean(item, CATEGORIES) : ''
      const message = `must be a category, not ${kindOf(item)}${hint || ` — use one of ${CATEGORIES.join(', ')}`}`
      payload.issues.push({ code: 'invalid_value', values: category.values, input: item, path: [i], message })
    }
  }
  payload.value = wire
})

/** `true` or `false`, as `z.boolean()`. */
const flag = checked<boolean>((payload) => {
  const input = payload.value
  if (typeof input !== 'boolean') {
    payload.issues.push({
      expected: 'boolean',
      code: 'invalid_type',
      input,
      path: [],
      message: `must be true or false, not ${kindOf(input)}`,
    })
  }
})

const accountTypes = spellings(ACCOUNT_TYPES, ACCOUNT_TYPE_ALIASES)

/** `'production'` or `'test'`, as `z.enum(…)` with the aliases rewritten. */
const accountType = checked<AccountType, (typeof accountTypes.values)[number]>((payload) => {
  const input: unknown = payload.value
  const spelled = accountTypes.toWire(input)
  if (spelled) payload.value = spelled
  else {
    const message = `must be "production" or "test", not ${kindOf(input)}`
    payload.issues.push({ code: 'invalid_value', values: accountTypes.values, input, path: [], message })
  }
})

const metadata = checked<JsonObject>((payload) => {
  const problem = metadataProblem(payload.value)
  if (problem) payload.issues.push({ code: 'custom', input: payload.value, ...problem })
})

export const optionalFields = {
  /** Who owns the account: your customer's id. Set on the server; ignored from the browser by `createConnectSessionHandler`. */
  originOwnerId: optionalText,
  /** Your customer's name, shown in StackOne's dashboard. */
  originOwnerName: optionalText,
  /** The end user's name in your product. */
  originUsername: optionalText,
  /** Preselects one integration, e.g. `'hibob'`: the hub skips its catalog. */
  provider: optionalText,
  /** Limits the catalog to these categories. */
  categories: z.optional(categories),
  /** Opens the hub in edit mode for this existing account. */
  accountId: optionalText,
  /** How long the token lives, in seconds. StackOne's default is 1800. */
  expiresIn: z.optional(seconds),
  /** A label applied to the connected account. */
  label: optionalText,
  /** A JSON object stored with the account, passed through untouched. */
  metadata: z.optional(metadata),
  /** Allows several accounts with the same owner and provider. No effect with `accountId`. */
  multiple: z.optional(flag),
  /** The integration to connect. */
  integrationId: optionalText,
  /** The provider version to connect. */
  providerVersion: optionalText,
  /** `'test'` connects a sandbox account. */
  type: z.optional(accountType),
} satisfies Record<keyof typeof WIRE_NAMES, z.ZodMiniType>

/** What a browser may ask for: every field optional. */
export const connectSessionOptionsSchema = z.strictObject(optionalFields, {
  error: (issue: Issue) => `session options must be an object, not ${kindOf(issue.input)}`,
})

/** Connect-session options as you write them (alternate category and type spellings allowed). */
export type ConnectSessionOptions = z.input<typeof connectSessionOptionsSchema>
/** Connect-session options after validation: wire spellings for categories and type. */
export type NormalizedConnectSessionOptions = z.output<typeof connectSessionOptionsSchema>
export type { AccountType, Category }
