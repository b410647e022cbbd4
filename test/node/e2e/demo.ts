import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type FrameLocator, type Page } from 'playwright-core'
import { createServer, type Plugin } from 'vite'
import { demoConfig } from '../../../demo/config.ts'
import type { DevHub } from '../../../src/dev/index.ts'
import type { ConnectHubDevApi, ConnectHubDevOptions } from '../../../src/dev/vitePlugin.ts'
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium.ts'

export interface Demo {
  /** The Integrations page, e.g. `http://localhost:41234/`. */
  url: string
  hub: DevHub
  close(): Promise<void>
}

/**
 * Starts the demo as `npm run dev` does (its Vite config, the connectHubDev() plugin), on free ports, its pages sent
 * with `headers`. Each test file
 * gets its own dependency cache, so files running side by side do not optimise into the same directory.
 */
export async function startDemo(name: string, dev: ConnectHubDevOptions = {}, headers: Record<string, string> = {}): Promise<Demo> {
  const config = await demoConfig({ hostPort: 0, dev: { hubPort: 0, apiPort: 0, providerPort: 0, ...dev } })
  const server = await createServer({
    ...config,
    server: { ...config.server, headers },
    logLevel: 'silent',
    clearScreen: false,
    cacheDir: fileURLToPath(new URL(`../../../node_modules/.vite/demo-e2e-${name}`, import.meta.url)),
  })
  await server.listen()
  const url = server.resolvedUrls?.local[0]
  const plugin = server.config.plugins.find((candidate) => candidate.name === 'react-connect-hub:dev') as
    | Plugin<ConnectHubDevApi>
    | undefined
  if (!url || !plugin?.api) throw new Error('demo: the server did not start with the connectHubDev() plugin')
  return { url, hub: await plugin.api.devHub(), close: () => server.close() }
}

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })

/** The hub page inside the launcher's dialog. */
export const hubFrame = (page: Page): FrameLocator => page.frameLocator('dialog iframe')

/** The event log's entries, as `type detail` lines. */
export const logLines = (page: Page) =>
  page
    .getByRole('log', { name: 'Launcher events' })
    .locator('li')
    .evaluateAll((items) =>
      items.map((item) => `${item.querySelector('.type')?.textContent} ${item.querySelector('.detail')?.textContent}`.trim()),
    )

/** Opens the page and waits until the connected accounts are known. */
export async function openDemo(context: BrowserContext, demo: Demo): Promise<Page> {
  const page = await context.newPage()
  await page.goto(demo.url)
  await page.locator('section[aria-labelledby="accounts-title"][aria-busy="false"]').waitFor()
  return page
}
