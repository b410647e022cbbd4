import { describe, expect, it } from 'vitest'
import { ConnectHubError } from '../../../src/errors.ts'
import { type Action, chromeStateOf, IDLE_PHASE, type Phase, reduce, stateOf } from '../../../src/launcher/phase.ts'
import type { Token } from '../../../src/token/token.ts'

const session = { provider: 'hibob' }
const token: Token = { token: 'tok', expiresAt: 2e12, staleAt: 2e12 }
const newer: Token = { token: 'tok2', expiresAt: 3e12, staleAt: 3e12 }
const hubDown = new ConnectHubError('hub_unavailable', 'down')
const tokenDown = new ConnectHubError('token_failed', 'no')

type Of<N extends Phase['name']> = Extract<Phase, { name: N }>
const validating = (shown = true, hubReady = false): Of<'validating'> => ({ name: 'validating', shown, hubReady })
const fetching = (shown = true, hubReady = false): Of<'fetching-token'> => ({ name: 'fetching-token', shown, hubReady, session })
const loading = (shown = true): Of<'loading-hub'> => ({ name: 'loading-hub', shown, session, token })
const open = (shown = true): Of<'open'> => ({ name: 'open', shown, session, token })
const failed = (error = hubDown, keepToken = true): Of<'error'> => ({
  name: 'error',
  shown: true,
  error,
  session,
  token: keepToken ? token : undefined,
})

describe('given the launcher phase reducer', () => {
  it.each<[string, Phase, Action, Phase]>([
    ['idle → start shown → validating, on screen', IDLE_PHASE, { type: 'start', shown: true }, validating()],
    ['idle → start hidden (prefetch) → validating, hidden', IDLE_PHASE, { type: 'start', shown: false }, validating(false)],
    ['validating → start → unchanged (one run at a time)', validating(), { type: 'start', shown: true }, validating()],
    ['validating → hub-ready → validating with the hub ready', validating(), { type: 'hub-ready' }, validating(true, true)],
    ['validating → validated → fetching-token', validating(), { type: 'validated', session }, fetching()],
    [
      'validating (hub ready) → validated → fetching-token with the hub ready',
      validating(true, true),
      { type: 'validated', session },
      fetching(true, true),
    ],
    ['fetching-token → hub-ready → fetching-token with the hub ready', fetching(), { type: 'hub-ready' }, fetching(true, true)],
    ['fetching-token → token → loading-hub', fetching(), { type: 'token', token }, loading()],
    ['fetching-token (hub ready) → token → open', fetching(true, true), { type: 'token', token }, open()],
    ['loading-hub → hub-ready → open', loading(), { type: 'hub-ready' }, open()],
    [
      'loading-hub → token (refreshed) → loading-hub with the new token',
      loading(),
      { type: 'token', token: newer },
      { ...loading(), token: newer },
    ],
    ['open → token (refreshed) → open with the new token', open(), { type: 'token', token: newer }, { ...open(), token: newer }],
    ['open → hub-ready (again) → unchanged', open(), { type: 'hub-ready' }, open()],
    ['hidden open → show → open on screen', open(false), { type: 'show' }, open()],
    ['hidden validating → show → validating on screen', validating(false), { type: 'show' }, validating()],
    ['idle → show → idle', IDLE_PHASE, { type: 'show' }, IDLE_PHASE],
    ['open → fail (hub) → error keeping session and token', open(), { type: 'fail', error: hubDown }, failed()],
    ['loading-hub → fail (token) → error without the token', loading(), { type: 'fail', error: tokenDown }, failed(tokenDown, false)],
    [
      'validating → fail → error without a session',
      validating(),
      { type: 'fail', error: hubDown },
      { name: 'error', shown: true, error: hubDown, session: undefined, token: undefined },
    ],
    ['hidden fetching-token → fail → idle (a failed prefetch is dropped)', fetching(false), { type: 'fail', error: tokenDown }, IDLE_PHASE],
    ['idle → fail → idle', IDLE_PHASE, { type: 'fail', error: hubDown }, IDLE_PHASE],
    ['error → token (late) → error keeping it for Retry', failed(hubDown, false), { type: 'token', token }, failed()],
    [
      'error without a session → validated → error with it',
      { ...failed(hubDown, false), session: undefined },
      { type: 'validated', session },
      failed(hubDown, false),
    ],
    ['error → retry with a fresh token → loading-hub', failed(), { type: 'retry', token }, loading()],
    ['error → retry without a token → fetching-token', failed(), { type: 'retry', token: undefined }, fetching()],
    [
      'error without a session → retry → validating',
      { ...failed(), session: undefined },
      { type: 'retry', token: undefined },
      validating(),
    ],
    ['open → retry → unchanged (only an error retries)', open(), { type: 'retry', token }, open()],
  ])('%s', (_, from, action, to) => {
    expect(reduce(from, action)).toEqual(to)
  })

  it('never changes the phase it is given', () => {
    const from = fetching()
    const copy = structuredClone(from)
    reduce(from, { type: 'token', token })
    expect(from).toEqual(copy)
  })
})

describe('given a phase → the state React sees and the chrome shows', () => {
  it.each<[string, Phase, ReturnType<typeof stateOf>, string]>([
    ['idle', IDLE_PHASE, { status: 'idle', error: null, isOpen: false }, 'loading'],
    ['a hidden prefetch, even when ready', open(false), { status: 'idle', error: null, isOpen: false }, 'open'],
    ['validating', validating(), { status: 'fetching-token', error: null, isOpen: true }, 'loading'],
    ['fetching-token', fetching(true, true), { status: 'fetching-token', error: null, isOpen: true }, 'loading'],
    ['loading-hub', loading(), { status: 'opening', error: null, isOpen: true }, 'loading'],
    ['open', open(), { status: 'open', error: null, isOpen: true }, 'open'],
    ['error', failed(), { status: 'error', error: hubDown, isOpen: true }, 'error'],
  ])('%s', (_, phase, state, chrome) => {
    expect(stateOf(phase)).toEqual(state)
    expect(chromeStateOf(phase)).toBe(chrome)
  })
})
