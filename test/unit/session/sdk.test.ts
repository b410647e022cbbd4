import { ConnectSessionCreate$outboundSchema } from '@stackone/stackone-client-ts/sdk/models/shared/connectsessioncreate.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CATEGORIES,
  fromConnectSessionRequest,
  parseConnectSessionCreate,
  type ConnectSessionCreate as Session,
  toConnectSessionRequest,
  WIRE_NAMES,
} from '../../../src/session/index.ts'

const text = fc.string({ minLength: 1, maxLength: 24 })
const metadata = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })

function sessions(categories: readonly string[], types: readonly string[], withIntegrationId: boolean) {
  return fc.record(
    {
      originOwnerId: text,
      originOwnerName: text,
      originUsername: text,
      provider: text,
      categories: fc.array(fc.constantFrom(...categories), { maxLength: 8 }),
      accountId: text,
      expiresIn: fc.integer({ min: 1, max: 2_592_000 }),
      label: text,
      metadata,
      multiple: fc.boolean(),
      ...(withIntegrationId ? { integrationId: text } : {}),
      providerVersion: text,
      type: fc.constantFrom(...types),
    },
    { requiredKeys: ['originOwnerId', 'originOwnerName'] },
  ) as fc.Arbitrary<Session>
}

// The published SDK knows neither `scheduling` nor `integrationId`, and passes `type` through as given.
const sdkComparable = sessions(
  CATEGORIES.filter((category) => category !== 'scheduling'),
  ['production', 'test'],
  false,
)
const anySession = sessions([...CATEGORIES, 'hrisLegacy', 'stackOne'], ['production', 'test', 'PRODUCTION', 'TEST'], true)

function sdkBody(session: Session): Record<string, unknown> {
  return JSON.parse(JSON.stringify(ConnectSessionCreate$outboundSchema.parse(session as never)))
}

describe('given any valid session StackOne’s SDK can express', () => {
  it('when serialised → the body equals what the official SDK sends, apart from its known differences', () => {
    fc.assert(
      fc.property(sdkComparable, (session) => {
        const { metadata: sent, ...ours } = toConnectSessionRequest(session)
        const { metadata: emptied, ...theirs } = sdkBody(session)
        // The SDK empties metadata (its schema is `{}`); ours must carry the input unchanged.
        expect(sent).toStrictEqual(session.metadata)
        expect(emptied).toStrictEqual(session.metadata === undefined ? undefined : {})
        // The SDK writes its defaults for omitted fields; StackOne applies the same ones server-side.
        expect({ expires_in: 1800, multiple: false, type: 'production', ...ours }).toStrictEqual(theirs)
      }),
      { numRuns: 500 },
    )
  })
})

describe('given any valid session, alternate spellings included', () => {
  it('when serialised and parsed back from the wire → it is the parsed session', () => {
    fc.assert(
      fc.property(anySession, (session) => {
        expect(fromConnectSessionRequest(toConnectSessionRequest(session))).toStrictEqual(parseConnectSessionCreate(session))
      }),
      { numRuns: 500 },
    )
  })

  it('when serialised → the body has only snake_case wire keys and no undefined values', () => {
    const wireKeys = new Set<string>(Object.values(WIRE_NAMES))
    fc.assert(
      fc.property(anySession, (session) => {
        const body = toConnectSessionRequest(session)
        expect(Object.keys(body).filter((key) => !wireKeys.has(key))).toStrictEqual([])
        expect(Object.values(body)).not.toContain(undefined)
      }),
      { numRuns: 500 },
    )
  })
})
