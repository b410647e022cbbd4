import * as z from 'zod/mini'
import { ACCOUNT_TYPE_ALIASES, ACCOUNT_TYPES, CATEGORIES, CATEGORY_ALIASES } from './categories'
import { type JsonObject, metadataProblem } from './metadata'
import { didYouMean } from './suggest'

type Issue = { input?: unknown }

const text = z
  .string({ error: (issue: Issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .check(z.minLength(1, { error: 'must not be empty' }))

const seconds = z.int({ error: 'must be a whole number of seconds' }).check(z.positive({ error: 'must be greater than 0' }))

const categoryInputs = [...CATEGORIES, ...(Object.keys(CATEGORY_ALIASES) as (keyof typeof CATEGORY_ALIASES)[])] as const

const category = z.pipe(
  z.enum(categoryInputs, {
    error: (issue: Issue) => {
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, CATEGORIES) : ''
      return `${JSON.stringify(issue.input)} is not a category${hint || ` — use one of ${CATEGORIES.join(', ')}`}`
    },
  }),
  z.transform((value) =>
    value in CATEGORY_ALIASES ? CATEGORY_ALIASES[value as keyof typeof CATEGORY_ALIASES] : (value as (typeof CATEGORIES)[number]),
  ),
)

const accountType = z.pipe(
  z.enum([...ACCOUNT_TYPES, ...(Object.keys(ACCOUNT_TYPE_ALIASES) as (keyof typeof ACCOUNT_TYPE_ALIASES)[])], {
    error: `must be "production" or "test"`,
  }),
  z.transform((value) => value.toLowerCase() as (typeof ACCOUNT_TYPES)[number]),
)

const metadata = z.custom<JsonObject>((value) => metadataProblem(value) === undefined, {
  error: (issue: Issue) => metadataProblem(issue.input) ?? 'must be a plain JSON object',
})

const optionalFields = {
  /** Who owns the account: your customer's id. Set on the server; ignored from the browser by `createConnectSessionHandler`. */
  originOwnerId: z.optional(text),
  /** Your customer's name, shown in StackOne's dashboard. */
  originOwnerName: z.optional(text),
  /** The end user's name in your product. */
  originUsername: z.optional(text),
  /** Preselects one integration, e.g. `'hibob'`: the hub skips its catalog. */
  provider: z.optional(text),
  /** Limits the catalog to these categories. */
  categories: z.optional(z.array(category, { error: 'must be an array of categories' })),
  /** Opens the hub in edit mode for this existing account. */
  accountId: z.optional(text),
  /** How long the token lives, in seconds. StackOne's default is 1800. */
  expiresIn: z.optional(seconds),
  /** A label applied to the connected account. */
  label: z.optional(text),
  /** A JSON object stored with the account, passed through untouched. */
  metadata: z.optional(metadata),
  /** Allows several accounts with the same owner and provider. No effect with `accountId`. */
  multiple: z.optional(z.boolean({ error: 'must be true or false' })),
  /** The integration to connect. */
  integrationId: z.optional(text),
  /** The provider version to connect. */
  providerVersion: z.optional(text),
  /** `'test'` connects a sandbox account. */
  type: z.optional(accountType),
}

/** The wire name of every session field, in the order StackOne documents them. */
export const WIRE_NAMES = {
  originOwnerId: 'origin_owner_id',
  originOwnerName: 'origin_owner_name',
  originUsername: 'origin_username',
  provider: 'provider',
  categories: 'categories',
  accountId: 'account_id',
  expiresIn: 'expires_in',
  label: 'label',
  metadata: 'metadata',
  multiple: 'multiple',
  integrationId: 'integration_id',
  providerVersion: 'provider_version',
  type: 'type',
} as const satisfies Record<keyof typeof optionalFields, string>

export const SESSION_FIELDS = Object.keys(WIRE_NAMES) as (keyof typeof WIRE_NAMES)[]

/** What a browser may ask for: every field optional. */
export const connectSessionOptionsSchema = z.strictObject(optionalFields, {
  error: 'session options must be an object',
})

/** What the server sends to `POST /connect_sessions`: the owner fields are required. */
export const connectSessionCreateSchema = z.strictObject(
  { ...optionalFields, originOwnerId: text, originOwnerName: text },
  { error: 'a connect session must be an object' },
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
