import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { ROOT } from './pack.ts'

/** One fenced block of the README's "Testing your integration" section, placed where its first line says. */
export interface SectionBlock {
  lang: string
  /** The path its first line names, e.g. `src/Integrations.test.tsx`. */
  path: string
  /** `vitest` or `jest` for the test files and config of one runner; `common` for the rest. */
  runner: 'vitest' | 'jest' | 'common'
  code: string
}

const SECTION = '## Testing your integration'

/** The README's testing section, from its heading to the next `## ` heading. */
export function testingSection(markdown = readFileSync(join(ROOT, 'README.md'), 'utf8')): string {
  const start = markdown.indexOf(`\n${SECTION}\n`)
  if (start < 0) throw new Error(`README.md has no "${SECTION}" section`)
  const end = markdown.indexOf('\n## ', start + SECTION.length + 2)
  return markdown.slice(start, end < 0 ? undefined : end)
}

// `// src/Integrations.test.tsx, with Vitest`, `// jest.config.js (an ES module, …)`, `// src/Integrations.tsx`
const PATH_LINE = /^\/\/ ([\w./-]+\.[jt]sx?)(?:, with (Vitest|Jest))?(?: \(.*\))?$/

/** Every code block of the section whose first line names its file. */
export function sectionBlocks(section: string): SectionBlock[] {
  const blocks: SectionBlock[] = []
  for (const match of section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) {
    const [, lang = '', code = ''] = match
    const path = PATH_LINE.exec(code.split('\n')[0] ?? '')
    if (!path?.[1]) continue
    const runner = path[2] === 'Vitest' ? 'vitest' : path[2] === 'Jest' || path[1].startsWith('jest.') ? 'jest' : 'common'
    blocks.push({ lang, path: path[1], runner, code })
  }
  return blocks
}

/** The packages of the section's `npm install -D …` lines, name → version range (`latest` when the line names none). */
export function sectionDevDependencies(section: string): Record<string, string> {
  const packages: Record<string, string> = {}
  for (const match of section.matchAll(/^npm install -D (.+)$/gm)) {
    for (const spec of (match[1] ?? '').trim().split(/\s+/)) {
      const at = spec.lastIndexOf('@')
      const [name, range] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, 'latest']
      packages[name] = range
    }
  }
  return packages
}

/** What a command printed and how it ended; it never throws, so a test can show why it failed. */
export interface Ran {
  code: number
  output: string
}

/** The environment a user's shell gives a command: without what Vitest sets for itself, so a nested run behaves as from a terminal. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(VITEST|VITE_|TEST$|NODE_ENV$|JEST_WORKER_ID$|TINYPOOL)/.test(name)) env[name] = value
  }
  return {
    ...env,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    CI: 'true',
    npm_config_loglevel: 'warn',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  }
}

export function runIn(dir: string, command: string, args: string[], timeoutMs = 300_000): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: dir, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, env: userEnv() }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, output: `${stdout}\n${stderr}${error?.killed ? `\n(killed after ${timeoutMs} ms)` : ''}` })
    })
  })
}

async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
}

/** A consumer app with both runners, and how its install went. */
export interface TestingApp extends Ran {
  dir: string
}

/**
 * A host app on React `react` (`'^19'` or `'^18.3'`) with the packed package and what the section's install lines name.
 * One install serves both runners: the Vitest files go in `vitest/`, the Jest files (and its config) in `jest/`, each
 * beside its own copy of the section's common files; one tsconfig type-checks them all.
 */
export async function testingApp(dir: string, tarball: string, react: '^19' | '^18.3'): Promise<TestingApp> {
  const section = testingSection()
  const manifest = {
    name: 'consumer-tests',
    private: true,
    type: 'module',
    dependencies: { react, 'react-dom': react, 'react-connect-hub': `file:${tarball}` },
    devDependencies: { '@types/react': react, '@types/react-dom': react, '@types/node': '^24', ...sectionDevDependencies(section) },
  }
  const files: Record<string, string> = { 'package.json': `${JSON.stringify(manifest, null, 2)}\n` }
  for (const block of sectionBlocks(section)) {
    const text = `${block.code.trimEnd()}\n`
    if (block.runner === 'common' && block.path.startsWith('.storybook/')) files[block.path] = text
    else if (block.runner === 'common') {
      files[`vitest/${block.path}`] = text
      files[`jest/${block.path}`] = text
    } else files[`${block.runner}/${block.path}`] = text
  }
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
    isolatedModules: true,
    noEmit: true,
    types: ['node'],
  }
  files['tsconfig.json'] = `${JSON.stringify({ compilerOptions, include: ['vitest/src', 'jest/src', '.storybook'] }, null, 2)}\n`
  await writeFiles(dir, files)
  const install = await runIn(dir, 'npm', ['install', '--prefer-offline'], 540_000)
  return { dir, ...install }
}
