import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { runIn, type Step, writeFiles } from './apps.ts'

// happy-dom's <dialog> has showModal() but turns no Escape into a `cancel` event: the launcher takes Escape itself.
// Shown here as a host app sees it: the packed package, installed with npm, in a Vitest file on happy-dom 21.
const tarball = inject('packedTarball')
let dir: string
let install: Step

const TEST = `import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createElement as h } from 'react'
import { ConnectButton } from 'react-connect-hub'
import { ConnectHubTestProvider, createTestHub } from 'react-connect-hub/testing'
import { afterEach, expect, it, vi } from 'vitest'

afterEach(cleanup)

it('Escape closes the dialog as a cancel: onCancel, then onClose, once each', async () => {
  const calls = []
  const onCancel = vi.fn(() => calls.push('cancel'))
  const onClose = vi.fn(() => calls.push('close'))
  const hub = createTestHub()
  const user = userEvent.setup()
  render(
    h(ConnectHubTestProvider, { hub }, h(ConnectButton, { hubUrl: 'https://hub.example.com/', getToken: async () => 'tok', categories: ['hris'], onCancel, onClose })),
  )
  await user.click(screen.getByRole('button', { name: 'Connect' }))
  const dialog = await screen.findByRole('dialog')
  await waitFor(() => expect(dialog.getAttribute('data-state')).toBe('open'))
  expect(typeof dialog.showModal).toBe('function')
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  expect(calls).toEqual(['cancel', 'close'])
  expect(document.body.style.overflow).toBe('')
})
`

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rch-happy-dom-'))
  const manifest = {
    name: 'consumer-happy-dom',
    private: true,
    type: 'module',
    dependencies: { react: '^19', 'react-dom': '^19', 'react-connect-hub': `file:${tarball}` },
    devDependencies: {
      vitest: '^4.1',
      'happy-dom': '^21',
      '@testing-library/react': '^16',
      '@testing-library/dom': '^10',
      '@testing-library/user-event': '^14',
    },
  }
  await writeFiles(dir, {
    'package.json': `${JSON.stringify(manifest, null, 2)}\n`,
    'vitest.config.js': "export default { test: { environment: 'happy-dom' } }\n",
    'connect.test.js': TEST,
  })
  install = await runIn(dir, 'npm', ['install', '--prefer-offline'], { CI: 'true' }, 540_000)
})
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('given a host app on happy-dom with the packed package and its test provider', () => {
  it('→ Escape in the open dialog cancels it: onCancel and onClose', async () => {
    expect(install.code, install.output).toBe(0)
    const run = await runIn(dir, 'node', ['node_modules/vitest/vitest.mjs', 'run'], { CI: 'true' })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/Tests\s+1 passed \(1\)/)
  })
})
