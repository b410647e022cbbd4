import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runIn } from './apps.ts'
import { sharedApp } from './apps-shared.ts'
import { ROOT } from './pack.ts'
import { codeBlocks, documentationBlocks, documentationInstallCommands, documentationPages, readmeDiagnostics } from './readme.ts'

// The README and docs/ as a new user follows them: their install lines run, their code blocks compile, in fresh apps
// with the packed package (made once per run, for every file that uses them: see apps-shared.ts; each page of docs/ is
// a folder there).
const [react19, noVite] = await Promise.all([sharedApp('react19'), sharedApp('noVite')])
const tsc = join(ROOT, 'node_modules/typescript/bin/tsc')

describe('given the README, docs/ and a fresh React 19 Vite app with the packed package', () => {
  it('→ every npm install line of the README and of docs/ succeeds there, in order', () => {
    const commands = documentationInstallCommands().map((args) => `npm ${args.join(' ')}`)
    expect(commands).toContain('npm install react-connect-hub')
    expect(commands.some((command) => command.startsWith('npm install @stackone/hub'))).toBe(true)
    const ran = react19.steps.slice(1)
    expect(ran.map((step) => step.command)).toEqual(commands)
    for (const step of react19.steps) expect(step.code, `${step.command}\n${step.output}`).toBe(0)
  })

  it('→ the StackOne line gives @stackone/hub every peer it asks for (zod 4 among them)', async () => {
    const hub = JSON.parse(readFileSync(join(react19.dir, 'node_modules/@stackone/hub/package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>
    }
    expect(Object.keys(hub.peerDependencies)).toEqual(expect.arrayContaining(['zod', 'react-hook-form', '@hookform/resolvers']))
    const zod = JSON.parse(readFileSync(join(react19.dir, 'node_modules/zod/package.json'), 'utf8')) as { version: string }
    expect(zod.version).toMatch(/^4\./)
    // npm ls fails on a missing or invalid peer anywhere in the tree.
    const tree = await runIn(react19.dir, 'npm', ['ls', '@stackone/hub', 'zod', 'react-hook-form', '@hookform/resolvers'])
    expect(tree.code, tree.output).toBe(0)
  })

  it('→ every TypeScript block, README and docs/ pages alike, type-checks under strict, with skipLibCheck: false', async () => {
    const placed = documentationBlocks()
    expect(placed.length).toBeGreaterThan(20)
    // Each page's blocks are in the app: none lost to another page's file of the same path.
    expect(new Set(placed.map((block) => block.file)).size).toBe(placed.length)
    // And none missed: a TypeScript block fenced as ```typescript or ```mts would not be checked.
    const fenced = documentationPages().flatMap(({ markdown }) => codeBlocks(markdown))
    expect(fenced.filter((block) => /^(ts|tsx|typescript|mts|cts)$/i.test(block.lang)).length).toBe(placed.length)
    for (const block of placed) expect(existsSync(join(react19.dir, block.file)), block.file).toBe(true)
    const check = await runIn(react19.dir, 'node', [tsc, '-p', 'tsconfig.json'])
    expect(readmeDiagnostics(check.output, placed)).toEqual([])
    expect(check.code, check.output).toBe(0)
  })
})

describe("given an app without Vite (a Next.js app's server)", () => {
  it("→ import … from 'react-connect-hub/dev' and '/server' type-check with skipLibCheck: false", async () => {
    for (const step of noVite.steps) expect(step.code, step.output).toBe(0)
    expect(existsSync(join(noVite.dir, 'node_modules/vite'))).toBe(false)
    const check = await runIn(noVite.dir, 'node', [tsc, '-p', 'tsconfig.json'])
    expect(check.output.trim()).toBe('')
    expect(check.code).toBe(0)
  })
})
