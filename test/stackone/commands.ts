import type { BrowserCommand } from 'vitest/node'

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Clicks Allow or Deny on the simulated provider's page, in the window StackOne's hub opened; resolves once it closed. */
    answerProvider(decision: 'Allow' | 'Deny', providerOrigin: string): Promise<{ windowUrls: string[] }>
  }
}

/**
 * The provider window is another browser window: only Playwright, outside the page, can click in it. Takes the window
 * already open or the next one, follows it to the provider's origin, answers, and waits for it to close.
 */
export const answerProvider: BrowserCommand<[decision: 'Allow' | 'Deny', providerOrigin: string]> = async (
  context,
  decision,
  providerOrigin,
) => {
  if (context.provider.name !== 'playwright') throw new Error(`answerProvider needs the playwright provider, not ${context.provider.name}`)
  const browser = context.context
  const window = browser.pages().find((page) => page !== context.page && !page.isClosed()) ?? (await browser.waitForEvent('page'))
  const windowUrls = [window.url()]
  window.on('framenavigated', (frame) => {
    if (frame === window.mainFrame()) windowUrls.push(frame.url())
  })
  await window.waitForURL((url) => url.origin === providerOrigin)
  const closed = window.waitForEvent('close')
  await window.getByRole('button', { name: decision, exact: true }).click()
  await closed
  return { windowUrls }
}
