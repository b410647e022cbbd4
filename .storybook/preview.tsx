import type { Decorator, Preview } from '@storybook/react-vite'
import { StrictMode } from 'react'
import { configure } from 'storybook/test'
import { stackOne } from '../stories/support/devHub.ts'
import { HANG_MS } from '../stories/support/limits.ts'

// waitFor and find* in every play function, in Storybook, under Vitest and in a built Storybook: 1 s by default.
configure({ asyncUtilTimeout: HANG_MS })

declare global {
  // Set by Storybook's builder from `framework.options` in main.ts; absent when Vitest composes the stories.
  var FRAMEWORK_OPTIONS: { strictMode?: boolean } | undefined
}

/**
 * The toolbar's Hub switch: with StackOne's hub picked, every story opens it (`hub={stackOneHub()}`) in place of the
 * reference hub, except those about the reference hub itself (`parameters: { hubSwitch: false }`).
 */
const withHub: Decorator = (Story, { args, globals, parameters }) =>
  globals.hub === 'stackone' && parameters.hubSwitch !== false ? <Story args={{ ...args, hub: stackOne }} /> : <Story />

const preview: Preview = {
  // A static build (storybook build) has no server behind it: a service worker answers its backend in the page before
  // any story loads (see ./static/). Under storybook dev and Vitest, connectHubDev() in main.ts serves it.
  beforeAll: async () => {
    if (import.meta.env.STORYBOOK_CONNECT_HUB_STATIC) await (await import('./static/host.ts')).startHostApi()
  },
  // main.ts turns StrictMode on for Storybook itself; Vitest renders the stories without Storybook's builder, so the
  // decorator adds it there: double effects, the bug class the launcher must survive, run in every story test.
  decorators: [
    withHub,
    (Story) =>
      globalThis.FRAMEWORK_OPTIONS?.strictMode ? (
        <Story />
      ) : (
        <StrictMode>
          <Story />
        </StrictMode>
      ),
  ],
  globalTypes: {
    hub: {
      description: 'The hub the stories open',
      toolbar: {
        title: 'Hub',
        icon: 'transfer',
        items: [
          { value: 'reference', title: 'Reference hub' },
          { value: 'stackone', title: 'StackOne hub' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { hub: 'reference' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: {
      test: 'error',
      // The hub is a cross-origin page with its own accessibility tests; axe cannot reach into it and would wait
      // for an answer from the frame.
      options: { iframes: false },
    },
    docs: { codePanel: true },
  },
  tags: ['autodocs'],
}

export default preview
