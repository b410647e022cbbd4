import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { InlineConfig } from 'vite'
import { type ConnectHubDevOptions, connectHubDev } from '../src/dev/index.ts'
import { buildHubPage } from './hubPage.ts'
import { port, portHints } from './ports.ts'

/** The demo's Vite config: the library from `src/` (nothing to build first) and the dev hub next to it. */
export async function demoConfig(options: { hostPort?: number; dev?: ConnectHubDevOptions } = {}): Promise<InlineConfig> {
  return {
    configFile: false,
    root: fileURLToPath(new URL('.', import.meta.url)),
    cacheDir: fileURLToPath(new URL('../node_modules/.vite/demo', import.meta.url)),
    resolve: {
      alias: [
        { find: /^react-connect-hub$/, replacement: fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
        { find: /^react-connect-hub\/stackone$/, replacement: fileURLToPath(new URL('../src/stackone/index.ts', import.meta.url)) },
      ],
    },
    plugins: [
      react(),
      connectHubDev({
        hubPort: port('HUB_PORT', 5174),
        apiPort: port('API_PORT', 5175),
        providerPort: port('PROVIDER_PORT', 5176),
        // OAUTH_COOP=1: the simulated provider's page sends Cross-Origin-Opener-Policy, as many real ones do.
        oauth: { appName: 'Lumen', coop: process.env.OAUTH_COOP === '1' },
        hubRoot: await buildHubPage(),
        // The page's "Test mode" asks for a sandbox account: `type` is the server's to set unless allowed.
        handler: { allow: ['type'] },
        ...options.dev,
      }),
      // After connectHubDev(): its start, inside Vite's listen, fails first.
      portHints(),
    ],
    // Known up front, so the first page load does not trigger a second optimisation and a reload. @stackone/hub too:
    // only the dependency scan finds it (the StackOne adapter imports it dynamically), and a scan that ends after
    // the first optimisation would reload the page. The page itself loads it only when a StackOne hub opens.
    optimizeDeps: { include: ['react', 'react/jsx-dev-runtime', 'react-dom/client', 'zod/mini', '@stackone/hub'] },
    server: { port: options.hostPort ?? port('HOST_PORT', 5173), strictPort: true },
    preview: { port: options.hostPort ?? port('HOST_PORT', 5173), strictPort: true },
  }
}
