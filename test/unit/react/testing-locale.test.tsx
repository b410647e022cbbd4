import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ConnectButton, type ConnectHubOptions } from '../../../src/index.ts'
import { ConnectHubTestProvider, createTestHub } from '../../../src/testing/index.ts'

// A host's tests in another language: the test hub speaks the button's locale, with the words the launcher and the
// reference hub use, so that a French app's tests find the French buttons its users see.

function setup(props: Partial<ConnectHubOptions>) {
  const onSuccess = vi.fn()
  const onCancel = vi.fn()
  const user = userEvent.setup()
  render(
    <ConnectHubTestProvider testHub={createTestHub({ accounts: [{ id: 'acc_1', provider: 'hibob' }] })}>
      <ConnectButton
        hubUrl="https://hub.example.test/connect"
        getToken={async () => 'unused'}
        onSuccess={onSuccess}
        onCancel={onCancel}
        {...props}
      >
        +
      </ConnectButton>
    </ConnectHubTestProvider>,
  )
  return { user, onSuccess, onCancel }
}

async function open(user: ReturnType<typeof userEvent.setup>, title: string) {
  await user.click(screen.getByRole('button', { name: '+' }))
  const dialog = await screen.findByRole('dialog', { name: title })
  await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'open'))
  return dialog
}

// A limit for hangs, not a speed check: the first test loads the look and the words' chunks through Vite while the
// other projects load both cores (it ran past the default 5 s once).
describe('given a test hub under a button with a locale', { timeout: 30_000 }, () => {
  it('when the locale is fr → the catalog, the Connect step and Cancel are in French', async () => {
    const { user, onSuccess } = setup({ locale: 'fr', categories: ['hris'] })
    const dialog = await open(user, 'Connecter un compte')
    expect(within(dialog).getByRole('heading', { name: 'Choisissez une intégration' })).toBeInTheDocument()
    expect(within(dialog).getByRole('list', { name: 'Intégrations' })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'HiBob' }))
    expect(within(dialog).getByRole('heading', { name: 'Connecter HiBob' })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Retour' })).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Connecter' }))
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ provider: 'hibob', mode: 'create' }))
  })

  it('when the locale is de-CH and the button edits an account → German, by its language: Speichern, Abbrechen', async () => {
    const { user, onCancel } = setup({ locale: 'de-CH', accountId: 'acc_1' })
    const dialog = await open(user, 'Verbindung bearbeiten')
    expect(within(dialog).getByRole('heading', { name: 'HiBob bearbeiten' })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Speichern' })).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }))
    expect(onCancel).toHaveBeenCalledTimes(1)
  })

  it('when the locale is ar → Arabic buttons in a right-to-left dialog', async () => {
    const { user } = setup({ locale: 'ar', provider: 'hibob' })
    const dialog = await open(user, 'ربط حساب')
    expect(dialog).toHaveAttribute('dir', 'rtl')
    expect(within(dialog).getByRole('button', { name: 'اتصال' })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'إلغاء' })).toBeInTheDocument()
  })

  it('when the locale has no words (xx) → English', async () => {
    const { user } = setup({ locale: 'xx', provider: 'hibob' })
    const dialog = await open(user, 'Connect an account')
    expect(within(dialog).getByRole('button', { name: 'Connect' })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeInTheDocument()
  })
})
