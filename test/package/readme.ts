import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './pack.ts'

/** One fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The fence's language, e.g. `ts`, `tsx`, `sh`. */
  lang: string
  code: string
  /** The Markdown line (1-based) of the block's first line of code. */
  line: number
}

export const readme = (): string => readFileSync(join(ROOT, 'README.md'), 'utf8')

/** A page of the documentation: its path from the root (`README.md`, `docs/server.md`) and its Markdown. */
export interface DocumentationPage {
  path: string
  markdown: string
}

/** The README, then every page of `docs/` in alphabetical order: the order their install lines run in. */
export function documentationPages(): DocumentationPage[] {
  const pages = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`)
  return ['README.md', ...pages].map((path) => ({ path, markdown: readFileSync(join(ROOT, path), 'utf8') }))
}

/** Every fenced block (```lang … ```), with where it starts; a block indented under a list item loses its indent. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = []
  const lines = markdown.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const open = /^( *)```(\w*)\s*$/.exec(lines[index] ?? '')
    if (!open) continue
    const indent = open[1] ?? ''
    const start = index + 1
    let end = start
    while (end < lines.length && !/^ *```\s*$/.test(lines[end] ?? '')) end++
    const code = lines.slice(start, end).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
    blocks.push({ lang: open[2] ?? '', code: code.join('\n'), line: start + 1 })
    index = end
  }
  return blocks
}

/**
 * Where a block goes in an app. A block whose first line is a path comment (`// src/App.tsx`) is that file, as the
 * page tells users to write it; the last block of a path wins, earlier ones (a file shown before a change) get a
 * path of their own. Other blocks become `src/<page>-L<line>.ts(x)`, beside the named ones, so that their relative
 * imports (`./getToken`) mean what they say. Imports of `@/…` stand for the host app's own modules (HOST_MODULES).
 *
 * The README's blocks are the app itself. Each page of `docs/` is a folder of the app of its own, `docs/<page>/`, so
 * that two pages' `src/App.tsx` never meet; it starts from the README's source files (see documentationFiles).
 */
export interface PlacedBlock extends CodeBlock {
  /** The page the block is on (`README.md`, `docs/server.md`). */
  page: string
  file: string
  /** Whether the page names this file (a path comment), and it is the last block for that path. */
  named: boolean
}

const PATH_COMMENT = /^\/\/ ([\w./[\]-]+\.(?:d\.ts|tsx?))\s*$/

/** The folder of the app a page's blocks go in, and the prefix of its unnamed blocks' names. */
function placeOf(page: string): { folder: string; prefix: string } {
  if (page === 'README.md') return { folder: '', prefix: 'readme' }
  const name = /^docs\/([\w-]+)\.md$/.exec(page)?.[1]
  if (!name) throw new Error(`react-connect-hub tests: ${page} is neither README.md nor a page of docs/`)
  return { folder: `docs/${name}/`, prefix: name }
}

export function typeScriptBlocks(markdown: string, page = 'README.md'): PlacedBlock[] {
  const { folder, prefix } = placeOf(page)
  const blocks = codeBlocks(markdown).filter((block) => block.lang === 'ts' || block.lang === 'tsx')
  const lastOfPath = new Map<string, CodeBlock>()
  for (const block of blocks) {
    const path = PATH_COMMENT.exec(block.code.split('\n')[0] ?? '')?.[1]
    if (path) lastOfPath.set(path, block)
  }
  return blocks.map((block) => {
    const path = PATH_COMMENT.exec(block.code.split('\n')[0] ?? '')?.[1]
    if (path && lastOfPath.get(path) === block) return { ...block, page, file: `${folder}${path}`, named: true }
    const extension = path?.endsWith('.d.ts') ? 'd.ts' : path?.endsWith('.ts') || block.lang === 'ts' ? 'ts' : 'tsx'
    return { ...block, page, file: `${folder}src/${prefix}-L${block.line}.${extension}`, named: false }
  })
}

/** Every TypeScript block of the README and of `docs/`, placed. */
export function documentationBlocks(): PlacedBlock[] {
  return documentationPages().flatMap(({ path, markdown }) => typeScriptBlocks(markdown, path))
}

/**
 * The files of every block of the README and of `docs/`. Each page's folder first gets a copy of the README's named
 * source files (`src/getToken.ts`, `src/App.tsx`, …; its tests aside, which the app runs once): the pages speak of
 * "src/getToken.ts of Getting started" and import it as `./getToken`. A page's own file of the same path wins.
 */
export function documentationFiles(): Record<string, string> {
  const placed = documentationBlocks()
  const base = placed.filter((block) => block.page === 'README.md' && block.named && /^src\/(?!.*\.test\.)/.test(block.file))
  const files: Record<string, string> = {}
  for (const folder of new Set(placed.map((block) => placeOf(block.page).folder))) {
    if (folder === '') continue
    for (const block of base) files[`${folder}${block.file}`] = `${block.code}\n`
  }
  for (const block of placed) files[block.file] = `${block.code}\n`
  return files
}

/** The `npm install …` commands of a page's shell blocks, in order, each as its arguments after `npm`. */
export function installCommands(markdown: string): string[][] {
  return codeBlocks(markdown)
    .filter((block) => block.lang === 'sh' || block.lang === 'bash')
    .flatMap((block) => block.code.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^npm (install|i)\b/.test(line))
    .map((line) => line.split(/\s+/).slice(1))
}

/** The `npm install …` commands of the README, then of each page of `docs/`, in order. */
export function documentationInstallCommands(): string[][] {
  return documentationPages().flatMap(({ markdown }) => installCommands(markdown))
}

/** The modules of the host app the README's blocks import (`@/auth`, `@/db`): declared, as the user's app has them. */
export const HOST_MODULES = `// The host app's own modules, which the README's server blocks import.
declare module '@/auth' {
  export function auth(): Promise<{ orgId: string; orgName: string; email: string } | null>
}
declare module '@/db' {
  export const db: { account(id: string): Promise<{ orgId: string } | null> }
}
`

/** A `tsc` diagnostic line (`file(line,col): error TS…: …`) with its file mapped back to its page's line. */
export function readmeDiagnostics(output: string, placed: PlacedBlock[]): string[] {
  return output
    .split('\n')
    .filter((line) => /error TS\d+/.test(line))
    .map((line) => {
      const match = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line.trim())
      const block = match && placed.find((candidate) => candidate.file === match[1])
      return block && match ? `${block.page}:${block.line + Number(match[2]) - 1}:${match[3]} ${match[4]}` : line.trim()
    })
}
