import { describe, expectTypeOf, it } from 'vitest'
import type {
  Category,
  ConnectHubError,
  ConnectHubErrorCode,
  ConnectSessionOptions,
  JsonObject,
  NormalizedConnectSessionOptions,
} from '../../src/index'
import {
  type ConnectSessionCreate,
  type ConnectSessionRequest,
  type NormalizedConnectSessionCreate,
  parseConnectSessionOptions,
  toConnectSessionRequest,
} from '../../src/session/index.ts'

type WireCategory =
  | 'ats'
  | 'hris'
  | 'hris-legacy'
  | 'crm'
  | 'iam'
  | 'marketing'
  | 'lms'
  | 'stackone'
  | 'documents'
  | 'ticketing'
  | 'screening'
  | 'messaging'
  | 'accounting'
  | 'scheduling'

describe('given the public session types', () => {
  it('→ Category is the union of the fourteen wire values', () => {
    expectTypeOf<Category>().toEqualTypeOf<WireCategory>()
  })

  it('→ ConnectSessionOptions accepts the alternate spellings of categories and type', () => {
    expectTypeOf<{ categories: ['hrisLegacy', 'stackOne', 'hris-legacy'] }>().toExtend<ConnectSessionOptions>()
    expectTypeOf<{ type: 'PRODUCTION' }>().toExtend<ConnectSessionOptions>()
    expectTypeOf<{ type: 'TEST' }>().toExtend<ConnectSessionOptions>()
    expectTypeOf<{ type: 'test' }>().toExtend<ConnectSessionOptions>()
  })

  it('→ ConnectSessionOptions rejects unknown categories and types', () => {
    expectTypeOf<{ categories: ['payroll'] }>().not.toExtend<ConnectSessionOptions>()
    expectTypeOf<{ categories: ['HRIS'] }>().not.toExtend<ConnectSessionOptions>()
    expectTypeOf<{ type: 'sandbox' }>().not.toExtend<ConnectSessionOptions>()
  })

  it('→ ConnectSessionOptions leaves the owner fields optional', () => {
    expectTypeOf<Record<never, never>>().toExtend<ConnectSessionOptions>()
    expectTypeOf<{ provider: 'hibob' }>().toExtend<ConnectSessionOptions>()
    expectTypeOf<ConnectSessionOptions['originOwnerId']>().toEqualTypeOf<string | undefined>()
  })

  it('→ ConnectSessionCreate requires both owner fields', () => {
    expectTypeOf<{ originOwnerId: string; originOwnerName: string }>().toExtend<ConnectSessionCreate>()
    expectTypeOf<{ originOwnerId: string }>().not.toExtend<ConnectSessionCreate>()
    expectTypeOf<{ originOwnerName: string }>().not.toExtend<ConnectSessionCreate>()
    expectTypeOf<ConnectSessionCreate['originOwnerId']>().toEqualTypeOf<string>()
    expectTypeOf<ConnectSessionCreate['originOwnerName']>().toEqualTypeOf<string>()
  })

  it('→ the field types are the documented ones', () => {
    expectTypeOf<ConnectSessionOptions['expiresIn']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<ConnectSessionOptions['multiple']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<ConnectSessionOptions['metadata']>().toEqualTypeOf<JsonObject | undefined>()
    expectTypeOf<{ metadata: { when: Date } }>().not.toExtend<ConnectSessionOptions>()
  })

  it('→ NormalizedConnectSessionOptions carries wire spellings only', () => {
    expectTypeOf<NormalizedConnectSessionOptions['type']>().toEqualTypeOf<'production' | 'test' | undefined>()
    expectTypeOf<NormalizedConnectSessionOptions['categories']>().toEqualTypeOf<WireCategory[] | undefined>()
    expectTypeOf(parseConnectSessionOptions).returns.toEqualTypeOf<NormalizedConnectSessionOptions>()
  })

  it('→ ConnectSessionRequest has exactly the snake_case wire keys', () => {
    expectTypeOf<keyof ConnectSessionRequest>().toEqualTypeOf<
      | 'origin_owner_id'
      | 'origin_owner_name'
      | 'origin_username'
      | 'provider'
      | 'categories'
      | 'account_id'
      | 'expires_in'
      | 'label'
      | 'metadata'
      | 'multiple'
      | 'integration_id'
      | 'provider_version'
      | 'type'
    >()
    expectTypeOf<ConnectSessionRequest['origin_owner_id']>().toEqualTypeOf<string>()
    expectTypeOf<ConnectSessionRequest['expires_in']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<ConnectSessionRequest['type']>().toEqualTypeOf<'production' | 'test' | undefined>()
    expectTypeOf<ConnectSessionRequest['categories']>().toEqualTypeOf<WireCategory[] | undefined>()
    expectTypeOf(toConnectSessionRequest).returns.toEqualTypeOf<ConnectSessionRequest>()
  })

  it('→ NormalizedConnectSessionCreate has required owner fields', () => {
    expectTypeOf<NormalizedConnectSessionCreate['originOwnerId']>().toEqualTypeOf<string>()
  })

  it('→ ConnectHubError code is the union of error codes', () => {
    expectTypeOf<ConnectHubError['code']>().toEqualTypeOf<ConnectHubErrorCode>()
    expectTypeOf<ConnectHubError['code']>().toEqualTypeOf<
      | 'invalid_session'
      | 'token_failed'
      | 'token_timeout'
      | 'invalid_token'
      | 'token_expired'
      | 'hub_unavailable'
      | 'unsupported_environment'
      | 'hub_error'
      | 'api_error'
      | 'network_error'
    >()
  })
})
