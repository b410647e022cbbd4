import { commands, page } from 'vitest/browser'
import type { HubFrame } from '../stories/support/hubFrame.ts'
import { HANG_MS } from '../stories/support/limits.ts'

declare module 'vitest/browser' {
  interface BrowserCommands {
    waitForSelector: (selector: string, state: 'visible' | 'hidden', timeout: number) => Promise<void>
  }
}

// Vitest's locators act through Playwright, which can enter a cross-origin iframe; a script in the page cannot.
globalThis.__connectHubFrame = (iframe: HTMLIFrameElement): HubFrame => {
  const frame = page.frameLocator(page.elementLocator(iframe))
  return {
    click: (name) => frame.getByRole('button', { name, exact: typeof name === 'string' }).click(),
    fill: (label, value) => frame.getByLabelText(label).fill(value),
    select: async (label, value) => {
      await frame.getByLabelText(label).selectOptions(value)
    },
    waitForText: (text, state = 'visible') => commands.waitForSelector(frame.getByText(text).selector, state, HANG_MS),
  }
}
