import { describe, expect, it } from 'vitest'
import {
  type ConnectHubIssue,
  fromConnectSessionRequest,
  isConnectHubError,
  parseConnectSessionCreate,
  parseConnectSessionOptions,
  toConnectSessionRequest,
} from '../../../src/session/index.ts'

const owner = { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc' }
const ownerOnWire = { origin_owner_id: 'customer-42', origin_owner_name: 'Acme Inc' }
const prefix = 'react-connect-hub: invalid connect session — '
const everyCategory =
  'ats, hris, hris-legacy, crm, iam, marketing, lms, stackone, documents, ticketing, screening, messaging, accounting, scheduling'
const notJson = 'which JSON cannot carry — use strings, numbers, booleans, null, arrays and plain objects'

class Preferences {
  theme = 'dark'
}
const circular: Record<string, unknown> = { name: 'loop' }
circular.self = circular
const circularInArray: Record<string, unknown> = { list: [] }
;(circularInArray.list as unknown[]).push({ parent: circularInArray })
let tooDeep: Record<string, unknown> = {}
for (let i = 1; i < 33; i++) tooDeep = { a: tooDeep }
const sparse: unknown[] = [1]
sparse[2] = 3

type Parse = (input: unknown) => unknown
const options: Parse = parseConnectSessionOptions
const create: Parse = parseConnectSessionCreate
const request: Parse = toConnectSessionRequest
const fromWire: Parse = fromConnectSessionRequest

type Row = [name: string, parse: Parse, input: unknown, issues: ConnectHubIssue[], message: string]

const rows: Row[] = [
  // expiresIn
  [
    'expiresIn 0',
    options,
    { expiresIn: 0 },
    [{ path: ['expiresIn'], message: 'must be a positive number of seconds such as 1800, not 0' }],
    'expiresIn must be a positive number of seconds such as 1800, not 0',
  ],
  [
    'expiresIn -1',
    options,
    { expiresIn: -1 },
    [{ path: ['expiresIn'], message: 'must be a positive number of seconds such as 1800, not -1' }],
    'expiresIn must be a positive number of seconds such as 1800, not -1',
  ],
  [
    'expiresIn 1.5',
    options,
    { expiresIn: 1.5 },
    [{ path: ['expiresIn'], message: 'must be a whole number of seconds such as 1800, not the number 1.5' }],
    'expiresIn must be a whole number of seconds such as 1800, not the number 1.5',
  ],
  [
    'expiresIn NaN',
    options,
    { expiresIn: Number.NaN },
    [{ path: ['expiresIn'], message: 'must be a whole number of seconds such as 1800, not NaN' }],
    'expiresIn must be a whole number of seconds such as 1800, not NaN',
  ],
  [
    'expiresIn Infinity',
    options,
    { expiresIn: Number.POSITIVE_INFINITY },
    [{ path: ['expiresIn'], message: 'must be a whole number of seconds such as 1800, not Infinity' }],
    'expiresIn must be a whole number of seconds such as 1800, not Infinity',
  ],
  [
    'expiresIn as the string "60"',
    options,
    { expiresIn: '60' },
    [{ path: ['expiresIn'], message: 'must be a whole number of seconds such as 1800, not the string "60"' }],
    'expiresIn must be a whole number of seconds such as 1800, not the string "60"',
  ],
  [
    'expiresIn beyond the safe integers',
    options,
    { expiresIn: 2 ** 60 },
    [{ path: ['expiresIn'], message: 'is too large — use a number of seconds such as 1800' }],
    'expiresIn is too large — use a number of seconds such as 1800',
  ],
  // empty strings and wrong types
  [
    'an empty provider',
    options,
    { provider: '' },
    [{ path: ['provider'], message: 'must not be empty — leave the field out instead' }],
    'provider must not be empty — leave the field out instead',
  ],
  [
    'an empty owner id on create',
    create,
    { ...owner, originOwnerId: '' },
    [{ path: ['originOwnerId'], message: 'must not be empty' }],
    'originOwnerId must not be empty',
  ],
  [
    'a numeric accountId',
    options,
    { accountId: 42 },
    [{ path: ['accountId'], message: 'must be a string, not the number 42' }],
    'accountId must be a string, not the number 42',
  ],
  [
    'a null label',
    options,
    { label: null },
    [{ path: ['label'], message: 'must be a string, not null — leave the field out instead' }],
    'label must be a string, not null — leave the field out instead',
  ],
  [
    'an object as originUsername',
    options,
    { originUsername: { name: 'jane' } },
    [{ path: ['originUsername'], message: 'must be a string, not an object' }],
    'originUsername must be a string, not an object',
  ],
  [
    'a boolean integrationId and an array providerVersion',
    options,
    { integrationId: true, providerVersion: ['2'] },
    [
      { path: ['integrationId'], message: 'must be a string, not true' },
      { path: ['providerVersion'], message: 'must be a string, not an array' },
    ],
    'integrationId must be a string, not true; providerVersion must be a string, not an array',
  ],
  [
    'multiple as the string "yes"',
    options,
    { multiple: 'yes' },
    [{ path: ['multiple'], message: 'must be true or false, not the string "yes"' }],
    'multiple must be true or false, not the string "yes"',
  ],
  [
    'multiple as 1',
    options,
    { multiple: 1 },
    [{ path: ['multiple'], message: 'must be true or false, not the number 1' }],
    'multiple must be true or false, not the number 1',
  ],
  [
    'type "Test"',
    options,
    { type: 'Test' },
    [{ path: ['type'], message: 'must be "production" or "test", not the string "Test"' }],
    'type must be "production" or "test", not the string "Test"',
  ],
  [
    'type "sandbox"',
    options,
    { type: 'sandbox' },
    [{ path: ['type'], message: 'must be "production" or "test", not the string "sandbox"' }],
    'type must be "production" or "test", not the string "sandbox"',
  ],
  // categories
  [
    'categories as a single string',
    options,
    { categories: 'hris' },
    [{ path: ['categories'], message: `must be an array of categories such as ['hris', 'ats'], not the string "hris"` }],
    `categories must be an array of categories such as ['hris', 'ats'], not the string "hris"`,
  ],
  [
    'an unknown category close to a known one',
    options,
    { categories: ['ats', 'hirs'] },
    [{ path: ['categories', 1], message: 'must be a category, not the string "hirs" (did you mean "hris"?)' }],
    'categories[1] must be a category, not the string "hirs" (did you mean "hris"?)',
  ],
  [
    'a category in capitals',
    options,
    { categories: ['ATS'] },
    [{ path: ['categories', 0], message: 'must be a category, not the string "ATS" (did you mean "ats"?)' }],
    'categories[0] must be a category, not the string "ATS" (did you mean "ats"?)',
  ],
  [
    'an unknown category close to none',
    options,
    { categories: ['payroll-and-benefits'] },
    [{ path: ['categories', 0], message: `must be a category, not the string "payroll-and-benefits" — use one of ${everyCategory}` }],
    `categories[0] must be a category, not the string "payroll-and-benefits" — use one of ${everyCategory}`,
  ],
  [
    'a number in categories',
    options,
    { categories: [3] },
    [{ path: ['categories', 0], message: `must be a category, not the number 3 — use one of ${everyCategory}` }],
    `categories[0] must be a category, not the number 3 — use one of ${everyCategory}`,
  ],
  // unknown keys
  [
    'the typo acountId',
    options,
    { acountId: 'acc_1' },
    [{ path: ['acountId'], message: 'is not a session field (did you mean "accountId"?)' }],
    'acountId is not a session field (did you mean "accountId"?)',
  ],
  [
    'the typo categorys',
    options,
    { categorys: ['hris'] },
    [{ path: ['categorys'], message: 'is not a session field (did you mean "categories"?)' }],
    'categorys is not a session field (did you mean "categories"?)',
  ],
  [
    'the wire name expires_in in the camelCase API',
    request,
    { ...owner, expires_in: 600 },
    [{ path: ['expires_in'], message: 'is not a session field (did you mean "expiresIn"?)' }],
    'expires_in is not a session field (did you mean "expiresIn"?)',
  ],
  [
    'a key close to no field',
    options,
    { colour: 'blue' },
    [{ path: ['colour'], message: 'is not a session field' }],
    'colour is not a session field',
  ],
  // metadata
  [
    'metadata that is an array',
    options,
    { metadata: ['a'] },
    [{ path: ['metadata'], message: 'must be a plain JSON object, not an array' }],
    'metadata must be a plain JSON object, not an array',
  ],
  [
    'metadata that is a Date',
    options,
    { metadata: new Date(0) },
    [{ path: ['metadata'], message: 'must be a plain JSON object, not a Date' }],
    'metadata must be a plain JSON object, not a Date',
  ],
  [
    'metadata that is a class instance',
    options,
    { metadata: new Preferences() },
    [{ path: ['metadata'], message: 'must be a plain JSON object, not a Preferences' }],
    'metadata must be a plain JSON object, not a Preferences',
  ],
  [
    'metadata that is null',
    options,
    { metadata: null },
    [{ path: ['metadata'], message: 'must be a plain JSON object, not null' }],
    'metadata must be a plain JSON object, not null',
  ],
  [
    'metadata holding a function',
    options,
    { metadata: { onDone: () => undefined } },
    [{ path: ['metadata', 'onDone'], message: `is a function, ${notJson}` }],
    `metadata.onDone is a function, ${notJson}`,
  ],
  [
    'metadata holding undefined',
    options,
    { metadata: { plan: undefined } },
    [{ path: ['metadata', 'plan'], message: 'is undefined, which JSON cannot carry — remove the key or use null' }],
    'metadata.plan is undefined, which JSON cannot carry — remove the key or use null',
  ],
  [
    'metadata holding a sparse array',
    options,
    { metadata: { ids: sparse } },
    [{ path: ['metadata', 'ids', 1], message: 'is undefined, which JSON cannot carry — remove the key or use null' }],
    'metadata.ids[1] is undefined, which JSON cannot carry — remove the key or use null',
  ],
  [
    'metadata holding NaN',
    options,
    { metadata: { score: Number.NaN } },
    [{ path: ['metadata', 'score'], message: 'is NaN, which JSON cannot carry — use a finite number or null' }],
    'metadata.score is NaN, which JSON cannot carry — use a finite number or null',
  ],
  [
    'metadata holding a BigInt',
    options,
    { metadata: { big: 10n } },
    [{ path: ['metadata', 'big'], message: 'is a bigint, which JSON cannot carry — use a string or a number' }],
    'metadata.big is a bigint, which JSON cannot carry — use a string or a number',
  ],
  [
    'metadata holding a Date deep inside',
    options,
    { metadata: { 'signed up': [{ at: new Date(0) }] } },
    [{ path: ['metadata', 'signed up', 0, 'at'], message: 'is a Date, which JSON cannot carry — use date.toISOString()' }],
    'metadata["signed up"][0].at is a Date, which JSON cannot carry — use date.toISOString()',
  ],
  [
    'metadata holding a Map',
    options,
    { metadata: { lookup: new Map() } },
    [{ path: ['metadata', 'lookup'], message: `is a Map, ${notJson}` }],
    `metadata.lookup is a Map, ${notJson}`,
  ],
  [
    'circular metadata',
    options,
    { metadata: circular },
    [{ path: ['metadata', 'self'], message: 'refers to an object that contains it — JSON cannot carry cycles' }],
    'metadata.self refers to an object that contains it — JSON cannot carry cycles',
  ],
  [
    'metadata circular through an array',
    options,
    { metadata: circularInArray },
    [{ path: ['metadata', 'list', 0, 'parent'], message: 'refers to an object that contains it — JSON cannot carry cycles' }],
    'metadata.list[0].parent refers to an object that contains it — JSON cannot carry cycles',
  ],
  [
    'metadata nested 33 levels deep',
    options,
    { metadata: tooDeep },
    [{ path: ['metadata', ...Array(32).fill('a')], message: 'is nested deeper than 32 levels — flatten it' }],
    `metadata${'.a'.repeat(32)} is nested deeper than 32 levels — flatten it`,
  ],
  [
    'metadata over 8 KB',
    options,
    { metadata: { s: 'x'.repeat(9000) } },
    [{ path: ['metadata'], message: 'is 9008 bytes as JSON; keep it to 8192 bytes or fewer' }],
    'metadata is 9008 bytes as JSON; keep it to 8192 bytes or fewer',
  ],
  [
    'metadata under 8192 characters but over 8192 bytes',
    options,
    { metadata: { s: 'é'.repeat(4093) } },
    [{ path: ['metadata'], message: 'is 8194 bytes as JSON; keep it to 8192 bytes or fewer' }],
    'metadata is 8194 bytes as JSON; keep it to 8192 bytes or fewer',
  ],
  // not an object at all
  [
    'null options',
    options,
    null,
    [{ path: [], message: 'session options must be an object, not null' }],
    'session options must be an object, not null',
  ],
  [
    'an array as options',
    options,
    [owner],
    [{ path: [], message: 'session options must be an object, not an array' }],
    'session options must be an object, not an array',
  ],
  [
    'a string as options',
    options,
    'hibob',
    [{ path: [], message: 'session options must be an object, not the string "hibob"' }],
    'session options must be an object, not the string "hibob"',
  ],
  [
    'undefined as a session',
    create,
    undefined,
    [{ path: [], message: 'a connect session must be an object, not undefined' }],
    'a connect session must be an object, not undefined',
  ],
  // missing owner on create
  [
    'a session without owner',
    create,
    { provider: 'hibob' },
    [
      { path: ['originOwnerId'], message: 'is required' },
      { path: ['originOwnerName'], message: 'is required' },
    ],
    'originOwnerId is required; originOwnerName is required',
  ],
  [
    'a request without owner name',
    request,
    { originOwnerId: 'c1' },
    [{ path: ['originOwnerName'], message: 'is required' }],
    'originOwnerName is required',
  ],
  [
    'a null owner name on create',
    create,
    { originOwnerId: 'c1', originOwnerName: null },
    [{ path: ['originOwnerName'], message: 'must be a string, not null' }],
    'originOwnerName must be a string, not null',
  ],
  // several problems at once, in field order
  [
    'several problems at once',
    create,
    { originOwnerName: 'Acme', provider: 7, expiresIn: 0, extra: 1 },
    [
      { path: ['originOwnerId'], message: 'is required' },
      { path: ['provider'], message: 'must be a string, not the number 7' },
      { path: ['expiresIn'], message: 'must be a positive number of seconds such as 1800, not 0' },
      { path: ['extra'], message: 'is not a session field' },
    ],
    'originOwnerId is required; provider must be a string, not the number 7; expiresIn must be a positive number of seconds such as 1800, not 0; extra is not a session field',
  ],
  // the wire body
  [
    'a wire body with camelCase accountId',
    fromWire,
    { ...ownerOnWire, accountId: 'acc_1' },
    [{ path: ['accountId'], message: 'is not a session field (did you mean "account_id"?)' }],
    'accountId is not a session field (did you mean "account_id"?)',
  ],
  [
    'a wire body without owner',
    fromWire,
    { provider: 'hibob' },
    [
      { path: ['origin_owner_id'], message: 'is required' },
      { path: ['origin_owner_name'], message: 'is required' },
    ],
    'origin_owner_id is required; origin_owner_name is required',
  ],
  [
    'a wire body with a bad category and expires_in',
    fromWire,
    { ...ownerOnWire, categories: ['hris_legacy'], expires_in: -5 },
    [
      { path: ['categories', 0], message: 'must be a category, not the string "hris_legacy" (did you mean "hris-legacy"?)' },
      { path: ['expires_in'], message: 'must be a positive number of seconds such as 1800, not -5' },
    ],
    'categories[0] must be a category, not the string "hris_legacy" (did you mean "hris-legacy"?); expires_in must be a positive number of seconds such as 1800, not -5',
  ],
  [
    'a wire body with metadata holding a function',
    fromWire,
    { ...ownerOnWire, metadata: { f: Math.max } },
    [{ path: ['metadata', 'f'], message: `is a function, ${notJson}` }],
    `metadata.f is a function, ${notJson}`,
  ],
  [
    'a wire body that is an array',
    fromWire,
    [],
    [{ path: [], message: 'a connect session must be an object, not an array' }],
    'a connect session must be an object, not an array',
  ],
]

describe('given an invalid session', () => {
  it('→ the table covers at least 30 distinct inputs', () => {
    expect(new Set(rows.map(([name]) => name)).size).toBe(rows.length)
    expect(rows.length).toBeGreaterThanOrEqual(30)
  })

  it.each(rows)('when given %s → it throws invalid_session with exact issues and message', (_name, parse, input, issues, message) => {
    let thrown: unknown
    try {
      parse(input)
    } catch (error) {
      thrown = error
    }
    expect(isConnectHubError(thrown)).toBe(true)
    expect(thrown).toMatchObject({ name: 'ConnectHubError', code: 'invalid_session' })
    expect((thrown as { issues: unknown }).issues).toStrictEqual(issues)
    expect((thrown as Error).message).toBe(prefix + message)
  })
})
