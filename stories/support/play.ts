import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
import type { HubFrame } from './hubFrame.ts'
import { hubFrame } from './hubFrame.ts'

/** The modal's iframe (or the inline box's), once the launcher shows it. */
export const frameIn = (root: HTMLElement) => root.querySelector('iframe')

/**
 * A driver for the reference hub in the modal (or inline box) `root`. `undefined` in Storybook's UI, and with StackOne's
 * hub picked in the toolbar: play functions drive the reference hub's flow and stop once StackOne's is open.
 */
export const hubIn = (root: HTMLElement): HubFrame | undefined =>
  root.querySelector('.rch-stackone') ? undefined : hubFrame(frameIn(root))

/**
 * Clicks `button`, waits for the dialog named `title` to show a ready hub and returns it, with a driver for the hub
 * (`undefined` in Storybook's UI or with StackOne's hub: see hubIn).
 */
export async function openHub(button: HTMLElement, title: string | RegExp = 'Connect an account') {
  await userEvent.click(button)
  const dialog = await screen.findByRole('dialog', { name: title })
  await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'open'))
  expect(button).toHaveAttribute('data-state', 'open')
  return { dialog, hub: hubIn(dialog) }
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

/**
 * Queries into StackOne's hub in the modal (or inline box) `root`. StackOne's component renders in this page, but in
 * an open shadow root (Malachite's styles stay inside it), which Testing Library's queries do not cross on their own.
 */
export async function stackOneIn(root: HTMLElement) {
  const content = await waitFor(() => {
    const inside = root.querySelector('.rch-stackone')?.firstElementChild?.shadowRoot?.firstElementChild
    if (!(inside instanceof HTMLElement)) throw new Error("StackOne's hub has not rendered yet")
    return inside
  })
  return within(content)
}
