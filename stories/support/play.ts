import { expect, screen, userEvent, waitFor } from 'storybook/test'
import type { HubFrame } from './hubFrame.ts'
import { hubFrame } from './hubFrame.ts'

/** The modal's iframe (or the inline box's), once the launcher shows it. */
export const frameIn = (root: HTMLElement) => root.querySelector('iframe')

/**
 * Clicks `button`, waits for the dialog named `title` to show a ready hub and returns it, with a driver for the hub
 * (`undefined` in Storybook's UI: see hubFrame).
 */
export async function openHub(button: HTMLElement, title: string | RegExp = 'Connect an account') {
  await userEvent.click(button)
  const dialog = await screen.findByRole('dialog', { name: title })
  await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'open'), { timeout: 10_000 })
  expect(button).toHaveAttribute('data-state', 'open')
  return { dialog, hub: hubFrame(frameIn(dialog)) }
}

/** Picks BambooHR in the catalog and fills its form with valid credentials. */
export async function connectBambooHR(hub: HubFrame) {
  await hub.click(/^BambooHR/)
  await hub.fill('Subdomain', 'acme')
  await hub.fill('API key', 'bamboo-secret-key')
  await hub.click('Connect')
}

/** After a dismissal or a success: the dialog is gone and focus is back on the trigger. */
export async function expectClosed(button: HTMLElement) {
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  expect(button).toHaveFocus()
  expect(button).toHaveAttribute('data-state', 'idle')
  expect(document.body.style.overflow).toBe('')
}
