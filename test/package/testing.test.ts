import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ROOT } from './pack.ts'
import { runIn, sectionBlocks, sectionDevDependencies, type TestingApp, testingApp, testingSection } from './testingApps.ts'

// docs/testing.md ("Testing your integration") as a user follows it: its install lines, its files as written,
// against the packed package, in a React 19 and a React 18.3 app. Both apps install side by side, once for both runners.
const tarball = inject('packedTarball')
const tsc = join(ROOT, 'node_modules/typescript/bin/tsc')
let root: string
const apps: Record<string, TestingApp> = {}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rch-testing-'))
  const [react19, react18] = await Promise.all([
    testingApp(join(root, 'react19'), tarball, '^19'),
    testingApp(join(root, 'react18'), tarball, '^18.3'),
  ])
  Object.assign(apps, { 'React 19': react19, 'React 18.3': react18 })
})
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('given docs/testing.md, the page on testing an integration', () => {
  it('→ it holds the component, a Vitest file, a Jest file with its config, a Storybook decorator and their install lines', () => {
    const section = testingSection()
    expect(sectionBlocks(section).map((block) => `${block.runner} ${block.path}`)).toEqual([
      'common src/Integrations.tsx',
      'vitest src/Integrations.test.tsx',
      'jest jest.config.js',
      'jest src/Integrations.test.tsx',
      'common .storybook/preview.tsx',
    ])
    expect(Object.keys(sectionDevDependencies(section))).toEqual(
      expect.arrayContaining(['vitest', 'jsdom', 'jest', 'jest-environment-jsdom', 'babel-jest', '@testing-library/react']),
    )
  })
})

describe.each(['React 19', 'React 18.3'])('given an app on %s with the packed package and the page’s files', (name) => {
  const app = () => apps[name] as TestingApp

  it('→ the install lines install, and React is the version the app asked for', async () => {
    expect(app().code, app().output).toBe(0)
    const react = JSON.parse(await readFile(join(app().dir, 'node_modules/react/package.json'), 'utf8')) as { version: string }
    expect(react.version).toMatch(name === 'React 19' ? /^19\./ : /^18\.3\./)
    expect(existsSync(join(app().dir, 'node_modules/react-connect-hub/dist/testing.js'))).toBe(true)
  })

  it('→ every block type-checks under strict, with skipLibCheck: false', async () => {
    const check = await runIn(app().dir, 'node', [tsc, '-p', 'tsconfig.json'])
    expect(check.output.trim()).toBe('')
    expect(check.code).toBe(0)
  })

  it('→ Vitest runs the four tests green in jsdom', async () => {
    const run = await runIn(join(app().dir, 'vitest'), 'node', ['../node_modules/vitest/vitest.mjs', 'run'])
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/Tests\s+4 passed \(4\)/)
  })

  it('→ Jest runs the four tests green in jsdom, the package turned into CommonJS by babel-jest', async () => {
    const run = await runIn(join(app().dir, 'jest'), 'node', ['../node_modules/jest/bin/jest.js'])
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/Tests:\s+4 passed, 4 total/)
  })
})
