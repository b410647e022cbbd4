import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder `storybook build` wrote: what a team would upload to a static host. */
    storybookStatic: string
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Builds the static Storybook once per run, as `npm run build-storybook` does, into a folder of its own. */
export default async function setup(project: TestProject) {
  const output = await mkdtemp(join(tmpdir(), 'storybook-static-'))
  const started = performance.now()
  await promisify(execFile)(join(ROOT, 'node_modules/.bin/storybook'), ['build', '--output-dir', output, '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    maxBuffer: 64 * 1024 * 1024,
  })
  console.info(`storybook build (static Storybook under test): ${((performance.now() - started) / 1000).toFixed(1)} s`)
  project.provide('storybookStatic', output)
  return () => rm(output, { recursive: true, force: true })
}
