import { fileURLToPath } from 'node:url'
import { build, defineConfig, type Plugin } from 'vite'

const LOOK_SCRIPT = fileURLToPath(new URL('./src/dev/hub/lookScript.ts', import.meta.url))

/**
 * The hub page's first script: src/dev/hub/lookScript.ts, built on its own as a classic script (no imports) and put
 * first in the page's <head>. A classic script blocks the first paint, a module does not: the page's language,
 * direction and colour scheme are set before anything is drawn. Served from the page's own origin, as its CSP wants.
 */
export function hubLookScript(): Plugin {
  return {
    name: 'react-connect-hub:hub-look-script',
    apply: 'build',
    async generateBundle() {
      const built = await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        build: {
          write: false,
          target: 'es2022',
          minify: true,
          lib: { entry: LOOK_SCRIPT, formats: ['iife'], name: 'connectHubLook', fileName: () => 'look.js' },
        },
      })
      const outputs = (Array.isArray(built) ? built : [built]).flatMap((result) => ('output' in result ? result.output : []))
      const chunk = outputs.find((item) => item.type === 'chunk')
      if (chunk?.type !== 'chunk') throw new Error('react-connect-hub: the hub page look script did not build')
      this.emitFile({ type: 'asset', fileName: 'assets/look.js', source: chunk.code })
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'script', attrs: { src: './assets/look.js' }, injectTo: 'head-prepend' }],
    },
  }
}

// The reference hub page: a small DOM app of its own, built next to the library as dist/dev-hub and served by startDevHub.
export default defineConfig({
  root: fileURLToPath(new URL('./src/dev/hub', import.meta.url)),
  base: './',
  publicDir: false,
  plugins: [hubLookScript()],
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('./dist/dev-hub', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: false,
  },
})
