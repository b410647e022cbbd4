import { describe, expectTypeOf, it } from 'vitest'
import type * as Root from '../../src/index.ts'
import type {
  ConnectHubError,
  ConnectHubErrorCode,
  ConnectHubLabels,
  ConnectHubOptions,
  HubCallbacks,
  RejectReason,
} from '../../src/index.ts'
import type * as Protocol from '../../src/protocol/index.ts'

describe('given the public types of the launcher', () => {
  it('identity names the signed-in user: a string, a number or null', () => {
    expectTypeOf<ConnectHubOptions['identity']>().toEqualTypeOf<string | number | null | undefined>()
  })

  it('a hub reports rejected messages on a channel of its own, apart from its analytics events', () => {
    expectTypeOf<HubCallbacks['rejected']>().toEqualTypeOf<(reason: RejectReason, origin: string) => void>()
    expectTypeOf<RejectReason>().toEqualTypeOf<'origin' | 'source' | 'shape'>()
    expectTypeOf<HubCallbacks['event']>().toEqualTypeOf<(name: string, data?: unknown) => void>()
  })

  it('an error carries its message without the library prefix as detail', () => {
    expectTypeOf<ConnectHubError['detail']>().toEqualTypeOf<string>()
  })

  it('labels.errors words any error codes for the end user; showErrorDetails is a flag', () => {
    expectTypeOf<ConnectHubLabels['errors']>().toEqualTypeOf<Partial<Record<ConnectHubErrorCode, string>> | undefined>()
    expectTypeOf<{ errors: { token_failed: string } }>().toExtend<NonNullable<ConnectHubOptions['labels']>>()
    expectTypeOf<{ errors: { no_such_code: string } }>().not.toExtend<NonNullable<ConnectHubOptions['labels']>>()
    expectTypeOf<ConnectHubOptions['showErrorDetails']>().toEqualTypeOf<boolean | undefined>()
  })

  it('the root entry keeps what React apps need; the protocol helpers are in react-connect-hub/protocol', () => {
    expectTypeOf<typeof Root>().toHaveProperty('ConnectButton')
    expectTypeOf<typeof Root>().toHaveProperty('useConnectHub')
    expectTypeOf<typeof Root>().not.toHaveProperty('hubMessage')
    expectTypeOf<typeof Root>().not.toHaveProperty('parseHubMessage')
    expectTypeOf<typeof Root>().not.toHaveProperty('frameHub')
    expectTypeOf<typeof Protocol>().toHaveProperty('hubMessage')
    expectTypeOf<typeof Protocol>().toHaveProperty('parseHostMessage')
    expectTypeOf<typeof Protocol>().toHaveProperty('LIMITS')
  })
})
