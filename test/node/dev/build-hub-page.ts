import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'

let built: Promise<string> | undefined

/** Builds the hub page with its real Vite config into a temporary directory, once per test file. */
export function buildHubPage(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'connect-hub-page-'))
    await build({ configFile: join(process.cwd(), 'vite.hub.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } })
    return outDir
  })()
  return built
}
