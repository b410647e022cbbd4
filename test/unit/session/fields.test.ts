import { describe, expect, it } from 'vitest'
import {
  CATEGORIES,
  ConnectHubError,
  fromConnectSessionRequest,
  parseConnectSessionCreate,
  parseConnectSessionOptions,
  toConnectSessionRequest,
} from '../../../src/session/index.ts'

/** Every session field and its name on the wire, written out once: the tables below are made from it. */
const WIRE = {
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
} as const
type Field = keyof typeof WIRE
const OWNER_FIELDS: readonly Field[] = ['originOwnerId', 'originOwnerName']
const optionalFields = (Object.keys(WIRE) as Field[]).filter((field) => !OWNER_FIELDS.includes(field))

/** The fourteen categories as the newer seed documents them: the wire values, with two in their aliased spelling. */
const DOCUMENTED_CATEGORIES = [
  'ats',
  'hris',
  'hrisLegacy',
  'crm',
  'iam',
  'marketing',
  'lms',
  'stackOne',
  'documents',
  'ticketing',
  'screening',
  'messaging',
  'accounting',
  'scheduling',
]
const ALIASES: Record<string, string> = { hrisLegacy: 'hris-legacy', stackOne: 'stackone' }
const WIRE_CATEGORIES = DOCUMENTED_CATEGORIES.map((category) => ALIASES[category] ?? category)

/** The newer seed's example list, as the seed writes it. */
const SEED_CATEGORIES = [
  'ats',
  'hris',
  'crm',
  'crm',
  'iam',
  'marketing',
  'lms',
  'stackone',
  'documents',
  'ticketing',
  'screening',
  'messaging',
  'accounting',
  'scheduling',
]

const owner = { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc' }
const ownerOnWire = { origin_owner_id: 'customer-42', origin_owner_name: 'Acme Inc' }

function caught(run: () => unknown): ConnectHubError {
  try {
    run()
  } catch (error) {
    if (error instanceof ConnectHubError) return error
    throw error
  }
  throw new Error('expected a ConnectHubError, but nothing was thrown')
}

const metadata = { plan: 'pro', seats: 12, trial: false, note: null, tags: ['a', 1, null, [true, { deep: [] }]], nested: { empty: {} } }

// [field, value as written, value after normalisation (when it differs)]
const validFields = (
  [
    ['originOwnerId', 'customer-7'],
    ['originOwnerName', 'Globex'],
    ['originUsername', 'jane@acme.test'],
    ['provider', 'hibob'],
    ['categories', ['hris', 'ats']],
    ['categories', []],
    ['accountId', 'acc_123'],
    ['expiresIn', 1],
    ['expiresIn', 1800],
    ['expiresIn', 86_400],
    ['expiresIn', Number.MAX_SAFE_INTEGER],
    ['label', 'Payroll (EU)'],
    ['metadata', metadata],
    ['metadata', {}],
    ['multiple', true],
    ['multiple', false],
    ['integrationId', 'int_9'],
    ['providerVersion', '2.1.0'],
    ['type', 'production'],
    ['type', 'test'],
    ['type', 'PRODUCTION', 'production'],
    ['type', 'TEST', 'test'],
  ] satisfies [Field, unknown, unknown?][]
).map(([field, value, ...normalised]): [Field, unknown, unknown, string] => [
  field,
  value,
  normalised.length ? normalised[0] : value,
  WIRE[field],
])

describe('given one valid field', () => {
  it.each(validFields)('when %s is %j → it parses as options to the normalised value', (field, value, normalised) => {
    expect(parseConnectSessionOptions({ [field]: value })).toStrictEqual({ [field]: normalised })
  })

  it.each(validFields)('when %s is %j → the request body carries it under its wire name', (field, value, normalised, wire) => {
    expect(toConnectSessionRequest({ ...owner, [field]: value })).toStrictEqual({ ...ownerOnWire, [wire]: normalised })
  })

  it.each(validFields)('when %s is %j → the wire body parses back to the same session', (field, value, normalised, wire) => {
    expect(fromConnectSessionRequest({ ...ownerOnWire, [wire]: value })).toStrictEqual({ ...owner, [field]: normalised })
  })
})

describe('given categories', () => {
  it.each(CATEGORIES.map((category) => [category]))('when the category is %s → it is kept as is', (category) => {
    expect(parseConnectSessionOptions({ categories: [category] })).toStrictEqual({ categories: [category] })
  })

  it('when all fourteen are listed → they are the fourteen documented wire values', () => {
    expect(CATEGORIES).toStrictEqual(WIRE_CATEGORIES)
  })

  it.each(Object.entries(ALIASES))('when written %s → it is normalised to %s', (alias, wire) => {
    expect(parseConnectSessionOptions({ categories: [alias] })).toStrictEqual({ categories: [wire] })
    expect(toConnectSessionRequest({ ...owner, categories: ['ats', alias] })).toStrictEqual({ ...ownerOnWire, categories: ['ats', wire] })
  })

  it('when a category repeats → order and repeats are kept', () => {
    expect(parseConnectSessionOptions({ categories: ['crm', 'ats', 'crm'] })).toStrictEqual({ categories: ['crm', 'ats', 'crm'] })
  })
})

describe('given metadata', () => {
  it('when it holds nested arrays, objects and null → it is passed through untouched', () => {
    const input = { a: [[1, [2, [null]]], { b: null }], c: { d: { e: [] } }, f: '' }
    const snapshot = structuredClone(input)
    const body = toConnectSessionRequest({ ...owner, metadata: input })
    expect(body.metadata).toStrictEqual(snapshot)
    expect(input).toStrictEqual(snapshot)
  })

  it('when it has no prototype → it is accepted as a plain object', () => {
    const input = Object.assign(Object.create(null), { source: 'import' })
    expect(parseConnectSessionOptions({ metadata: input }).metadata).toEqual({ source: 'import' })
  })

  it('when it is exactly 8192 bytes as JSON → it is accepted', () => {
    const input = { s: 'x'.repeat(8192 - '{"s":""}'.length) }
    expect(JSON.stringify(input)).toHaveLength(8192)
    expect(parseConnectSessionOptions({ metadata: input }).metadata).toStrictEqual(input)
  })

  it('when it is nested 32 levels deep → it is accepted', () => {
    let input: Record<string, unknown> = {}
    for (let i = 1; i < 32; i++) input = { a: input }
    expect(parseConnectSessionOptions({ metadata: input }).metadata).toStrictEqual(input)
  })

  it('when the same object appears twice without a cycle → it is accepted', () => {
    const shared = { id: 1 }
    expect(toConnectSessionRequest({ ...owner, metadata: { a: shared, b: [shared] } }).metadata).toStrictEqual({
      a: { id: 1 },
      b: [{ id: 1 }],
    })
  })
})

describe('given the session options parser', () => {
  it('when nothing is asked for → it returns an empty session, owner fields being optional', () => {
    expect(parseConnectSessionOptions({})).toStrictEqual({})
  })

  it('when only one owner field is given → it is accepted', () => {
    expect(parseConnectSessionOptions({ originOwnerName: 'Acme' })).toStrictEqual({ originOwnerName: 'Acme' })
  })
})

describe('given the session create parser', () => {
  it('when both owner fields are given → it returns the session', () => {
    expect(parseConnectSessionCreate(owner)).toStrictEqual(owner)
  })

  it.each([
    [{ originOwnerName: 'Acme' }, ['originOwnerId']],
    [{ originOwnerId: 'c1' }, ['originOwnerName']],
    [{}, ['originOwnerId', 'originOwnerName']],
  ])('when %j lacks an owner field → it reports each missing one as required', (input, missing) => {
    const error = caught(() => parseConnectSessionCreate(input))
    expect(error.code).toBe('invalid_session')
    expect(error.issues).toStrictEqual(missing.map((field) => ({ path: [field], message: 'is required' })))
  })
})

/** A session as written, the exact body StackOne gets for it, and the session that body parses back to. */
interface Example {
  session: Record<string, unknown>
  body: Record<string, unknown>
  /** Only where normalisation changes something (aliases, upper-case types). */
  normalised?: Record<string, unknown>
}

const everything = {
  ...owner,
  originUsername: 'jane',
  provider: 'hibob',
  categories: ['hris', 'hrisLegacy', 'stackOne'],
  accountId: 'acc_1',
  expiresIn: 600,
  label: 'HR',
  metadata: { team: ['people', null] },
  multiple: true,
  integrationId: 'int_1',
  providerVersion: 'v2',
  type: 'TEST',
} as const

const EXAMPLES: Record<string, Example> = {
  'every field set': {
    session: everything,
    // In StackOne's field order: the order test below compares the JSON text.
    body: {
      origin_owner_id: 'customer-42',
      origin_owner_name: 'Acme Inc',
      origin_username: 'jane',
      provider: 'hibob',
      categories: ['hris', 'hris-legacy', 'stackone'],
      account_id: 'acc_1',
      expires_in: 600,
      label: 'HR',
      metadata: { team: ['people', null] },
      multiple: true,
      integration_id: 'int_1',
      provider_version: 'v2',
      type: 'test',
    },
    normalised: { ...everything, categories: ['hris', 'hris-legacy', 'stackone'], type: 'test' },
  },
  // ConnectSessionCreateCategories.* written as their string values (the seed lists crm twice and no hris-legacy);
  // ConnectSessionCreateType.Test as 'TEST'.
  'the newer seed’s example': {
    session: { categories: SEED_CATEGORIES, originOwnerId: '<id>', originOwnerName: '<value>', type: 'TEST' },
    body: { categories: SEED_CATEGORIES, origin_owner_id: '<id>', origin_owner_name: '<value>', type: 'test' },
    normalised: { categories: SEED_CATEGORIES, originOwnerId: '<id>', originOwnerName: '<value>', type: 'test' },
  },
  'the older seed’s fields': {
    session: {
      accountId: 'acc_42',
      categories: ['ats', 'hris', 'hris-legacy', 'crm', 'iam', 'marketing', 'lms'],
      expiresIn: 1800,
      label: 'Main HRIS',
      metadata: { source: 'settings-page', ids: [1, 2] },
      multiple: false,
      originOwnerId: 'customer-42',
      originOwnerName: 'Acme Inc',
      originUsername: 'jane',
      provider: 'hibob',
    },
    body: {
      account_id: 'acc_42',
      categories: ['ats', 'hris', 'hris-legacy', 'crm', 'iam', 'marketing', 'lms'],
      expires_in: 1800,
      label: 'Main HRIS',
      metadata: { source: 'settings-page', ids: [1, 2] },
      multiple: false,
      origin_owner_id: 'customer-42',
      origin_owner_name: 'Acme Inc',
      origin_username: 'jane',
      provider: 'hibob',
    },
  },
  'the README’s request example': {
    session: { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc', categories: ['hris', 'hrisLegacy'], type: 'TEST' },
    body: { origin_owner_id: 'customer-42', origin_owner_name: 'Acme Inc', categories: ['hris', 'hris-legacy'], type: 'test' },
    normalised: { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc', categories: ['hris', 'hris-legacy'], type: 'test' },
  },
  'the newer seed’s documented categories (hrisLegacy and stackOne among them)': {
    session: { ...owner, categories: DOCUMENTED_CATEGORIES },
    body: { ...ownerOnWire, categories: WIRE_CATEGORIES },
    normalised: { ...owner, categories: WIRE_CATEGORIES },
  },
}

describe.each(Object.entries(EXAMPLES))('given %s', (_, { session, body, normalised = session }) => {
  it('when serialised → it is exactly the wire body', () => {
    expect(toConnectSessionRequest(session)).toStrictEqual(body)
  })

  it('when its wire body is parsed back → it is the normalised session, which serialises to the same body', () => {
    expect(fromConnectSessionRequest(body)).toStrictEqual(normalised)
    expect(toConnectSessionRequest(fromConnectSessionRequest(body))).toStrictEqual(body)
  })
})

describe('given toConnectSessionRequest', () => {
  it('when every field is set → it produces the snake_case body in StackOne’s field order', () => {
    expect(JSON.stringify(toConnectSessionRequest(everything))).toBe(JSON.stringify(EXAMPLES['every field set']?.body))
  })

  it('when optional fields are explicitly undefined → the body has no key for them', () => {
    const body = toConnectSessionRequest({ ...owner, label: undefined, metadata: undefined, multiple: undefined, type: undefined })
    expect(Object.keys(body)).toStrictEqual(['origin_owner_id', 'origin_owner_name'])
  })

  it('when the session is invalid → it throws instead of producing a body', () => {
    expect(caught(() => toConnectSessionRequest({ provider: 'hibob' })).code).toBe('invalid_session')
  })
})

describe('given fromConnectSessionRequest', () => {
  it('when given the body of a full session → it returns the session it came from', () => {
    const session = parseConnectSessionCreate({
      ...owner,
      categories: ['stackOne'],
      expiresIn: 60,
      metadata: { x: [1] },
      type: 'PRODUCTION',
    })
    expect(fromConnectSessionRequest(toConnectSessionRequest(session))).toStrictEqual(session)
  })

  it.each(optionalFields.map((field) => WIRE[field]))('when %s is null → it counts as absent', (wire) => {
    expect(fromConnectSessionRequest({ ...ownerOnWire, [wire]: null })).toStrictEqual(owner)
  })

  it('when an owner field is null → it is reported as required under its wire name', () => {
    const error = caught(() => fromConnectSessionRequest({ origin_owner_id: null, origin_owner_name: 'Acme' }))
    expect(error.issues).toStrictEqual([{ path: ['origin_owner_id'], message: 'is required' }])
  })

  it('when a field is invalid → the issue path uses the wire name', () => {
    const error = caught(() =>
      fromConnectSessionRequest({ ...ownerOnWire, account_id: '', expires_in: 1.5, metadata: { at: [new Date(0)] } }),
    )
    expect(error.issues).toStrictEqual([
      { path: ['account_id'], message: 'must not be empty — leave the field out instead' },
      { path: ['expires_in'], message: 'must be a whole number of seconds such as 1800, not the number 1.5' },
      { path: ['metadata', 'at', 0], message: 'is a Date, which JSON cannot carry — use date.toISOString()' },
    ])
  })

  it.each(Object.entries(WIRE).filter(([camel, wire]) => camel !== wire))(
    'when the camelCase key %s is on the wire → it is rejected with a suggestion of %s',
    (camel, wire) => {
      const value = camel === 'expiresIn' ? 60 : 'x'
      const error = caught(() => fromConnectSessionRequest({ ...ownerOnWire, [camel]: value }))
      expect(error.code).toBe('invalid_session')
      expect(error.issues).toStrictEqual([{ path: [camel], message: `is not a session field (did you mean "${wire}"?)` }])
    },
  )
})

describe('given the README’s error example', () => {
  it('when the error example runs → it throws the error the README shows', () => {
    const error = caught(() => toConnectSessionRequest({ originOwnerId: 'c1', originOwnerName: 'Acme', acountId: 'a1' }))
    expect(error.code).toBe('invalid_session')
    expect(error.issues).toStrictEqual([{ path: ['acountId'], message: 'is not a session field (did you mean "accountId"?)' }])
    expect(error.message).toBe('react-connect-hub: invalid connect session — acountId is not a session field (did you mean "accountId"?)')
  })
})
