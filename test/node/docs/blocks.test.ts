import { describe, expect, it } from 'vitest'
import { codeBlocks, documentationFiles, installCommands, typeScriptBlocks } from '../../package/readme.ts'

// Where the package tests put each block of the README and docs/ in the consumer app (test/package/readme.ts): fast
// checks of the rules, without packing anything.
const page = [
  '# A page',
  '```tsx',
  '// src/App.tsx',
  'export const first = 1',
  '```',
  '```ts',
  "import { getToken } from './getToken'",
  '```',
  '- a list item',
  '',
  '  ```tsx',
  '  export function Indented() {',
  '    return null',
  '  }',
  '  ```',
  '```sh',
  'npm install react-connect-hub   # the package',
  'npm run dev',
  '```',
  '```tsx',
  '// src/App.tsx',
  'export const last = 2',
  '```',
].join('\n')

describe('given a page with TypeScript blocks', () => {
  it('→ on the README, a named block is that file of the app, the last of a path wins, the others get their line', () => {
    expect(typeScriptBlocks(page).map((block) => [block.file, block.named])).toEqual([
      ['src/readme-L3.tsx', false],
      ['src/readme-L7.ts', false],
      ['src/readme-L12.tsx', false],
      ['src/App.tsx', true],
    ])
  })

  it('→ on a page of docs/, every block goes in the page’s own folder, so two pages’ src/App.tsx never meet', () => {
    const placed = typeScriptBlocks(page, 'docs/server.md')
    expect(placed.map((block) => block.file)).toEqual([
      'docs/server/src/server-L3.tsx',
      'docs/server/src/server-L7.ts',
      'docs/server/src/server-L12.tsx',
      'docs/server/src/App.tsx',
    ])
    expect(placed.every((block) => block.page === 'docs/server.md')).toBe(true)
    expect(() => typeScriptBlocks(page, 'CHANGELOG.md')).toThrow(/neither README\.md nor a page of docs/)
  })

  it('→ a block indented under a list item is found, without its indent', () => {
    const indented = codeBlocks(page).find((block) => block.line === 12)
    expect(indented).toEqual({ lang: 'tsx', code: 'export function Indented() {\n  return null\n}', line: 12 })
  })

  it('→ its npm install lines are read without their comments, other npm commands are not', () => {
    expect(installCommands(page)).toEqual([['install', 'react-connect-hub']])
  })
})

describe('given the README and docs/ as they are', () => {
  it('→ each page’s folder starts from the README’s source files, without its tests, and keeps its own blocks', () => {
    const files = documentationFiles()
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['src/getToken.ts', 'docs/button-and-hook/src/getToken.ts']))
    expect(files['docs/button-and-hook/src/getToken.ts']).toBe(files['src/getToken.ts'])
    expect(Object.keys(files).filter((file) => file.startsWith('docs/') && file.includes('.test.'))).toEqual([])
    expect(files['docs/testing/src/Integrations.tsx']).toContain('export function Integrations')
  })
})
