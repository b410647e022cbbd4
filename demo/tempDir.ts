import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A new temporary directory that belongs to this process, `<prefix><pid>-<random>`: removed when the process exits,
 * and, since Ctrl-C or a kill skips exit handlers, by the next process that asks for one with the same prefix once
 * this one is gone.
 */
export function tempDirOfProcess(prefix: string, parent: string = tmpdir()): string {
  removeOrphans(prefix, parent)
  const dir = mkdtempSync(join(parent, `${prefix}${process.pid}-`))
  process.once('exit', () => {
    try {
      rmSync(dir, { recursive: true, force: true })
    } catch {
      // A browser still writing into it as the process ends: the next start removes it.
    }
  })
  return dir
}

/** Removes the directories in `parent` named `<prefix><pid>-…` whose process no longer runs. */
export function removeOrphans(prefix: string, parent: string = tmpdir()): void {
  for (const name of readdirSync(parent)) {
    const pid = name.startsWith(prefix) ? Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]) : Number.NaN
    if (pid > 0 && !isRunning(pid)) rmSync(join(parent, name), { recursive: true, force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
