import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { removeOrphans, tempDirOfProcess } from '../../../demo/tempDir.ts'

/** The pid of a process that has already exited. */
const gonePid = (): number => {
  const child = spawnSync(process.execPath, ['-e', ''])
  if (!child.pid) throw new Error('no child process')
  return child.pid
}

describe('a temporary directory of the process (the demo hub page, a test run)', () => {
  let parent: string
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'temp-dir-test-'))
  })

  it('is named after this process, so a later start can tell whether its owner is gone', () => {
    const dir = tempDirOfProcess('page-', parent)
    expect(existsSync(dir)).toBe(true)
    expect(readdirSync(parent)).toEqual([expect.stringMatching(new RegExp(`^page-${process.pid}-`))])
  })

  it('removes the directories of processes that are gone (Ctrl-C skips exit handlers), and only those', () => {
    const gone = gonePid()
    for (const name of [`page-${gone}-abc`, `page-${process.pid}-abc`, 'page-abc123', `other-${gone}-abc`]) mkdirSync(join(parent, name))
    removeOrphans('page-', parent)
    expect(readdirSync(parent).sort()).toEqual([`other-${gone}-abc`, `page-${process.pid}-abc`, 'page-abc123'].sort())
  })

  it('removes a gone process’s directory when the next one is made', () => {
    const gone = gonePid()
    mkdirSync(join(parent, `page-${gone}-abc`))
    const dir = tempDirOfProcess('page-', parent)
    expect(readdirSync(parent)).toEqual([dir.slice(parent.length + 1)])
  })

  it('is removed when its process exits', () => {
    const script = `import { tempDirOfProcess } from ${JSON.stringify(join(process.cwd(), 'demo/tempDir.ts'))}; console.log(tempDirOfProcess('page-', ${JSON.stringify(parent)}))`
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(child.stderr).toBe('')
    expect(child.stdout.trim()).toMatch(new RegExp(`^${parent}/page-\\d+-`))
    expect(readdirSync(parent)).toEqual([])
  })
})
