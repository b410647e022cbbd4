import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test'
import { ConnectButton } from '../src/index.ts'
import { connectButtonArgTypes } from './support/argTypes.ts'
import { getToken, hubUrl } from './support/devHub.ts'
import type { HubFrame } from './support/hubFrame.ts'
import { connectBambooHR, expectClosed, hubIn, openHub } from './support/play.ts'

const meta = {
  title: 'Launcher/Language and look',
  component: ConnectButton,
  argTypes: connectButtonArgTypes,
  args: {
    hubUrl,
    getToken: fn(getToken),
    categories: ['hris'],
    onSuccess: fn(),
    onCancel: fn(),
    onClose: fn(),
    onError: fn(),
  },
  parameters: {
    docs: {
      description: {
        component:
          "`locale` and `appearance` reach the launcher's dialog and the hub it opens: the reference hub speaks English, French, German, Spanish, Japanese and Arabic (right to left), and paints its first frame in the scheme asked for. The toolbar's **Language** and **Scheme** apply them to every story. Each story here runs its play function and the accessibility checks in the scheme it names.",
      },
    },
  },
} satisfies Meta<typeof ConnectButton>

export default meta
type Story = StoryObj<typeof meta>

const connected = { accountId: expect.stringMatching(/^acc_/), provider: 'bamboohr', mode: 'create' }

/** Connects BambooHR through the Arabic reference hub: its words, its field labels and its button. */
async function connectInArabic(hub: HubFrame) {
  await hub.waitForText('ربط تكامل')
  await hub.click(/^BambooHR/)
  await hub.fill('النطاق الفرعي', 'acme')
  await hub.fill('مفتاح API', 'bamboo-secret-key')
  await hub.click('اتصال')
}

/** `appearance={{ colorScheme: 'dark' }}`: a dark dialog and a dark hub, whatever the operating system prefers. */
export const DarkDialog: Story = {
  args: { appearance: { colorScheme: 'dark' } },
  play: async ({ args, canvas }) => {
    const button = canvas.getByRole('button', { name: 'Connect' })
    const { hub } = await openHub(button)
    if (!hub) return
    await connectBambooHR(hub)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(connected))
    await expectClosed(button)
  },
}

/** The same flow in the light scheme, forced: the play function and the accessibility checks run in both. */
export const LightDialog: Story = {
  ...DarkDialog,
  args: { appearance: { colorScheme: 'light' } },
}

/** The reference hub in place (`display: 'inline'`), dark, with the host's accent and corner radius. */
export const DarkInlineHub: Story = {
  args: { display: 'inline', appearance: { colorScheme: 'dark', accent: '#0f766e', radius: '4px' } },
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }))
    const region = await canvas.findByRole('region', { name: 'Connect an account' })
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'open'), { timeout: 10_000 })
    const hub = hubIn(region)
    if (!hub) return
    await hub.waitForText('Connect an integration')
    await connectBambooHR(hub)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(connected))
  },
}

/** `locale="ar"`: the dialog and the hub in Arabic, right to left. */
export const Arabic: Story = {
  args: { locale: 'ar' },
  play: async ({ args, canvas }) => {
    // The button's label is the host's own (children): only the dialog and the hub speak the locale.
    const button = canvas.getByRole('button')
    const { dialog, hub } = await openHub(button, 'ربط حساب')
    expect(dialog).toHaveAttribute('dir', 'rtl')
    if (!hub) return
    await connectInArabic(hub)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(connected))
    await expectClosed(button)
  },
}

/** Arabic and dark together, the hub in place. */
export const ArabicDarkInlineHub: Story = {
  args: { locale: 'ar', display: 'inline', appearance: { colorScheme: 'dark' } },
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole('button'))
    const region = await canvas.findByRole('region', { name: 'ربط حساب' })
    await waitFor(() => expect(region).toHaveAttribute('data-state', 'open'), { timeout: 10_000 })
    expect(screen.queryByRole('dialog')).toBeNull()
    const hub = hubIn(region)
    if (!hub) return
    await connectInArabic(hub)
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(connected))
  },
}
