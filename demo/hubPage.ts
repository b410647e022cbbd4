import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { tempDirOfProcess } from './tempDir.ts'

let built: Promise<string> | undefined

/**
 * Builds the reference hub page from its sources (about 0.3 s) into a directory of this process, once: the demo then
 * runs on a fresh clone with nothing built, and always shows the hub as the sources have it.
 */
export function buildHubPage(): Promise<string> {
  built ??= (async () => {
    const outDir = tempDirOfProcess('connect-hub-page-')
    const configFile = fileURLToPath(new URL('../vite.hub.config.ts', import.meta.url))
    await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
    return outDir
  })()
  return built
}
