import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { userEnv } from './pack.ts'
import { documentationFiles, documentationInstallCommands, HOST_MODULES, readme, typeScriptBlocks } from './readme.ts'

/** What a command printed and how it ended. */
export interface Step {
  command: string
  code: number
  output: string
}

/** A consumer app made for the tests, and how each step of making it went. */
export interface ConsumerApp {
  dir: string
  steps: Step[]
}

/** Runs `command` in `dir` as a user would; never throws, so a test can show the output of what failed. */
export function runIn(
  dir: string,
  command: string,
  args: string[],
  extra: Record<string, string> = {},
  timeoutMs = 300_000,
): Promise<Step> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: dir, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, env: userEnv(extra) }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      const killed = error?.killed ? `\n(killed after ${timeoutMs} ms)` : ''
      resolve({ command: [command, ...args].join(' '), code, output: `${stdout}\n${stderr}${killed}` })
    })
  })
}

const npmInstall = (dir: string, args: string[]) => runIn(dir, 'npm', [...args, '--prefer-offline'])

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
}

/** The Vite app's own files, as `npm create vite` makes them: the README's blocks are the rest. */
const VITE_APP_FILES: Record<string, string> = {
  'index.html':
    '<!doctype html>\n<html lang="en">\n  <head><meta charset="UTF-8" /><title>Consumer</title></head>\n  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.tsx"></script>\n  </body>\n</html>\n',
  'src/main.tsx': `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
`,
  // Beside the README's own test: what the page gets from virtual:connect-hub-dev under Vitest.
  'src/addresses.test.ts': `import { accountsUrl, apiUrl, hubUrl, tokenUrl } from 'virtual:connect-hub-dev'
import { expect, it } from 'vitest'

it('gets addresses no server answers under Vitest', () => {
  expect({ hubUrl, apiUrl, tokenUrl, accountsUrl }).toEqual({
    hubUrl: 'https://hub.connect-hub.invalid/',
    apiUrl: 'https://api.connect-hub.invalid',
    tokenUrl: '/api/connect-session',
    accountsUrl: '/api/accounts',
  })
})
`,
  'readme-host.d.ts': HOST_MODULES,
}

/**
 * A strict tsconfig as a Vite app has it (`tsc -b` there, `vite/client` for `import.meta.env`), with
 * `skipLibCheck: false` so that our types are checked too.
 */
export function tsconfig(include: string[], types = ['node', 'vite/client']): string {
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    moduleDetection: 'force',
    jsx: 'react-jsx',
    strict: true,
    skipLibCheck: false,
    verbatimModuleSyntax: true,
    allowImportingTsExtensions: true,
    isolatedModules: true,
    noEmit: true,
    types,
  }
  return `${JSON.stringify({ compilerOptions, include }, null, 2)}\n`
}

/** The README's named blocks for a Vite app: its config and `src/`. */
function readmeFiles(): Record<string, string> {
  const files: Record<string, string> = {}
  for (const block of typeScriptBlocks(readme())) {
    const forViteApp = block.named && (block.file === 'vite.config.ts' || block.file.startsWith('src/'))
    if (forViteApp) files[block.file] = `${block.code}\n`
  }
  return files
}

const manifest = (dependencies: Record<string, string>, devDependencies: Record<string, string> = {}) =>
  `${JSON.stringify({ name: 'consumer-app', private: true, type: 'module', dependencies, devDependencies }, null, 2)}\n`

/**
 * A React 19 Vite app made by following the README: its own dependencies first (as `npm create vite` gives them, and
 * Express for the server blocks), then every `npm install` command of the README and of `docs/` in order,
 * `react-connect-hub` being the packed tarball; then the README's files. Every TypeScript block of the README and of
 * `docs/` is written into it (each page in a folder of its own), for the type-check.
 */
export async function readmeApp(dir: string, tarball: string): Promise<ConsumerApp> {
  await writeFiles(dir, {
    'package.json': manifest(
      { react: '^19', 'react-dom': '^19', express: '^5' },
      {
        '@types/react': '^19',
        '@types/react-dom': '^19',
        // As create-vite's template has it (and Vitest 5 asks for, as an optional peer).
        '@types/node': '^24',
        '@types/express': '^5',
        vite: '^8',
        '@vitejs/plugin-react': '^6',
      },
    ),
  })
  const steps = [await npmInstall(dir, ['install'])]
  for (const args of documentationInstallCommands()) {
    if (steps.some((step) => step.code !== 0)) break
    const step = await npmInstall(
      dir,
      args.map((arg) => (/^react-connect-hub(@.*)?$/.test(arg) ? tarball : arg)),
    )
    steps.push({ ...step, command: `npm ${args.join(' ')}` })
  }
  await writeFiles(dir, { ...VITE_APP_FILES, ...documentationFiles(), 'tsconfig.json': tsconfig(['**/*.ts', '**/*.tsx']) })
  return { dir, steps }
}

/** The same Vite app on React 18.3, its dependencies installed in one go, with the README's Vite files only. */
export async function react18App(dir: string, tarball: string): Promise<ConsumerApp> {
  await writeFiles(dir, {
    'package.json': manifest(
      { react: '^18.3', 'react-dom': '^18.3', 'react-connect-hub': `file:${tarball}` },
      {
        '@types/react': '^18.3',
        '@types/react-dom': '^18.3',
        '@types/node': '^20',
        vite: '^8',
        '@vitejs/plugin-react': '^6',
        // Vitest 4 here, while the README's line gives the React 19 app the latest.
        vitest: '^4.1',
        'happy-dom': '^21',
        '@testing-library/react': '^16',
        '@testing-library/dom': '^10',
      },
    ),
    ...VITE_APP_FILES,
    ...readmeFiles(),
    'tsconfig.json': tsconfig(['src', 'vite.config.ts']),
  })
  return { dir, steps: [await npmInstall(dir, ['install'])] }
}

/** An app without Vite (a Next.js-like server), importing `react-connect-hub/dev` and `/server`. */
export async function noViteApp(dir: string, tarball: string): Promise<ConsumerApp> {
  await writeFiles(dir, {
    'package.json': manifest(
      { react: '^19', 'react-dom': '^19', 'react-connect-hub': `file:${tarball}` },
      { '@types/react': '^19', '@types/node': '^20' },
    ),
    'dev.ts': `import { type ConnectHubDevOptions, connectHubDev, type DevHub, startDevHub } from 'react-connect-hub/dev'
import { createConnectSessionHandler } from 'react-connect-hub/server'

const options: ConnectHubDevOptions = { hubPort: 0, apiPort: 0, production: { hubUrl: 'https://hub.example.com/' } }
export const plugin = connectHubDev(options)
export const start: () => Promise<DevHub> = () => startDevHub({ hubPort: 0 })
export const POST = createConnectSessionHandler({ apiKey: 'key', resolveOwner: () => null })
`,
    'tsconfig.json': tsconfig(['dev.ts'], ['node']),
  })
  return { dir, steps: [await npmInstall(dir, ['install'])] }
}
