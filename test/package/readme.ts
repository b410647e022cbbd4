import { readFileSync } from 'node:fs'
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

/** Every fenced block (```lang … ```), with where it starts. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = []
  const lines = markdown.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const open = /^```(\w*)\s*$/.exec(lines[index] ?? '')
    if (!open) continue
    const start = index + 1
    let end = start
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++
    blocks.push({ lang: open[1] ?? '', code: lines.slice(start, end).join('\n'), line: start + 1 })
    index = end
  }
  return blocks
}

/**
 * Where a block goes in an app. A block whose first line is a path comment (`// src/App.tsx`) is that file, as the
 * README tells users to write it; the last block of a path wins, earlier ones (a file shown before a change) get a
 * path of their own. Other blocks become `src/readme-L<line>.ts(x)`, beside the named ones, so that their relative
 * imports (`./getToken`) mean what they say. Imports of `@/…` stand for the host app's own modules (HOST_MODULES).
 */
export interface PlacedBlock extends CodeBlock {
  file: string
  /** Whether the README names this file (a path comment), and it is the last block for that path. */
  named: boolean
}

const PATH_COMMENT = /^\/\/ ([\w./[\]-]+\.(?:d\.ts|tsx?))\s*$/

export function typeScriptBlocks(markdown: string): PlacedBlock[] {
  const blocks = codeBlocks(markdown).filter((block) => block.lang === 'ts' || block.lang === 'tsx')
  const lastOfPath = new Map<string, CodeBlock>()
  for (const block of blocks) {
    const path = PATH_COMMENT.exec(block.code.split('\n')[0] ?? '')?.[1]
    if (path) lastOfPath.set(path, block)
  }
  return blocks.map((block) => {
    const path = PATH_COMMENT.exec(block.code.split('\n')[0] ?? '')?.[1]
    if (path && lastOfPath.get(path) === block) return { ...block, file: path, named: true }
    const extension = path?.endsWith('.d.ts') ? 'd.ts' : path?.endsWith('.ts') || block.lang === 'ts' ? 'ts' : 'tsx'
    return { ...block, file: `src/readme-L${block.line}.${extension}`, named: false }
  })
}

/** The `npm install …` commands of the README's shell blocks, in order, each as its arguments after `npm`. */
export function installCommands(markdown: string): string[][] {
  return codeBlocks(markdown)
    .filter((block) => block.lang === 'sh' || block.lang === 'bash')
    .flatMap((block) => block.code.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^npm (install|i)\b/.test(line))
    .map((line) => line.split(/\s+/).slice(1))
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

/** A `tsc` diagnostic line (`file(line,col): error TS…: …`) with its file mapped back to the README's line. */
export function readmeDiagnostics(output: string, placed: PlacedBlock[]): string[] {
  return output
    .split('\n')
    .filter((line) => /error TS\d+/.test(line))
    .map((line) => {
      const match = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line.trim())
      const block = match && placed.find((candidate) => candidate.file === match[1])
      return block && match ? `README.md:${block.line + Number(match[2]) - 1}:${match[3]} ${match[4]}` : line.trim()
    })
}
