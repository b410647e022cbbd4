import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root: the package that is packed. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** What a command printed and how it ended; it never throws, so a test can show why it failed. */
export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs `command` with `args` in `cwd`, with a clean npm environment (no workspace config from the repository). */
export function run(command: string, args: string[], cwd: string, timeoutMs = 240_000): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, npm_config_loglevel: 'warn' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr: error && !stderr ? String(error) : stderr })
      },
    )
  })
}

let packing: Promise<string> | undefined

/**
 * The package as npm would publish it: `npm pack` of the built `dist/` (built first when missing) into a temporary
 * directory, once per process. Consumer fixtures (a Vite app, a Vitest or Jest app, …) install this tarball.
 */
export function packedTarball(): Promise<string> {
  packing ??= (async () => {
    if (!existsSync(join(ROOT, 'dist/index.js'))) {
      const build = await run('npm', ['run', 'build'], ROOT, 600_000)
      if (build.code !== 0) throw new Error(`react-connect-hub tests: npm run build failed\n${build.stdout}\n${build.stderr}`)
    }
    const destination = await mkdtemp(join(tmpdir(), 'rch-pack-'))
    const pack = await run('npm', ['pack', '--json', '--pack-destination', destination], ROOT)
    if (pack.code !== 0) throw new Error(`react-connect-hub tests: npm pack failed\n${pack.stderr}`)
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }]
    return join(destination, filename)
  })()
  return packing
}

export interface App extends CommandResult {
  /** The app's directory. */
  dir: string
}

/**
 * A fresh app in `dir` (created if missing) whose `package.json` lists `dependencies` and the packed tarball, installed
 * with a plain `npm install`: no `--force`, no `--legacy-peer-deps`, so a peer conflict fails it as it fails a user.
 * Resolves with the install's exit code and output; it does not throw when the install fails.
 */
export async function createApp(dir: string, dependencies: Record<string, string>, tarball: string): Promise<App> {
  await mkdir(dir, { recursive: true })
  const manifest = {
    name: 'consumer-app',
    private: true,
    type: 'module',
    dependencies: { ...dependencies, 'react-connect-hub': `file:${tarball}` },
  }
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], dir)
  return { dir, ...install }
}
