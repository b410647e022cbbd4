import type { TestProject } from 'vitest/node'
import { startSharedFirefox } from '../../engines/firefox.ts'
import type { SharedBrowser } from '../../engines/pages.ts'
import { shareDemoDeps } from './deps.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browsers this e2e project started once, that its files take when free (see openEngine in demo.ts). */
    sharedBrowser: SharedBrowser
  }
}

/** As many as test files run at once (`maxWorkers`): each file takes one that is free. */
const SHARED_FIREFOXES = 2

/**
 * The demo's dependencies, optimised once for every demo server of the run; and, in `e2e (firefox)`, Firefoxes for the
 * project's eight files to take in turn: a Firefox started on a fresh profile costs about 8 CPU-s. (Chromium and WebKit
 * start in about 2 and 2.6 CPU-s: each file starts its own.)
 */
export default async function setup(project: TestProject) {
  const firefox = project.config.provide.engine === 'firefox'
  const [, ...shared] = await Promise.all([
    shareDemoDeps(),
    ...Array.from({ length: firefox ? SHARED_FIREFOXES : 0 }, () => startSharedFirefox()),
  ])
  project.provide('sharedBrowser', firefox ? { firefox: shared.map((browser) => browser.endpoint) } : {})
  return async () => {
    await Promise.all(shared.map((browser) => browser.stop()))
  }
}
