import type { Preview } from '@storybook/react-vite'
import { StrictMode } from 'react'

declare global {
  // Set by Storybook's builder from `framework.options` in main.ts; absent when Vitest composes the stories.
  var FRAMEWORK_OPTIONS: { strictMode?: boolean } | undefined
}

const preview: Preview = {
  // main.ts turns StrictMode on for Storybook itself; Vitest renders the stories without Storybook's builder, so the
  // decorator adds it there: double effects, the bug class the launcher must survive, run in every story test.
  decorators: [
    (Story) =>
      globalThis.FRAMEWORK_OPTIONS?.strictMode ? (
        <Story />
      ) : (
        <StrictMode>
          <Story />
        </StrictMode>
      ),
  ],
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
