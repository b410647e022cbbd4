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

/**
 * The toolbar's Language and Scheme: when picked, every story's button gets that `locale` and `appearance.colorScheme`
 * (over the story's own), and the hub it opens follows them. Unpicked, each story shows as written.
 */
const withLook: Decorator = (Story, { args, globals }) => {
  const locale = typeof globals.locale === 'string' && globals.locale ? globals.locale : undefined
  const scheme = typeof globals.scheme === 'string' && globals.scheme ? globals.scheme : undefined
  if (!locale && !scheme) return <Story />
  const appearance = scheme ? { ...(args.appearance as object | undefined), colorScheme: scheme } : args.appearance
  return <Story args={{ ...args, ...(locale ? { locale } : {}), ...(appearance ? { appearance } : {}) }} />
}

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
    withLook,
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
    locale: {
      description: 'The language of the launcher and the hub (the `locale` prop)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: '', title: 'As the story says' },
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
          { value: 'de', title: 'Deutsch' },
          { value: 'es', title: 'Español' },
          { value: 'ja', title: '日本語' },
          { value: 'ar', title: 'العربية (right to left)' },
        ],
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'The colour scheme of the launcher and the hub (`appearance.colorScheme`)',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: '', title: 'As the story says' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'system', title: 'Follow the system' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { hub: 'reference', locale: '', scheme: '' },
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
