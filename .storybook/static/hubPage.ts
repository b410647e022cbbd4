import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'vite'
import { hubLookScript } from '../../vite.hub.config.ts'

const HUB_ROOT = fileURLToPath(new URL('../../src/dev/hub/', import.meta.url))
const ENTRY = fileURLToPath(new URL('./hub.ts', import.meta.url))
const MAIN = `${HUB_ROOT}main.ts`

/**
 * Builds the reference hub page into `connect-hub/` of a static Storybook: the page of src/dev/hub, started by ./hub.ts
 * (its dev API in a service worker) instead of a dev server. One output, one static folder.
 */
export function staticHubPage(): Plugin {
  return {
    name: 'react-connect-hub:static-hub-page',
    apply: 'build',
    async generateBundle() {
      const built = await build({
        configFile: false,
        root: HUB_ROOT,
        base: './',
        publicDir: false,
        logLevel: 'warn',
        // STORYBOOK_CONNECT_HUB_ORIGINS (./origins.ts) reaches the hub page as it reaches the stories.
        envPrefix: 'STORYBOOK_',
        plugins: [
          hubLookScript(),
          {
            name: 'react-connect-hub:static-hub-entry',
            // The package says `sideEffects: false`, but the hub's main.ts starts the page when it is imported: kept.
            transform: (code, id) => (id === MAIN ? { code, moduleSideEffects: true } : undefined),
            // Before Vite reads the page's scripts: the page starts from ./hub.ts, which loads the hub's main.ts.
            transformIndexHtml: {
              order: 'pre',
              handler: (html) => {
                const page = html.replace('src="./main.ts"', `src="./${relative(HUB_ROOT, ENTRY)}"`)
                if (page === html)
                  throw new Error('react-connect-hub: the hub page no longer loads ./main.ts; update .storybook/static/hubPage.ts')
                return page
              },
            },
          },
        ],
        build: { write: false, target: 'es2022', modulePreload: false, sourcemap: false },
      })
      for (const output of Array.isArray(built) ? built : [built]) {
        if (!('output' in output)) throw new Error('react-connect-hub: the static hub page build returned a watcher')
        for (const item of output.output) {
          this.emitFile({
            type: 'asset',
            fileName: `connect-hub/${item.fileName}`,
            source: item.type === 'chunk' ? item.code : item.source,
          })
        }
      }
    },
  }
}
