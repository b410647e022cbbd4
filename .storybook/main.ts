import { fileURLToPath } from 'node:url'
import type { StorybookConfig } from '@storybook/react-vite'
import { connectHubDev, createDevStore } from '../src/dev/index.ts'
import { seedAccounts } from '../stories/support/seed.ts'
import { staticHubPage } from './static/hubPage.ts'

type ViteConfig = Parameters<NonNullable<StorybookConfig['viteFinal']>>[0]

/**
 * `storybook dev` (and Vitest): the reference hub and the dev session API start with Storybook's Vite server (and with
 * Vitest's browser server), which also answers POST /api/connect-session as a host's backend would (letting stories
 * set metadata and type, which the handler keeps for the server by default). Free ports: Storybook, its tests and the
 * demo app may run side by side. The edit-mode story opens an account seeded before any story runs.
 */
const devServerHub = (vite: ViteConfig): ViteConfig => ({
  ...vite,
  plugins: [
    ...(vite.plugins ?? []),
    connectHubDev({
      apiPort: 0,
      hubPort: 0,
      store: seedAccounts(createDevStore()),
      handler: { allow: ['metadata', 'type'] },
      // The stories connect for real under Vitest too (the storybook test project).
      startInVitest: true,
    }),
  ],
})

/**
 * `storybook build`: a static site that connects with no server behind it. The addresses come from ./static/urls.ts,
 * the reference hub page is built into connect-hub/, and the dev API is answered in each page by a service worker
 * (mockServiceWorker.js, from msw, via staticDirs): see ./static/.
 */
const staticHub = (vite: ViteConfig): ViteConfig => ({
  ...vite,
  plugins: [...(vite.plugins ?? []), staticHubPage()],
  resolve: {
    ...vite.resolve,
    alias: [
      ...aliasList(vite.resolve?.alias),
      { find: /^virtual:connect-hub-dev$/, replacement: fileURLToPath(new URL('./static/urls.ts', import.meta.url)) },
    ],
  },
  define: { ...vite.define, 'import.meta.env.STORYBOOK_CONNECT_HUB_STATIC': JSON.stringify(true) },
})

function aliasList(alias: NonNullable<ViteConfig['resolve']>['alias']) {
  if (!alias) return []
  return Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }))
}

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: { strictMode: true } },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen' },
  // The service worker script of a static Storybook, copied from msw at build time (served, unused, by the dev server).
  staticDirs: ['../node_modules/msw/lib/mockServiceWorker.js'],
  // @stackone/hub is pre-bundled up front: the StackOne adapter imports it dynamically, and discovering it when a story
  // first opens StackOne's hub would re-optimise and reload the page under test.
  viteFinal: (vite, { configType }) => {
    const withHub = configType === 'PRODUCTION' ? staticHub(vite) : devServerHub(vite)
    return { ...withHub, optimizeDeps: { ...vite.optimizeDeps, include: [...(vite.optimizeDeps?.include ?? []), '@stackone/hub'] } }
  },
}

export default config
