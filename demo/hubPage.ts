import { rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

let built: Promise<string> | undefined

/**
 * Builds the reference hub page from its sources (about 0.3 s) into a directory of its own, once per process: the
 * demo then runs on a fresh clone with nothing built, and always shows the hub as the sources have it.
 */
export function buildHubPage(): Promise<string> {
  built ??= (async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'connect-hub-page-'))
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }))
    const configFile = fileURLToPath(new URL('../vite.hub.config.ts', import.meta.url))
    await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
    return outDir
  })()
  return built
}
