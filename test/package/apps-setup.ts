import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { type ConsumerApp, noViteApp, react18App, readmeApp } from './apps.ts'
import { packedTarball } from './pack.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Consumer apps made from the packed package, once per run, shared by the tests that use them. */
    consumerApps: { react19: ConsumerApp; react18: ConsumerApp; noVite: ConsumerApp }
  }
}

/** Installs the consumer apps side by side (an install waits on the network and the disk more than on the CPU). */
export default async function setup(project: TestProject) {
  const tarball = await packedTarball()
  const root = await mkdtemp(join(tmpdir(), 'rch-consumers-'))
  const [react19, react18, noVite] = await Promise.all([
    readmeApp(join(root, 'react19'), tarball),
    react18App(join(root, 'react18'), tarball),
    noViteApp(join(root, 'no-vite'), tarball),
  ])
  project.provide('consumerApps', { react19, react18, noVite })
  return () => rm(root, { recursive: true, force: true })
}
