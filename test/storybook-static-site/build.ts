import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Builds the static Storybook, as `npm run build-storybook` does, into a folder of its own, and returns that folder:
 * what a team would upload to a static host. Called by the test file that serves it rather than by a global setup, so
 * that the other projects' tests run while it builds (global setups run one after another, before any test).
 */
export async function buildStorybook(): Promise<string> {
  const output = await mkdtemp(join(tmpdir(), 'storybook-static-'))
  const started = performance.now()
  await promisify(execFile)(join(ROOT, 'node_modules/.bin/storybook'), ['build', '--output-dir', output, '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    maxBuffer: 64 * 1024 * 1024,
  })
  console.info(`storybook build (static Storybook under test): ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return output
}
