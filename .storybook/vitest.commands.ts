import type { BrowserCommand } from 'vitest/node'

/** Waits, in Playwright, until the element `selector` finds is visible (or hidden): it may be inside a cross-origin iframe. */
export const waitForSelector: BrowserCommand<[selector: string, state: 'visible' | 'hidden', timeout: number]> = async (
  context,
  selector,
  state,
  timeout,
) => {
  if (context.provider.name !== 'playwright') throw new Error(`waitForSelector needs the playwright provider, not ${context.provider.name}`)
  const frame = await context.frame()
  await frame.locator(selector).first().waitFor({ state, timeout })
}
