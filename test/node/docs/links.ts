import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** The Markdown a reader of the repository follows: the README, SECURITY.md and every page of `docs/`. */
export function documentationFiles(root = ROOT): string[] {
  const pages = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`)
  return ['README.md', 'SECURITY.md', ...pages]
}

/** The Markdown outside fenced code blocks, each line kept in place (a fenced line becomes empty). */
function prose(markdown: string): string[] {
  let fence: string | undefined
  return markdown.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence === undefined && marker) {
      fence = marker
      return ''
    }
    if (fence !== undefined) {
      if (marker?.startsWith(fence)) fence = undefined
      return ''
    }
    return line
  })
}

/**
 * The anchor GitHub gives a heading's text: lowercased, every character but letters, digits, spaces, `-` and `_`
 * dropped (so `` ` ``, `:`, `'`, `(`, `.`, `/` go), each space turned into `-`.
 */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase()
  return text.replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-')
}

/** Every anchor a page's headings produce, in order; a repeated one gets `-1`, `-2`, … as on GitHub. */
export function anchors(markdown: string): string[] {
  const seen = new Map<string, number>()
  const result: string[] = []
  for (const line of prose(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1]
    if (heading === undefined) continue
    const base = slug(heading)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    result.push(count === 0 ? base : `${base}-${count}`)
  }
  return result
}

/** A link of a page, with where it is. */
export interface Link {
  /** The page, relative to the root (`docs/server.md`). */
  page: string
  line: number
  target: string
}

/** The inline links (`[text](target)`, images too) of a page, outside code blocks and code spans. */
export function links(page: string, markdown: string): Link[] {
  const found: Link[] = []
  prose(markdown).forEach((text, index) => {
    const line = text.replace(/`[^`]*`/g, '')
    for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      found.push({ page, line: index + 1, target: match[1] ?? '' })
    }
  })
  return found
}

/**
 * What is wrong with a link: a relative link to a file that does not exist, or a `#anchor` that no heading of its
 * target page produces. `undefined` when nothing is (external links are not followed).
 */
export function problem(link: Link, root = ROOT): string | undefined {
  if (/^[a-z][a-z\d+.-]*:/i.test(link.target)) return undefined
  const [path = '', anchor] = link.target.split('#', 2)
  const file = path === '' ? join(root, link.page) : join(root, dirname(link.page), decodeURIComponent(path))
  const where = `${link.page}:${link.line} → ${link.target}`
  if (!file.startsWith(root) || !existsSync(file)) return `${where}: no file ${relative(root, file) || file}`
  if (anchor === undefined) return undefined
  if (statSync(file).isDirectory() || !file.endsWith('.md')) return `${where}: an anchor into a file that is not Markdown`
  const known = anchors(readFileSync(file, 'utf8'))
  return known.includes(decodeURIComponent(anchor)) ? undefined : `${where}: no heading of ${relative(root, file)} makes #${anchor}`
}

/** The repository paths a page names in code spans (`test/browser/launcher.test.tsx`), for pages that cite files. */
export function namedPaths(markdown: string): string[] {
  const paths = new Set<string>()
  for (const line of prose(markdown)) {
    for (const match of line.matchAll(/`((?:test|src|stories|bench|demo|\.storybook|\.ci)\/[\w./[\]-]+)`/g)) {
      if (match[1]) paths.add(match[1])
    }
  }
  return [...paths]
}
