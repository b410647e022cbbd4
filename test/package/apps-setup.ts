import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder for the consumer apps that test files share (see sharedApp in apps-shared.ts). */
    consumerAppsRoot: string
  }
}

/**
 * Makes the run's folder for the shared consumer apps, and removes it after the run. The apps themselves are made by
 * the first test file that asks for one, while the other projects' tests run: a global setup holds up every project.
 */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'rch-consumers-'))
  project.provide('consumerAppsRoot', root)
  return () => rm(root, { recursive: true, force: true })
}
