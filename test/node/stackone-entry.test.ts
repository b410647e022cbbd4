import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const dist = resolve(import.meta.dirname, '../../dist')

/** A built file and every file it imports statically or dynamically, followed through relative specifiers. */
function graph(entry: string): Map<string, string> {
  const files = new Map<string, string>()
  const visit = (path: string) => {
    if (files.has(path)) return
    const code = readFileSync(path, 'utf8')
    files.set(path, code)
    for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      if (specifier) visit(join(dirname(path), specifier))
    }
  }
  visit(join(dist, entry))
  return files
}

describe('given the build (npm run build)', () => {
  it('the root entry and everything it loads contain nothing of @stackone/hub or the StackOne adapter', () => {
    expect(existsSync(join(dist, 'index.js')), 'run npm run build first').toBe(true)
    const files = graph('index.js')
    expect(files.size).toBeGreaterThan(1)
    for (const [path, code] of files) {
      expect(code, path).not.toMatch(/@stackone\/|stackOneHub|StackOneHub|watchExpiry|STACKONE_INSTALL|rch-stackone/)
    }
  })

  it('the adapter entry keeps "use client" first and loads @stackone/hub only with a dynamic import', () => {
    const code = readFileSync(join(dist, 'stackone.js'), 'utf8')
    expect(code.startsWith('"use client"')).toBe(true)
    expect(code).toContain('import("@stackone/hub")')
    expect(code).not.toMatch(/from\s*["']@stackone\/hub["']/)
    expect(graph('stackone.js').size).toBeGreaterThan(1)
  })
})
