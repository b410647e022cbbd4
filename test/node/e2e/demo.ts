import { createServer, type Plugin } from 'vite'
import { inject } from 'vitest'
import { demoConfig } from '../../../demo/config.ts'
import type { DevHub } from '../../../src/dev/index.ts'
import type { ConnectHubDevApi, ConnectHubDevOptions } from '../../../src/dev/vite/plugin.ts'
import type { Engine } from '../../engines/index.ts'
import { type EngineBrowser, openBrowser, type Page, type Scope } from '../../engines/pages.ts'
import { demoCacheDir } from './deps.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The engine an e2e project runs its tests in: each engine has its project, `e2e (chromium)` and so on. */
    engine: Engine
  }
}

/** This project's engine. */
export const ENGINE = inject('engine')

/** This project's browser: a free one of those its global setup started (Firefox), or one of the file's own. */
export const openEngine = (): Promise<EngineBrowser> => openBrowser(ENGINE, inject('sharedBrowser'))

export interface Demo {
  /** The Integrations page, e.g. `http://localhost:41234/`. */
  url: string
  hub: DevHub
  close(): Promise<void>
}

/**
 * Starts the demo as `npm run dev` does (its Vite config, the connectHubDev() plugin), on free ports, its pages sent
 * with `headers`. Each test file gets its own dependency cache per engine, copied from the one the e2e projects' global
 * setup made, so files running side by side do not optimise into the same directory.
 */
export async function startDemo(name: string, dev: ConnectHubDevOptions = {}, headers: Record<string, string> = {}): Promise<Demo> {
  const config = await demoConfig({ hostPort: 0, dev: { hubPort: 0, apiPort: 0, providerPort: 0, ...dev } })
  const server = await createServer({
    ...config,
    server: { ...config.server, headers },
    logLevel: 'silent',
    clearScreen: false,
    cacheDir: demoCacheDir(`demo-e2e-${name}-${ENGINE}`),
  })
  await server.listen()
  const url = server.resolvedUrls?.local[0]
  const plugin = server.config.plugins.find((candidate) => candidate.name === 'react-connect-hub:dev') as
    | Plugin<ConnectHubDevApi>
    | undefined
  if (!url || !plugin?.api) throw new Error('demo: the server did not start with the connectHubDev() plugin')
  return { url, hub: await plugin.api.devHub(), close: () => server.close() }
}

/** The hub page inside the launcher's dialog. */
export const hubFrame = (page: Page): Scope => page.frame('dialog iframe')

/** The event log's entries, as `type detail` lines. */
export const logLines = (page: Page): Promise<string[]> =>
  page
    .getByRole('log', { name: 'Launcher events' })
    .locator('li')
    .evaluateAll((items) =>
      items.map((item) => `${item.querySelector('.type')?.textContent} ${item.querySelector('.detail')?.textContent}`.trim()),
    )

/** Opens the page in a new window and waits until the connected accounts are known. */
export async function openDemo(browser: EngineBrowser, demo: Demo): Promise<Page> {
  const page = await browser.newPage(demo.url)
  await page.locator('section[aria-labelledby="accounts-title"][aria-busy="false"]').waitFor()
  return page
}
