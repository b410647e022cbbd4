import { describe, expect, it } from 'vitest'
import { ROOT, run } from './pack.ts'

describe('given a command the package tests run, such as the build that refreshes a stale dist/', () => {
  it('→ it runs as from a terminal: without the NODE_ENV=test Vitest runs under, which would build React’s development JSX into dist/', async () => {
    expect(process.env.NODE_ENV).toBe('test')
    const probe = await run('node', ['-p', "process.env.NODE_ENV ?? 'unset'"], ROOT)
    expect(probe.code, probe.stderr).toBe(0)
    expect(probe.stdout.trim()).toBe('unset')
  })
})
