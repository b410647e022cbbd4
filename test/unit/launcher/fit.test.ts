import { describe, expect, it } from 'vitest'
import type { HubFactory } from '../../../src/hub/types.ts'
import { fate } from '../../../src/launcher/fit.ts'
import type { ConnectHubOptions } from '../../../src/launcher/types.ts'

// The one rule for what a run is made for, input by input: each changed alone drops a pre-loaded run; on screen,
// only a change of identity closes it.
const getToken = async () => 'tok'
const hub: HubFactory = () => {
  throw new Error('never made here')
}
const container = document.createElement('div')
const made: ConnectHubOptions = {
  getToken,
  hubUrl: 'https://hub.example.test/connect',
  display: 'modal',
  container,
  identity: 'user-1',
  locale: 'fr',
  appearance: { colorScheme: 'dark', accent: '#123456' },
  provider: 'hibob',
  categories: ['hris'],
  accountId: 'acc_1',
  metadata: { team: 'a', nested: { x: 1 } },
}

const changes: [input: string, change: Partial<ConnectHubOptions>][] = [
  ['originOwnerId', { originOwnerId: 'org-2' }],
  ['originOwnerName', { originOwnerName: 'Other' }],
  ['originUsername', { originUsername: 'someone' }],
  ['provider', { provider: 'personio' }],
  ['categories', { categories: ['crm'] }],
  ['accountId', { accountId: 'acc_2' }],
  ['expiresIn', { expiresIn: 60 }],
  ['label', { label: 'Payroll' }],
  ['metadata', { metadata: { team: 'b', nested: { x: 1 } } }],
  ['multiple', { multiple: true }],
  ['integrationId', { integrationId: 'int_1' }],
  ['providerVersion', { providerVersion: '2' }],
  ['type', { type: 'test' }],
  ['hubUrl', { hubUrl: 'https://other-hub.example.test/connect' }],
  ['hub', { hub }],
  ['display', { display: 'inline' }],
  ['container', { container: document.createElement('div') }],
  ['getToken', { getToken: async () => 'tok' }],
  ['identity', { identity: 'user-2' }],
  ['locale', { locale: 'de' }],
  ['appearance', { appearance: { colorScheme: 'light', accent: '#123456' } }],
]

describe('given a run made for a set of options → fate(made, now, shown)', () => {
  it.each(changes)('when %s alone changes → a pre-loaded run is dropped', (_, change) => {
    expect(fate(made, { ...made, ...change }, false)).toBe('drop')
  })

  it.each(changes)('when %s alone changes → a run on screen keeps running unless it is identity, which closes it', (input, change) => {
    expect(fate(made, { ...made, ...change }, true)).toBe(input === 'identity' ? 'close' : 'keep')
  })

  it('when every session field is in the table → none is left out', async () => {
    const { SESSION_FIELDS } = await import('../../../src/session/fields.ts')
    expect(changes.map(([input]) => input)).toEqual(expect.arrayContaining([...SESSION_FIELDS]))
  })

  it.each<[string, Partial<ConnectHubOptions>]>([
    ['new callbacks', { onSuccess: () => {}, onCancel: () => {}, onClose: () => {}, onError: () => {}, onEvent: () => {} }],
    ['new labels, timeouts and class names', { labels: { title: 'Hi' }, hubTimeout: 1, tokenTimeout: 1, dialogClassName: 'x' }],
    [
      'the appearance and metadata with their keys in another order',
      {
        appearance: { accent: '#123456', colorScheme: 'dark' },
        metadata: { nested: { x: 1 }, team: 'a' },
      },
    ],
    ['equal session values in new objects', { categories: ['hris'] }],
  ])('when only %s → the run is kept', (_, change) => {
    expect(fate(made, { ...made, ...change }, false)).toBe('keep')
    expect(fate(made, { ...made, ...change }, true)).toBe('keep')
  })

  it('when display goes from unset to its default → the run is kept', () => {
    const { display: _, ...unset } = made
    expect(fate(unset, made, false)).toBe('keep')
  })
})
