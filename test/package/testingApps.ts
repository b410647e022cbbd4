import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runIn as runAsUser, type Step, tsconfig, writeFiles } from './apps.ts'
import { ROOT } from './pack.ts'

/** One fenced block of the "Testing your integration" page, placed where its first line says. */
export interface SectionBlock {
  lang: string
  /** The path its first line names, e.g. `src/Integrations.test.tsx`. */
  path: string
  /** `vitest` or `jest` for the test files and config of one runner; `common` for the rest. */
  runner: 'vitest' | 'jest' | 'common'
  code: string
}

const PAGE = 'docs/testing.md'

/** The "Testing your integration" page, `docs/testing.md`, whole. */
export function testingSection(markdown = readFileSync(join(ROOT, PAGE), 'utf8')): string {
  if (!markdown.startsWith('# Testing your integration\n')) throw new Error(`${PAGE} does not start with "# Testing your integration"`)
  return markdown
}

// `// src/Integrations.test.tsx, with Vitest`, `// jest.config.js (an ES module, …)`, `// src/Integrations.tsx`
const PATH_LINE = /^\/\/ ([\w./-]+\.[jt]sx?)(?:, with (Vitest|Jest))?(?: \(.*\))?$/

/** Every code block of the page whose first line names its file. */
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

/** The packages of the page's `npm install -D …` lines, name → version range (`latest` when the line names none). */
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

/**
 * Runs `command` in the app as CI would, through the package tests' own runner: `CI=true`, so that neither npm nor Jest
 * waits for a terminal. It never throws, so a test can show why it failed.
 */
export const runIn = (dir: string, command: string, args: string[], timeoutMs?: number): Promise<Step> =>
  runAsUser(dir, command, args, { CI: 'true' }, timeoutMs)

/** A consumer app with both runners, and how its install went. */
export interface TestingApp extends Step {
  dir: string
}

/**
 * A host app on React `react` (`'^19'` or `'^18.3'`) with the packed package and what the page's install lines name.
 * One install serves both runners: the Vitest files go in `vitest/`, the Jest files (and its config) in `jest/`, each
 * beside its own copy of the page's common files; one tsconfig type-checks them all.
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
  files['tsconfig.json'] = tsconfig(['vitest/src', 'jest/src', '.storybook'], ['node'])
  await writeFiles(dir, files)
  const install = await runIn(dir, 'npm', ['install', '--prefer-offline'], 540_000)
  return { dir, ...install }
}
