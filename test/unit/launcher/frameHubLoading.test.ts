import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createLauncher } from '../../../src/launcher/launcher.ts'
import * as looks from '../../../src/launcher/look.ts'
import * as run from '../../../src/launcher/run.ts'
import { type Lazy, lazy } from '../../../src/lazy.ts'
import * as schema from '../../../src/session/parse.ts'
import * as tokenRequest from '../../../src/token/requestToken.ts'
import { fakeHost, fakeHubs } from './fakeHub.ts'

// The iframe hub's code is a chunk of its own, loaded when a button mounts (warm). Here it loads only when the
// test says so, to show what a click that comes before it does.
const loading = vi.hoisted(() => {
  let release: () => void = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  return { gate, release: () => release(), urls: [] as (string | undefined)[] }
})
const hubs = fakeHubs()
vi.mock('../../../src/hub/frameHub.ts', async () => {
  await loading.gate
  return {
    frameHub: (hubUrl: string | undefined) => {
      loading.urls.push(hubUrl)
      return hubs.factory
    },
  }
})

const dialogProto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>
beforeAll(() => {
  dialogProto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  dialogProto.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
})
afterAll(() => {
  delete dialogProto.showModal
  delete dialogProto.close
})

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('given a click before the iframe hub’s code has loaded', () => {
  it('when the code arrives after the token → the dialog showed at once, and the hub is made then and handed that token', async () => {
    const host = fakeHost({ hub: undefined, hubUrl: 'https://hub.example.test/connect' })
    // Everything else handed over loaded; the iframe hub's code is the dynamic import that the mock above holds back.
    const loaded = <M>(module: M): Lazy<M> => ({ load: async () => module, get: () => module })
    const launcher = createLauncher(host.options, {
      run: loaded(run),
      schema: loaded(schema),
      tokenRequest: loaded(tokenRequest),
      looks: loaded(looks),
      frameHub: lazy(() => import('../../../src/hub/frameHub.ts')),
    })
    launcher.open()
    expect(document.querySelector('dialog')?.open).toBe(true)
    expect(launcher.getState().status).toBe('fetching-token')
    await settle()
    host.answer('tok_early_xxxxxxxxxxxxxxxxxxxx')
    await settle()
    expect(hubs.made).toHaveLength(0)
    expect(launcher.getState().status).toBe('opening')

    loading.release()
    await vi.waitFor(() => expect(hubs.made).toHaveLength(1))
    expect(loading.urls).toEqual(['https://hub.example.test/connect'])
    expect(hubs.last.started).toEqual([['tok_early_xxxxxxxxxxxxxxxxxxxx', { provider: 'hibob' }]])
    hubs.last.context.callbacks.ready()
    expect(launcher.getState().status).toBe('open')
    launcher.destroy()
  })
})
