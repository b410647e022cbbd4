import type { StorybookConfig } from '@storybook/react-vite'
import { connectHubDev, createDevStore } from '../src/dev/index.ts'
import { SEEDED_ACCOUNT_LABEL } from '../stories/support/seed.ts'

/** The edit-mode story opens an account that exists before any story runs, as one a customer connected last week. */
function seededStore() {
  const store = createDevStore()
  store.addAccount({
    provider: 'bamboohr',
    providerName: 'BambooHR',
    originOwnerId: 'demo-customer',
    originOwnerName: 'Acme Inc',
    label: SEEDED_ACCOUNT_LABEL,
    type: 'production',
    setupInformation: { subdomain: 'acme' },
    secrets: { api_key: 'bamboo-secret-key' },
  })
  return store
}

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: { strictMode: true } },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen' },
  // The reference hub and the dev session API start with Storybook's Vite server (and with Vitest's browser server),
  // which also answers POST /api/connect-session as a host's backend would (letting stories set metadata and type, which
  // the handler keeps for the server by default). Free ports: Storybook, its tests and the
  // demo app may run side by side.
  // @stackone/hub is pre-bundled up front: the StackOne adapter imports it dynamically, and discovering it when a story
  // first opens StackOne's hub would re-optimise and reload the page under test.
  viteFinal: (vite) => ({
    ...vite,
    plugins: [
      ...(vite.plugins ?? []),
      connectHubDev({
        apiPort: 0,
        hubPort: 0,
        store: seededStore(),
        handler: { allow: ['metadata', 'type'] },
        // The stories connect for real under Vitest too (the storybook test project).
        startInVitest: true,
        // A static Storybook (build-storybook) shows docs and looks; connecting needs `npm run dev`'s dev hub.
        production: {
          hubUrl: 'http://127.0.0.1:5174/',
          apiUrl: 'http://127.0.0.1:5175',
          tokenUrl: '/api/connect-session',
          accountsUrl: '/api/accounts',
        },
      }),
    ],
    optimizeDeps: { ...vite.optimizeDeps, include: [...(vite.optimizeDeps?.include ?? []), '@stackone/hub'] },
  }),
}

export default config
