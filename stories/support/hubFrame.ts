/**
 * Drives the reference hub inside its iframe. The hub is served from another origin, so a script in the story's page
 * cannot reach into it: only the browser provider can (Playwright, through Vitest; see .storybook/vitest.setup.ts).
 */
export interface HubFrame {
  /** Clicks the button with this accessible name. */
  click(name: string | RegExp): Promise<void>
  /** Types into the field with this label. */
  fill(label: string, value: string): Promise<void>
  /** Picks an option of the select with this label. */
  select(label: string, value: string): Promise<void>
  /** Resolves once text matching `text` is visible in the hub (or, with `'hidden'`, once none is); rejects after 10 s. */
  waitForText(text: string | RegExp, state?: 'visible' | 'hidden'): Promise<void>
}

declare global {
  var __connectHubFrame: ((iframe: HTMLIFrameElement) => HubFrame) | undefined
  var __vitest_browser__: unknown
}

/**
 * The hub in `iframe`, or `undefined` in Storybook's own UI, where play functions stop once the hub is open and
 * leave the rest to you. Under Vitest a missing driver is an error, never a silent skip.
 */
export function hubFrame(iframe: HTMLIFrameElement | null | undefined): HubFrame | undefined {
  if (!iframe) throw new Error('no hub iframe to drive')
  const driver = globalThis.__connectHubFrame
  if (!driver && globalThis.__vitest_browser__)
    throw new Error('the hub driver is not installed: add .storybook/vitest.setup.ts to setupFiles')
  return driver?.(iframe)
}
