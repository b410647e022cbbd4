import type { Meta, StoryObj } from '@storybook/react-vite'
import type { CSSProperties } from 'react'
import { expect, fireEvent, fn, type Mock, screen, userEvent, waitFor, within } from 'storybook/test'
import { ConnectButton, type GetToken } from '../src/index.ts'
import { connectButtonArgTypes } from './support/argTypes.ts'
import { getToken, hubUrl, seededAccountId, stackOne } from './support/devHub.ts'
import { connectBambooHR, expectClosed, frameIn, hubIn, openHub, stackOneIn } from './support/play.ts'

const meta = {
  title: 'Launcher/ConnectButton',
  component: ConnectButton,
  argTypes: connectButtonArgTypes,
  args: {
    hubUrl,
    getToken: fn(getToken),
    onSuccess: fn(),
    onCancel: fn(),
    onClose: fn(),
    onError: fn(),
    onEvent: fn(),
  },
  parameters: {
    docs: {
      description: {
        component:
          "A button that opens the hub. Takes every `useConnectHub` option as a prop, plus any button attribute; its state is exposed as `data-state` and `aria-busy`. Every story runs against the reference hub and the dev session API started by the `connectHubDev()` Vite plugin (in a static build: the hub page in `connect-hub/` and the API answered by a service worker), and its play function drives the real flow. The toolbar's **Hub** switch opens StackOne's own hub (`stackOneHub()`) instead, against the same API: play functions then stop once it is open.",
      },
    },
  },
} satisfies Meta<typeof ConnectButton>

export default meta
type Story = StoryObj<typeof meta>

const successFor = (provider: string, mode: 'create' | 'edit' = 'create', accountId: unknown = expect.stringMatching(/^acc_/)) => ({
  accountId,
  provider,
  mode,
})

/** Click, pick an integration in the catalog, fill its form, connect. */
export const Default: Story = {
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Connect' })
    expect(button).toHaveAttribute('data-state', 'idle')
    const { hub } = await openHub(button)
    expect(args.getToken).toHaveBeenCalledTimes(1)
    expect(args.getToken).toHaveBeenCalledWith({}, { signal: expect.any(AbortSignal) })
    if (!hub) return
    await connectBambooHR(hub)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(successFor('bamboohr')))
    expect(args.onClose).toHaveBeenCalledTimes(1)
    expect(args.onCancel).not.toHaveBeenCalled()
    expect(args.onError).not.toHaveBeenCalled()
    await expectClosed(button)
  },
}

/** `categories` limits the catalog: an ATS-only session lists no HR system. The hub's Cancel dismisses it. */
export const CategoriesFilter: Story = {
  args: { categories: ['ats'] },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Connect' })
    const { hub } = await openHub(button)
    expect(args.getToken).toHaveBeenCalledWith({ categories: ['ats'] }, expect.anything())
    if (!hub) return
    await hub.waitForText('Greenhouse')
    await hub.waitForText('BambooHR', 'hidden')
    await hub.click('Cancel')
    await waitFor(() => expect(args.onCancel).toHaveBeenCalledTimes(1))
    expect(args.onClose).toHaveBeenCalledTimes(1)
    expect(args.onSuccess).not.toHaveBeenCalled()
    await expectClosed(button)
  },
}

/** `provider` skips the catalog: the hub opens on that integration's form. */
export const ProviderPreselected: Story = {
  args: { provider: 'hibob' },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Connect' })
    const { hub } = await openHub(button)
    if (!hub) return
    await hub.waitForText('Connect HiBob')
    await hub.fill('Service user ID', 'svc-42')
    await hub.fill('Service user token', 'hibob-secret-token')
    await hub.click('Connect')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(successFor('hibob')))
    await expectClosed(button)
  },
}

/**
 * `accountId` opens the hub in edit mode for an existing account: the button and the dialog say "Edit connection", the
 * form is prefilled and secrets are never echoed. The loader looks up the account .storybook/main.ts seeds.
 */
export const EditMode: Story = {
  loaders: [async () => ({ accountId: await seededAccountId() })],
  render: (args, { loaded }) => <ConnectButton {...args} accountId={(loaded as { accountId: string }).accountId} />,
  play: async ({ args, canvas, loaded }) => {
    const { accountId } = loaded as { accountId: string }
    const button = canvas.getByRole('button', { name: 'Edit connection' })
    const { hub } = await openHub(button, 'Edit connection')
    expect(args.getToken).toHaveBeenCalledWith({ accountId }, expect.anything())
    if (!hub) return
    await hub.waitForText('Edit BambooHR')
    await hub.waitForText('A value is saved. Leave blank to keep it.')
    await hub.fill('Subdomain', 'acme-eu')
    await hub.click('Save')
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(successFor('bamboohr', 'edit', accountId)))
    await expectClosed(button)
  },
}

/** `type: 'test'` connects a sandbox account; the hub shows a TEST badge. */
export const TestMode: Story = {
  args: { type: 'test', categories: ['hris'] },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Connect' })
    const { hub } = await openHub(button)
    expect(args.getToken).toHaveBeenCalledWith({ type: 'test', categories: ['hris'] }, expect.anything())
    if (!hub) return
    await hub.waitForText('TEST')
    await connectBambooHR(hub)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(successFor('bamboohr')))
    await expectClosed(button)
  },
}

/** `display: 'inline'`: the hub renders in place, after the button, and grows with its content. */
export const Inline: Story = {
  args: { display: 'inline', categories: ['hris'] },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Connect' })
    expect(button).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(button)
    const region = await canvas.findByRole('region', { name: 'Connect an account' })
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'open'))
    expect(button).toHaveAttribute('aria-expanded', 'true')
    expect(screen.queryByRole('dialog')).toBeNull()
    const hub = hubIn(region)
    if (!hub) return
    await connectBambooHR(hub)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(successFor('bamboohr')))
    await waitFor(() => expect(canvas.queryByRole('region')).toBeNull())
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(button).toHaveFocus()
  },
}

const brand = { '--rch-accent': '#0f766e', '--rch-radius': '999px' } as CSSProperties

/**
 * Your own label, children, class names, strings (`labels`) and colours: `--rch-*` custom properties on the button,
 * and on the dialog through `dialogClassName`.
 */
export const CustomLabelAndStyling: Story = {
  args: {
    className: 'brand-button',
    dialogClassName: 'brand-dialog',
    style: brand,
    labels: { title: 'Add an HR system', close: 'Close window', loading: 'Opening…', retry: 'Try again' },
    categories: ['hris'],
  },
  render: (args) => (
    <>
      <style>
        {'.brand-dialog { --rch-accent: #0f766e; --rch-radius: 1.25rem; --rch-width: 520px } .brand-button { letter-spacing: .02em }'}
      </style>
      <ConnectButton {...args}>
        <span aria-hidden="true">+ </span>Add an HR system
      </ConnectButton>
    </>
  ),
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Add an HR system' })
    expect(button).toHaveClass('rch-button', 'brand-button')
    expect(getComputedStyle(button).backgroundColor).toBe('rgb(15, 118, 110)')
    const { dialog } = await openHub(button, 'Add an HR system')
    expect(dialog).toHaveClass('rch-dialog', 'brand-dialog')
    expect(getComputedStyle(dialog).borderRadius).toBe('20px')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close window' }))
    expect(args.onCancel).toHaveBeenCalledTimes(1)
    expect(args.onClose).toHaveBeenCalledTimes(1)
    await expectClosed(button)
  },
}

/** Resolves when `until` does (a number: after that many ms); rejects when `signal` aborts first. */
const unlessAborted = (until: Promise<void> | number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = typeof until === 'number' ? setTimeout(resolve, until) : undefined
    if (typeof until !== 'number') void until.then(resolve)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })

/** Set by SlowToken's play function: the token is held until the play function has seen the loading state. */
let tokenGate: Promise<void> | undefined

const slowGetToken: GetToken = async (session, context) => {
  await unlessAborted(tokenGate ?? 1500, context.signal)
  return getToken(session, context)
}

/**
 * A backend that takes 1.5 s to mint the token: the button is busy and the dialog shows its loading state meanwhile.
 * Its play function holds the token until it has checked that state, so that no machine is too slow for it.
 */
export const SlowToken: Story = {
  args: { getToken: fn(slowGetToken), prefetch: 'none' },
  play: async ({ args, canvas }) => {
    let release = () => {}
    tokenGate = new Promise<void>((resolve) => (release = resolve))
    try {
      const button = canvas.getByRole('button', { name: 'Connect' })
      await userEvent.click(button)
      const dialog = await screen.findByRole('dialog', { name: 'Connect an account' })
      expect(dialog).toHaveAttribute('data-state', 'loading')
      const loading = within(dialog).getByRole('status')
      expect(loading).toHaveTextContent('Loading…')
      // The dialog fades in: visible once the animation has started.
      await waitFor(() => expect(loading).toBeVisible())
      expect(dialog).toHaveAttribute('data-state', 'loading')
      expect(button).toHaveAttribute('data-state', 'fetching-token')
      expect(button).toHaveAttribute('aria-busy', 'true')
      release()
      await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'open'))
      expect(loading).not.toBeVisible()
      expect(button).toHaveAttribute('aria-busy', 'false')
      expect(args.getToken).toHaveBeenCalledTimes(1)
      await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
      expect(args.onCancel).toHaveBeenCalledTimes(1)
      await expectClosed(button)
    } finally {
      tokenGate = undefined
      release()
    }
  },
}

/** `getToken` rejects (the backend is down): `onError` gets `token_failed`, the dialog shows the error and Retry. */
export const TokenError: Story = {
  args: {
    getToken: fn<GetToken>(async () => {
      throw new Error('the token endpoint answered 503')
    }),
  },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Connect' })
    await userEvent.click(button)
    const dialog = await screen.findByRole('dialog', { name: 'Connect an account' })
    const alert = await within(dialog).findByRole('alert')
    // The words load apart from the page's code (with what a button loads when it mounts): in a built Storybook they
    // may arrive just after the alert shows.
    await waitFor(() => expect(alert).toHaveTextContent('The connection could not be opened.'))
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_failed' })))
    expect(dialog).toHaveAttribute('data-state', 'error')
    expect(button).toHaveAttribute('data-state', 'error')
    const retry = within(dialog).getByRole('button', { name: 'Retry' })
    expect(retry).toHaveFocus()
    const calls = args.getToken.mock.calls.length
    const errors = (args.onError as Mock).mock.calls.length
    await userEvent.click(retry)
    await waitFor(() => expect(args.getToken).toHaveBeenCalledTimes(calls + 1))
    await waitFor(() => expect(args.onError).toHaveBeenCalledTimes(errors + 1))
    expect(within(dialog).getByRole('button', { name: 'Retry' })).toHaveFocus()
    // Left open: the accessibility check runs on the error state.
  },
}

/**
 * No hub answers at the hub URL (a page that is not a hub, on the hub's server): after `hubTimeout` the launcher
 * reports `hub_unavailable` and offers Retry.
 */
export const HubUnavailable: Story = {
  // On the hub's own server, so that a static Storybook's test sees no request leave its two origins.
  args: { hubUrl: new URL('not-a-hub.html', hubUrl).href, hubTimeout: 1500 },
  // About the reference hub's URL: the toolbar's StackOne hub would not use it.
  parameters: { hubSwitch: false },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Connect' })
    await userEvent.click(button)
    const dialog = await screen.findByRole('dialog', { name: 'Connect an account' })
    await within(dialog).findByRole('alert', {})
    expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'hub_unavailable' }))
    expect(dialog).toHaveAttribute('data-state', 'error')
    expect(within(dialog).getByRole('button', { name: 'Retry' })).toHaveFocus()
  },
}

let servedExpiredToken = false

/** Hands out a token the session API no longer knows first, as if it expired while the page sat open; then real ones. */
const expiringGetToken: GetToken = async (session, context) => {
  if (!servedExpiredToken) {
    servedExpiredToken = true
    return { token: `tok_expired_${'x'.repeat(32)}`, expiresAt: Date.now() + 60_000 }
  }
  return getToken(session, context)
}

/**
 * The session API refuses the token; the hub says `token_expired`, the launcher fetches a fresh token (bypassing its
 * cache) and hands it over by message, and the hub carries on.
 */
export const TokenExpiryAndRefresh: Story = {
  args: { getToken: fn(expiringGetToken), categories: ['hris'] },
  beforeEach: () => {
    servedExpiredToken = false
  },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Connect' })
    const { hub } = await openHub(button)
    await waitFor(() => expect(args.getToken).toHaveBeenCalledTimes(2))
    await waitFor(() => expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'token_refreshed', reason: 'expired' })))
    if (!hub) return
    await connectBambooHR(hub)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(successFor('bamboohr')))
    expect(args.onError).not.toHaveBeenCalled()
    await expectClosed(button)
  },
}

/** Several launchers on one page, one per category: one hub at a time, each with its own session. */
export const SeveralButtons: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: '1rem' }}>
      <ConnectButton {...args} categories={['hris']}>
        Connect an HR system
      </ConnectButton>
      <ConnectButton {...args} categories={['ats']}>
        Connect an ATS
      </ConnectButton>
      <ConnectButton {...args} categories={['crm']}>
        Connect a CRM
      </ConnectButton>
    </div>
  ),
  play: async ({ args, canvas }) => {
    const ats = canvas.getByRole('button', { name: 'Connect an ATS' })
    const first = await openHub(ats)
    expect(args.getToken).toHaveBeenLastCalledWith({ categories: ['ats'] }, expect.anything())
    if (first.hub) {
      await first.hub.waitForText('Greenhouse')
      await first.hub.click('Cancel')
    } else await userEvent.click(within(first.dialog).getByRole('button', { name: 'Close' }))
    await expectClosed(ats)
    expect(args.onCancel).toHaveBeenCalledTimes(1)

    const hr = canvas.getByRole('button', { name: 'Connect an HR system' })
    const second = await openHub(hr)
    expect(args.getToken).toHaveBeenLastCalledWith({ categories: ['hris'] }, expect.anything())
    expect(screen.getAllByRole('dialog')).toHaveLength(1)
    if (!second.hub) return
    await connectBambooHR(second.hub)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(successFor('bamboohr')))
    await expectClosed(hr)
    expect(args.onClose).toHaveBeenCalledTimes(2)
  },
}

/**
 * `hub={stackOneHub({ baseUrl })}` from `react-connect-hub/stackone`: StackOne's own hub, the `@stackone/hub` component,
 * rendered in the launcher's dialog instead of an iframe, against the dev session API's `/hub/*` endpoints. Same
 * `getToken`, same callbacks. `@stackone/hub` loads with a dynamic `import()` when the hub is first prefetched or opened.
 *
 * It renders in this page (in a shadow root), so the play function drives it in Storybook's UI too.
 */
export const StackOneHub: Story = {
  name: 'StackOne hub',
  args: { hub: stackOne, categories: ['hris'] },
  parameters: { hubSwitch: false },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Connect' })
    const { dialog } = await openHub(button)
    expect(args.getToken).toHaveBeenCalledWith({ categories: ['hris'] }, expect.anything())
    expect(frameIn(dialog)).toBeNull()
    const hub = await stackOneIn(dialog)
    await userEvent.click(await hub.findByRole('button', { name: /BambooHR/ }))
    // user-event prepares inputs from a focus listener on the document, which a shadow root hides them from, and React
    // then misses what it types: set the values as the browser does instead.
    fireEvent.input(await hub.findByRole('textbox', { name: 'Subdomain' }), { target: { value: 'acme' } })
    fireEvent.input(hub.getByLabelText('API key'), { target: { value: 'bamboo-secret-key' } })
    const connect = hub.getByRole('button', { name: 'Connect' })
    await waitFor(() => expect(connect).toBeEnabled())
    await userEvent.click(connect)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(successFor('bamboohr')))
    expect(args.onClose).toHaveBeenCalledTimes(1)
    expect(args.onCancel).not.toHaveBeenCalled()
    expect(args.onError).not.toHaveBeenCalled()
    await expectClosed(button)
  },
}
