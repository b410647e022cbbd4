import { describe, expect, it } from 'vitest'
import { connectSessionCreateSchema, connectSessionOptionsSchema } from '../../../src/session/index.ts'

// The schemas themselves are public: a host may safeParse them, or read a ZodError's message (its issues as JSON).
// Their fields are plain checks; each must report what zod's own schema for it reports, key for key.

const everyCategory = [
  'ats',
  'hris',
  'hris-legacy',
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
const spellings = [...everyCategory, 'hrisLegacy', 'stackOne']
const tooLarge = 'is too large — use a number of seconds such as 1800'
const note = 'Integers must be within the safe integer range.'

type Row = [name: string, schema: typeof connectSessionCreateSchema | typeof connectSessionOptionsSchema, input: unknown, issues: object[]]

const options = connectSessionOptionsSchema
const rows: Row[] = [
  [
    'a number as a text',
    options,
    { provider: 42 },
    [{ expected: 'string', code: 'invalid_type', path: ['provider'], message: 'must be a string, not the number 42' }],
  ],
  [
    'an empty text',
    options,
    { provider: '' },
    [
      {
        origin: 'string',
        code: 'too_small',
        minimum: 1,
        inclusive: true,
        path: ['provider'],
        message: 'must not be empty — leave the field out instead',
      },
    ],
  ],
  [
    'an empty array as a text (not a string, and empty, as zod has it)',
    options,
    { label: [] },
    [
      { expected: 'string', code: 'invalid_type', path: ['label'], message: 'must be a string, not an array' },
      {
        origin: 'array',
        code: 'too_small',
        minimum: 1,
        inclusive: true,
        path: ['label'],
        message: 'must not be empty — leave the field out instead',
      },
    ],
  ],
  [
    'a session without its owner',
    connectSessionCreateSchema,
    {},
    [
      { expected: 'string', code: 'invalid_type', path: ['originOwnerId'], message: 'is required' },
      { expected: 'string', code: 'invalid_type', path: ['originOwnerName'], message: 'is required' },
    ],
  ],
  [
    'a string as expiresIn',
    options,
    { expiresIn: '1800' },
    [
      {
        expected: 'number',
        code: 'invalid_type',
        path: ['expiresIn'],
        message: 'must be a whole number of seconds such as 1800, not the string "1800"',
      },
    ],
  ],
  [
    'NaN as expiresIn',
    options,
    { expiresIn: Number.NaN },
    [
      {
        expected: 'number',
        code: 'invalid_type',
        received: 'NaN',
        path: ['expiresIn'],
        message: 'must be a whole number of seconds such as 1800, not NaN',
      },
    ],
  ],
  [
    '-Infinity as expiresIn',
    options,
    { expiresIn: Number.NEGATIVE_INFINITY },
    [
      {
        expected: 'number',
        code: 'invalid_type',
        received: '-Infinity',
        path: ['expiresIn'],
        message: 'must be a whole number of seconds such as 1800, not -Infinity',
      },
    ],
  ],
  [
    'a fraction as expiresIn',
    options,
    { expiresIn: 1.5 },
    [
      {
        expected: 'int',
        format: 'safeint',
        code: 'invalid_type',
        path: ['expiresIn'],
        message: 'must be a whole number of seconds such as 1800, not the number 1.5',
      },
    ],
  ],
  [
    'zero as expiresIn',
    options,
    { expiresIn: 0 },
    [
      {
        origin: 'number',
        code: 'too_small',
        minimum: 0,
        inclusive: false,
        path: ['expiresIn'],
        message: 'must be a positive number of seconds such as 1800, not 0',
      },
    ],
  ],
  [
    'an unsafe integer as expiresIn',
    options,
    { expiresIn: 2 ** 53 },
    [
      {
        code: 'too_big',
        maximum: Number.MAX_SAFE_INTEGER,
        note,
        origin: 'int',
        inclusive: true,
        path: ['expiresIn'],
        message: tooLarge,
      },
    ],
  ],
  [
    'a negative unsafe integer as expiresIn',
    options,
    { expiresIn: -(2 ** 53) },
    [
      {
        code: 'too_small',
        minimum: Number.MIN_SAFE_INTEGER,
        note,
        origin: 'int',
        inclusive: true,
        path: ['expiresIn'],
        message: tooLarge,
      },
      {
        origin: 'number',
        code: 'too_small',
        minimum: 0,
        inclusive: false,
        path: ['expiresIn'],
        message: 'must be a positive number of seconds such as 1800, not -9007199254740992',
      },
    ],
  ],
  [
    'a string as categories',
    options,
    { categories: 'hris' },
    [
      {
        expected: 'array',
        code: 'invalid_type',
        path: ['categories'],
        message: `must be an array of categories such as ['hris', 'ats'], not the string "hris"`,
      },
    ],
  ],
  [
    'an unknown category and a hole',
    options,
    // biome-ignore lint/suspicious/noSparseArray: a hole is a category zod reports as undefined
    { categories: ['hirs', , 'ats'] },
    [
      {
        code: 'invalid_value',
        values: spellings,
        path: ['categories', 0],
        message: 'must be a category, not the string "hirs" (did you mean "hris"?)',
      },
      {
        code: 'invalid_value',
        values: spellings,
        path: ['categories', 1],
        message: `must be a category, not undefined — use one of ${everyCategory.join(', ')}`,
      },
    ],
  ],
  [
    'an unknown type',
    options,
    { type: 'sandbox' },
    [
      {
        code: 'invalid_value',
        values: ['production', 'test', 'PRODUCTION', 'TEST'],
        path: ['type'],
        message: 'must be "production" or "test", not the string "sandbox"',
      },
    ],
  ],
  [
    'a string as multiple',
    options,
    { multiple: 'yes' },
    [{ expected: 'boolean', code: 'invalid_type', path: ['multiple'], message: 'must be true or false, not the string "yes"' }],
  ],
  [
    'a Date inside metadata',
    options,
    { metadata: { at: [new Date(0)] } },
    [{ code: 'custom', path: ['metadata', 'at', 0], message: 'is a Date, which JSON cannot carry — use date.toISOString()' }],
  ],
  [
    'an unknown field',
    options,
    { acountId: 'x' },
    [{ code: 'unrecognized_keys', keys: ['acountId'], path: [], message: 'session options must be an object, not an object' }],
  ],
]

describe('given the zod schemas themselves', () => {
  it.each(rows)('when safeParse is given %s → the issues are those of zod, key for key', (_, schema, input, issues) => {
    const result = schema.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues).toStrictEqual(issues)
    // zod's message is the issues as JSON: it shows their keys' order too.
    expect(result.error?.message).toBe(JSON.stringify(issues, null, 2))
  })

  it('when safeParse is given alternate spellings → its data has the wire spellings', () => {
    const input = { categories: ['hrisLegacy', 'stackOne', 'ats'], type: 'TEST', expiresIn: 60, multiple: false, provider: 'hibob' }
    expect(connectSessionOptionsSchema.safeParse(input)).toStrictEqual({
      success: true,
      data: { provider: 'hibob', categories: ['hris-legacy', 'stackone', 'ats'], expiresIn: 60, multiple: false, type: 'test' },
    })
  })
})
