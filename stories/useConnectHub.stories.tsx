import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor } from 'storybook/test'
import { type ConnectHubOptions, useConnectHub } from '../src/index.ts'
import { getToken, hubUrl } from './support/devHub.ts'
import { connectBambooHR, expectClosed, openHub } from './support/play.ts'

/** A trigger of your own: the hook gives `open`, `prefetch`, `status`, `error` and `isOpen`; the markup is yours. */
function IntegrationCard(options: ConnectHubOptions) {
  const { open, prefetch, status, error } = useConnectHub(options)
  const busy = status === 'fetching-token' || status === 'opening'
  return (
    <article
      style={{ display: 'grid', gap: '.5rem', maxWidth: '22rem', padding: '1rem', border: '1px solid #d4d4d8', borderRadius: '.75rem' }}
    >
      <h2 style={{ margin: 0, fontSize: '1.1rem' }}>HR system</h2>
      <p style={{ margin: 0, color: '#52525b' }}>Sync employees from your HR software.</p>
      <button
        type="button"
        onClick={open}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        aria-busy={busy}
        data-state={status}
        style={{
          justifySelf: 'start',
          font: 'inherit',
          padding: 0,
          border: 0,
          background: 'none',
          color: '#1d4ed8',
          textDecoration: 'underline',
          cursor: 'pointer',
        }}
      >
        {busy ? 'Opening…' : 'Choose an HR system'}
      </button>
      <output aria-label="Launcher status">{error ? `Failed: ${error.code}` : status}</output>
    </article>
  )
}

const meta = {
  title: 'Launcher/useConnectHub',
  component: IntegrationCard,
  args: {
    hubUrl,
    getToken: fn(getToken),
    categories: ['hris'],
    onSuccess: fn(),
    onCancel: fn(),
    onClose: fn(),
    onError: fn(),
    onEvent: fn(),
  },
  argTypes: { getToken: { control: false } },
  parameters: {
    docs: {
      description: {
        component:
          '`useConnectHub(options)` is the product; `<ConnectButton>` is a thin wrapper over it. Use the hook when the trigger is not a plain button: a card, a menu item, a link.',
      },
    },
  },
} satisfies Meta<typeof IntegrationCard>

export default meta
type Story = StoryObj<typeof meta>

/** The headless hook behind a custom trigger: same dialog, token lifecycle and callbacks. */
export const CustomTrigger: Story = {
  play: async ({ args, canvas }) => {
    const trigger = canvas.getByRole('button', { name: 'Choose an HR system' })
    const status = canvas.getByRole('status', { name: 'Launcher status' })
    expect(status).toHaveTextContent('idle')
    const { hub } = await openHub(trigger)
    expect(status).toHaveTextContent('open')
    expect(args.getToken).toHaveBeenCalledWith({ categories: ['hris'] }, expect.anything())
    if (!hub) return
    await connectBambooHR(hub)
    await waitFor(() =>
      expect(args.onSuccess).toHaveBeenCalledWith({ accountId: expect.stringMatching(/^acc_/), provider: 'bamboohr', mode: 'create' }),
    )
    await expectClosed(trigger)
    expect(status).toHaveTextContent('idle')
  },
}
