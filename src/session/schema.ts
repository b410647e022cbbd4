import * as z from 'zod/mini'
import { ACCOUNT_TYPE_ALIASES, ACCOUNT_TYPES, CATEGORIES, CATEGORY_ALIASES } from './categories.ts'
import { kindOf } from './kind.ts'
import { type JsonObject, metadataProblem } from './metadata.ts'
import { didYouMean } from './suggest.ts'
import type { WIRE_NAMES } from './wire.ts'

// The launcher loads this schema when a button mounts, and zod/mini brings in code for each kind of schema and check
// it uses: the checks below are plain functions (zod's `.check(fn)`) where a zod helper would cost more than it says.

type Issue = { input?: unknown }

function text(whenMissing: string) {
  return z
    .string({
      error: (issue: Issue) =>
        issue.input === undefined
          ? 'is required'
          : `must be a string, not ${kindOf(issue.input)}${issue.input === null ? whenMissing : ''}`,
    })
    .check(z.minLength(1, { error: `must not be empty${whenMissing}` }))
}

const optionalText = z.optional(text(' — leave the field out instead'))
const requiredText = text('')

// z.int() and z.positive() without their code (zod/mini's number formats and comparisons): the same issues, worded by
// the same function. Keys in zod's order, since a ZodError's message is its issues as JSON.
const seconds = z
  .number({
    error: (issue: Issue) =>
      typeof issue.input === 'number' && Number.isInteger(issue.input)
        ? `is too large — use a number of seconds such as 1800`
        : `must be a whole number of seconds such as 1800, not ${kindOf(issue.input)}`,
  })
  .check((payload) => {
    const input = payload.value
    if (!Number.isInteger(input)) return void payload.issues.push({ expected: 'int', format: 'safeint', code: 'invalid_type', input })
    const note = 'Integers must be within the safe integer range.'
    const { MAX_SAFE_INTEGER: maximum, MIN_SAFE_INTEGER: minimum } = Number
    if (input > maximum) payload.issues.push({ input, code: 'too_big', maximum, note, origin: 'int', inclusive: true })
    if (input < minimum) payload.issues.push({ input, code: 'too_small', minimum, note, origin: 'int', inclusive: true })
    if (input <= 0) {
      const message = `must be a positive number of seconds such as 1800, not ${input}`
      payload.issues.push({ origin: 'number', code: 'too_small', minimum: 0, inclusive: false, input, path: [], message })
    }
  })

/** An enum of the wire spellings and their aliases, rewritten to the wire spelling once accepted. */
function spelled<const Wire extends string, const Aliases extends Record<string, Wire>>(
  wire: readonly Wire[],
  aliases: Aliases,
  error: (issue: Issue) => string,
) {
  const spellings: (Wire | (keyof Aliases & string))[] = [...wire, ...Object.keys(aliases)]
  const schema = z.enum(spellings, { error }).check(z.overwrite((value) => aliases[value] ?? value))
  return schema as z.ZodMiniType<Wire, z.input<typeof schema>>
}

const category = spelled(CATEGORIES, CATEGORY_ALIASES, (issue) => {
  const hint = typeof issue.input === 'string' ? didYouMean(issue.input, CATEGORIES) : ''
  return `must be a category, not ${kindOf(issue.input)}${hint || ` — use one of ${CATEGORIES.join(', ')}`}`
})

const accountType = spelled(ACCOUNT_TYPES, ACCOUNT_TYPE_ALIASES, (issue) => `must be "production" or "test", not ${kindOf(issue.input)}`)

const metadata = z.custom<JsonObject>().check((payload) => {
  const problem = metadataProblem(payload.value)
  if (problem) payload.issues.push({ code: 'custom', input: payload.value, ...problem })
})

const optionalFields = {
  /** Who owns the account: your customer's id. Set on the server; ignored from the browser by `createConnectSessionHandler`. */
  originOwnerId: optionalText,
  /** Your customer's name, shown in StackOne's dashboard. */
  originOwnerName: optionalText,
  /** The end user's name in your product. */
  originUsername: optionalText,
  /** Preselects one integration, e.g. `'hibob'`: the hub skips its catalog. */
  provider: optionalText,
  /** Limits the catalog to these categories. */
  categories: z.optional(
    z.array(category, { error: (issue: Issue) => `must be an array of categories such as ['hris', 'ats'], not ${kindOf(issue.input)}` }),
  ),
  /** Opens the hub in edit mode for this existing account. */
  accountId: optionalText,
  /** How long the token lives, in seconds. StackOne's default is 1800. */
  expiresIn: z.optional(seconds),
  /** A label applied to the connected account. */
  label: optionalText,
  /** A JSON object stored with the account, passed through untouched. */
  metadata: z.optional(metadata),
  /** Allows several accounts with the same owner and provider. No effect with `accountId`. */
  multiple: z.optional(z.boolean({ error: (issue: Issue) => `must be true or false, not ${kindOf(issue.input)}` })),
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

/** What the server sends to `POST /connect_sessions`: the owner fields are required. */
export const connectSessionCreateSchema = z.strictObject(
  { ...optionalFields, originOwnerId: requiredText, originOwnerName: requiredText },
  { error: (issue: Issue) => `a connect session must be an object, not ${kindOf(issue.input)}` },
)

/** Connect-session options as you write them (alternate category and type spellings allowed). */
export type ConnectSessionOptions = z.input<typeof connectSessionOptionsSchema>
/** Connect-session options after validation: wire spellings for categories and type. */
export type NormalizedConnectSessionOptions = z.output<typeof connectSessionOptionsSchema>
/** A complete connect session, as the server creates it. */
export type ConnectSessionCreate = z.input<typeof connectSessionCreateSchema>
export type NormalizedConnectSessionCreate = z.output<typeof connectSessionCreateSchema>
export type Category = (typeof CATEGORIES)[number]
export type AccountType = (typeof ACCOUNT_TYPES)[number]

type Wire<T> = { [K in keyof T as K extends keyof typeof WIRE_NAMES ? (typeof WIRE_NAMES)[K] : never]: T[K] }
/** The JSON body of `POST /connect_sessions`, snake_case. */
export type ConnectSessionRequest = Wire<NormalizedConnectSessionCreate>
