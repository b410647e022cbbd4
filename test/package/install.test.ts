import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createApp, run } from './pack.ts'

// The packed package installed the way users install it: plain `npm install`, in apps that already have
// react-hook-form (which @stackone/hub pins), Vite 6, or neither.
const tarball = inject('packedTarball')
let root: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rch-apps-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

const APPS: [string, Record<string, string>][] = [
  ['React 19 and react-hook-form 7.66', { react: '^19', 'react-dom': '^19', 'react-hook-form': '7.66.0' }],
  ['Vite 6 and React', { vite: '^6', react: '^19', 'react-dom': '^19' }],
  ['only React and React DOM', { react: '^19', 'react-dom': '^19' }],
]

describe('given the packed package and a fresh app', () => {
  it.each(APPS)('when the app has %s → plain npm install exits 0, and Node imports the root entry', async (name, dependencies) => {
    const app = await createApp(join(root, name.replace(/\W+/g, '-')), dependencies, tarball)
    expect(app.stderr).not.toMatch(/ERESOLVE/)
    expect(app.code, app.stderr).toBe(0)

    const probe = await run(
      'node',
      ['--input-type=module', '-e', "const m = await import('react-connect-hub'); console.log(JSON.stringify(Object.keys(m).sort()))"],
      app.dir,
    )
    expect(probe.code, probe.stderr).toBe(0)
    expect(JSON.parse(probe.stdout)).toEqual([
      'ACCOUNT_TYPES',
      'CATEGORIES',
      'ConnectButton',
      'ConnectHubError',
      'isConnectHubError',
      'useConnectHub',
    ])
  })
})
