import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { anchors, documentationFiles, links, namedPaths, problem, ROOT, slug } from './links.ts'

const read = (page: string) => readFileSync(join(ROOT, page), 'utf8')

describe('given a heading → its anchor is the one GitHub makes', () => {
  it.each([
    ['Getting started in a Vite app', 'getting-started-in-a-vite-app'],
    ["OAuth: the provider's window", 'oauth-the-providers-window'],
    ['In a Vite app: `connectHubDev()`', 'in-a-vite-app-connecthubdev'],
    ['Node: `node:http` and Express', 'node-nodehttp-and-express'],
    ['`createConnectSession`, on its own', 'createconnectsession-on-its-own'],
    ['A route handler (Next.js, Hono, Remix, edge)', 'a-route-handler-nextjs-hono-remix-edge'],
    ['snake_case and kebab-case', 'snake_case-and-kebab-case'],
    ['Protocol v1 — writing a hub', 'protocol-v1--writing-a-hub'],
    ['See [the server](server.md)', 'see-the-server'],
  ])('%s → #%s', (heading, expected) => {
    expect(slug(heading)).toBe(expected)
  })

  it('a repeated heading gets -1, then -2, and headings in code blocks make none', () => {
    const page = '# Options\n\n## Options\n\n```sh\n# Options\n```\n\n### Options\n'
    expect(anchors(page)).toEqual(['options', 'options-1', 'options-2'])
  })
})

describe('given a link → the checker says what is wrong with it', () => {
  const check = (target: string, page = 'README.md') => problem({ page, line: 1, target })

  it('a page, a page and its anchor, an anchor of the page itself, an external link: nothing', () => {
    expect(check('docs/server.md')).toBeUndefined()
    expect(check('docs/server.md#node-nodehttp-and-express')).toBeUndefined()
    expect(check('#getting-started-in-a-vite-app')).toBeUndefined()
    expect(check('../SECURITY.md', 'docs/security.md')).toBeUndefined()
    expect(check('https://example.com/missing')).toBeUndefined()
  })

  it('a file that does not exist, an anchor no heading makes, a path that leaves the repository: each named', () => {
    expect(check('docs/servers.md')).toMatch(/README\.md:1 → docs\/servers\.md: no file docs\/servers\.md/)
    expect(check('docs/server.md#node-http')).toMatch(/no heading of docs\/server\.md makes #node-http/)
    expect(check('#getting-started')).toMatch(/no heading of README\.md makes #getting-started/)
    expect(check('../../etc/passwd', 'docs/server.md')).toMatch(/no file/)
  })

  it('links in code blocks and code spans are not links', () => {
    const page = 'See [a](a.md) and `[b](b.md)`.\n\n```md\n[c](c.md)\n```\n[d](d.md#x "title")\n'
    expect(links('p.md', page).map((link) => [link.line, link.target])).toEqual([
      [1, 'a.md'],
      [6, 'd.md#x'],
    ])
  })
})

describe('given the README, SECURITY.md and every page of docs/', () => {
  const files = documentationFiles()
  const all = files.flatMap((page) => links(page, read(page)))

  it('→ the README stays a front door: at most 400 lines', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(400)
  })

  it('→ docs/ holds a page per subject, and the README links to each', () => {
    const pages = files.filter((page) => page.startsWith('docs/'))
    expect(pages.length).toBeGreaterThanOrEqual(12)
    const fromReadme = new Set(links('README.md', read('README.md')).map((link) => link.target.split('#')[0]))
    expect(pages.filter((page) => !fromReadme.has(page))).toEqual([])
  })

  it('→ every relative link leads to a file, and every #anchor to a heading of its page', () => {
    expect(all.filter((link) => !/^[a-z]+:/i.test(link.target)).length).toBeGreaterThan(40)
    expect(all.map((link) => problem(link)).filter((found) => found !== undefined)).toEqual([])
  })

  it('→ every file SECURITY.md names as a guarantee’s test exists', () => {
    const named = namedPaths(read('SECURITY.md'))
    expect(named.length).toBeGreaterThan(10)
    expect(named.filter((path) => !existsSync(join(ROOT, path)))).toEqual([])
  })
})
