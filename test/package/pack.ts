import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises'
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

/**
 * The environment a user's shell would give a command: without what Vitest sets for itself (`VITEST`, `NODE_ENV=test`,
 * …), so a `vite build` or a nested `vitest run` behaves as it does from a terminal.
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(VITEST|VITE_|TEST$|NODE_ENV$|MODE$|PROD$|DEV$|SSR$|BASE_URL$|TINYPOOL|JEST_WORKER_ID$)/.test(name)) continue
    env[name] = value
  }
  return {
    ...env,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    npm_config_loglevel: 'warn',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  }
}

/**
 * Runs `command` with `args` in `cwd` as from a terminal: without Vitest's `NODE_ENV=test`, under which `npm run build`
 * would build `dist/` with React's development JSX runtime.
 */
export function run(command: string, args: string[], cwd: string, timeoutMs = 240_000): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: userEnv() }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout, stderr: error && !stderr ? String(error) : stderr })
    })
  })
}

/** What `npm run build` reads: a change to any of them makes `dist/` stale. */
const BUILD_INPUTS = ['src', 'package.json', 'vite.config.ts', 'vite.hub.config.ts', 'tsconfig.json', 'tsconfig.build.json']

/** The newest modification time (ms) of a file under `path`, or of `path` itself; 0 when it does not exist. */
async function newest(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined)
  if (!info) return 0
  if (!info.isDirectory()) return info.mtimeMs
  const entries = await readdir(path, { recursive: true, withFileTypes: true })
  const times = await Promise.all(
    entries.filter((entry) => entry.isFile()).map((entry) => stat(join(entry.parentPath, entry.name)).then((file) => file.mtimeMs)),
  )
  return Math.max(0, ...times)
}

/**
 * Whether `dist/` is missing or older than what it is built from. The oldest file of the build's output counts: a build
 * that stopped halfway leaves new and old files side by side.
 */
export async function distIsStale(): Promise<boolean> {
  const outputs = await readdir(join(ROOT, 'dist'), { recursive: true, withFileTypes: true }).catch(() => undefined)
  const built = outputs?.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
  if (!built?.some((file) => file.endsWith('/dist/index.js'))) return true
  const oldest = Math.min(...(await Promise.all(built.map((file) => stat(file).then((info) => info.mtimeMs)))))
  const inputs = Math.max(...(await Promise.all(BUILD_INPUTS.map((input) => newest(join(ROOT, input))))))
  return inputs > oldest
}

let packing: Promise<string> | undefined

/**
 * The package as npm would publish it: `npm pack` of the built `dist/` into a temporary directory, once per process.
 * `dist/` is built first when it is missing or older than `src/` or the build's configuration, so a run outside
 * `npm test` never tests a stale build. Consumer fixtures (a Vite app, a Vitest or Jest app, …) install this tarball.
 */
export function packedTarball(): Promise<string> {
  packing ??= (async () => {
    if (await distIsStale()) {
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
