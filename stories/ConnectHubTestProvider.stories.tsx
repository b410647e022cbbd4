import type { Decorator, Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
import { ConnectButton, type GetToken } from '../src/index.ts'
import { ConnectHubTestProvider, createTestHub, type TestHub } from '../src/testing/index.ts'

/** A host's production token source: never called under the decorator, which swaps in the test hub's. */
const productionGetToken: GetToken = async (session, { signal }) => {
  const response = await fetch('/api/connect-session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(session),
    signal,
  })
  if (!response.ok) throw new Error(`the token route answered ${response.status}`)
  return response.json()
}

/** A host app's Integrations page, as it ships: its production hub URL and token route, untouched by the story. */
function Integrations({ accountId }: { accountId?: string }) {
  const [message, setMessage] = useState('')
  return (
    <section>
      <h2 style={{ margin: '0 0 .5rem', fontSize: '1.1rem' }}>HR system</h2>
      <ConnectButton
        hubUrl="https://hub.example.com/"
        getToken={productionGetToken}
        categories={['hris']}
        {...(accountId ? { accountId } : {})}
        onSuccess={({ provider, mode }) => setMessage(mode === 'edit' ? `Updated ${provider}` : `Connected ${provider}`)}
        onCancel={() => setMessage('Nothing was connected')}
        onError={(error) => setMessage(`Could not connect: ${error.code}`)}
      />
      <p>{message}</p>
    </section>
  )
}

// One test hub per story, where its play function can read what the hub received.
const hubs = new Map<string, TestHub>()
const hubOf = (storyId: string) => {
  let hub = hubs.get(storyId)
  if (!hub) {
    hub = createTestHub({ accounts: [{ id: 'acc_123', provider: 'bamboohr' }] })
    hubs.set(storyId, hub)
  }
  return hub
}

/**
 * The decorator a host puts in its own `.storybook/preview.tsx` (see docs/testing.md, "In Storybook"): every
 * button beneath it opens the in-page test hub with a test token source, whatever its `hubUrl` and `getToken`.
 */
const withTestHub: Decorator = (Story, { id }) => (
  <ConnectHubTestProvider testHub={hubOf(id)}>
    <Story />
  </ConnectHubTestProvider>
)

const meta = {
  title: 'Testing/ConnectHubTestProvider',
  component: Integrations,
  decorators: [withTestHub],
  // The test hub stands in for any hub: the toolbar's switch does not apply.
  parameters: {
    hubSwitch: false,
    docs: {
      description: {
        component:
          "`<ConnectHubTestProvider>` from `react-connect-hub/testing` as a Storybook decorator: a host's own component renders unchanged, and its button opens the test hub (in the page: no iframe, no server, no network) instead of the production hub. Use it in your app's Storybook to show and test your integration pages with nothing behind them.",
      },
    },
  },
} satisfies Meta<typeof Integrations>

export default meta
type Story = StoryObj<typeof meta>

/** Connect: pick an integration in the test hub, connect, and the host's page says so. */
export const Connect: Story = {
  play: async ({ canvas, id }) => {
    const testHub = hubOf(id)
    testHub.reset()
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }))
    const hub = within(await screen.findByRole('dialog'))
    await userEvent.click(await hub.findByRole('button', { name: 'BambooHR' }))
    await userEvent.click(hub.getByRole('button', { name: 'Connect' }))
    await canvas.findByText('Connected bamboohr')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(testHub.sessions).toEqual([{ categories: ['hris'] }])
  },
}

/** Edit mode: the host passes `accountId`; the test hub opens on that account and Save updates it. */
export const EditConnection: Story = {
  args: { accountId: 'acc_123' },
  play: async ({ canvas, id }) => {
    const testHub = hubOf(id)
    testHub.reset()
    await userEvent.click(canvas.getByRole('button', { name: 'Edit connection' }))
    const hub = within(await screen.findByRole('dialog'))
    await userEvent.click(await hub.findByRole('button', { name: 'Save' }))
    await canvas.findByText('Updated bamboohr')
    expect(testHub.sessions).toEqual([{ categories: ['hris'], accountId: 'acc_123' }])
  },
}
