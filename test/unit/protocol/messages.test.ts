import { describe, expect, it } from 'vitest'
import { hostMessage, hubMessage, LIMITS, parseHostMessage, parseHubMessage } from '../../../src/protocol/index.ts'

const event = (data: unknown) => ({ protocol: 'connect-hub', version: 1, type: 'event', name: 'step', data })

describe('given a hub event message', () => {
  it('when its data is plain JSON within the limit → it parses', () => {
    expect(parseHubMessage(event({ screen: 'catalog', items: [1, 2], ok: true, none: null }))).toBeDefined()
    expect(parseHubMessage(hubMessage('event', { name: 'step' }))).toEqual({
      protocol: 'connect-hub',
      version: 1,
      type: 'event',
      name: 'step',
    })
  })

  it.each<[string, unknown]>([
    ['a 64 MB ArrayBuffer', new ArrayBuffer(64 * 1024 * 1024)],
    ['a Map', new Map([[1, 'x'.repeat(100_000)]])],
    ['a Date', new Date()],
    ['a typed array', new Uint8Array(8)],
    ['too much JSON', 'x'.repeat(LIMITS.data)],
  ])('when its data is %s → it does not parse', (_, data) => {
    expect(parseHubMessage(event(data))).toBeUndefined()
  })
})

describe('given a host init message', () => {
  it('when the session is a plain object → it parses; when it is not JSON → it does not', () => {
    expect(parseHostMessage(hostMessage('init', { token: 'tok', session: { provider: 'hibob' } }))).toBeDefined()
    expect(parseHostMessage({ ...hostMessage('init', { token: 'tok', session: {} }), session: { at: new Date() } })).toBeUndefined()
  })
})
