import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { optimizeDeps, resolveConfig } from 'vite'
import { demoConfig } from '../../../demo/config.ts'

const VITE_CACHE = fileURLToPath(new URL('../../../node_modules/.vite/', import.meta.url))
/** The demo's optimised dependencies, made once and copied for each demo server: the same for every one of them. */
const SHARED = `${VITE_CACHE}demo-e2e`
const ready = (cacheDir: string) => existsSync(`${cacheDir}/deps/_metadata.json`)

/**
 * Optimises the demo's dependencies into the shared cache, unless it is there. Each e2e project's global setup calls
 * it: the first one does the work (about 2 s of CPU, which every demo server would otherwise repeat on a fresh clone),
 * the others find it done. A cache that is out of date (a new lock file) is optimised again by each server, as before.
 */
export async function shareDemoDeps(): Promise<void> {
  if (ready(SHARED)) return
  // Optimised elsewhere, then moved into place at once: a setup running beside this one never sees half a cache.
  mkdirSync(VITE_CACHE, { recursive: true })
  const building = mkdtempSync(`${SHARED}-`)
  try {
    const config = await demoConfig({ hostPort: 0, dev: { hubPort: 0, apiPort: 0, providerPort: 0 } })
    await optimizeDeps(await resolveConfig({ ...config, cacheDir: building, logLevel: 'silent' }, 'serve'))
    if (!ready(SHARED)) renameSync(building, SHARED)
  } finally {
    rmSync(building, { recursive: true, force: true })
  }
}

/** A demo server's own cache folder, started from the shared one: files running side by side never write into one. */
export function demoCacheDir(name: string): string {
  const cacheDir = `${VITE_CACHE}${name}`
  if (!ready(cacheDir) && ready(SHARED)) cpSync(SHARED, cacheDir, { recursive: true })
  return cacheDir
}
