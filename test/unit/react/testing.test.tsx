import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConnectButton, type ConnectHubOptions, type GetToken, useConnectHub } from '../../../src/index.ts'
import { ConnectHubTestProvider, createTestHub, type TestHub } from '../../../src/testing/index.ts'

// jsdom as a host app's own tests have it: no showModal, no cross-origin page. Nothing here patches it.

// The launcher's lazily loaded code, handed to every launcher already loaded: a test clicks at once after mounting, as
// a person never does before a mounted button loaded it.
vi.mock('../../../src/launcher/deferred.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/launcher/deferred.ts')>()),
  LAUNCHER_MODULES: (await import('../launcher/modules.ts')).LOADED_MODULES,
}))

/** A host's production component: its own hubUrl and getToken, which the tests below never reach. */
function Integrations(props: Partial<ConnectHubOptions> & { getToken?: GetToken }) {
  return (
    <ConnectButton
      hubUrl="https://hub.example.test/connect"
      getToken={props.getToken ?? (() => Promise.reject(new Error('the production token route was called')))}
      categories={['hris']}
      {...props}
    />
  )
}

function setup(testHub: TestHub = createTestHub(), props: Partial<ConnectHubOptions> = {}) {
  const callbacks = { onSuccess: vi.fn(), onCancel: vi.fn(), onClose: vi.fn(), onError: vi.fn() }
  const user = userEvent.setup()
  render(
    <ConnectHubTestProvider testHub={testHub}>
      <Integrations {...callbacks} {...props} />
    </ConnectHubTestProvider>,
  )
  return { user, testHub, ...callbacks }
}

/** The launcher's dialog once the test hub in it is on screen. */
async function openDialog(user: ReturnType<typeof userEvent.setup>, name = 'Connect') {
  const button = screen.getByRole('button', { name })
  await user.click(button)
  const dialog = await screen.findByRole('dialog')
  await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'open'))
  return { button, dialog }
}

describe('given jsdom, which has no showModal', () => {
  it('when the button is clicked → the dialog opens as a modal anyway: open, aria-modal, named, focus inside', async () => {
    const { user } = setup()
    const { button, dialog } = await openDialog(user)
    expect(dialog).toHaveAttribute('open')
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAccessibleName('Connect an account')
    expect(dialog).toContainElement(document.activeElement as HTMLElement)
    expect(button).toHaveAttribute('data-state', 'open')
  })

  it('when Escape is pressed → the dialog closes as a dismissal and focus returns to the button', async () => {
    const { user, onCancel, onClose } = setup()
    const { button } = await openDialog(user)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(button).toHaveFocus()
    expect(document.body.style.overflow).toBe('')
  })

  it('when a button has only its hubUrl, outside a test provider → unsupported_environment at once, saying what to use; getToken is never called', async () => {
    const getToken = vi.fn<GetToken>(async () => 'tok')
    const onError = vi.fn()
    const user = userEvent.setup()
    render(<Integrations getToken={getToken} onError={onError} prefetch="none" />)
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    const [error] = onError.mock.calls[0] as [Error & { code: string }]
    expect(error.code).toBe('unsupported_environment')
    expect(error.message).toMatch(/^react-connect-hub: jsdom cannot host an iframe hub/)
    expect(error.message).toContain('<ConnectHubTestProvider> from react-connect-hub/testing')
    const dialog = screen.getByRole('dialog')
    // The person on the page reads plain words; the developer's advice stays on the error.
    expect(within(dialog).getByRole('alert')).toHaveTextContent("Connecting accounts isn't available here.")
    expect(within(dialog).getByRole('button', { name: 'Retry' })).toHaveFocus()
    // Validation settles after the failure: it must not ask for a token the failed open cannot use.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(getToken).not.toHaveBeenCalled()
  })

  it('when the hub fails while getToken is on its way → its signal aborts: no token arrives behind the error', async () => {
    const signals: AbortSignal[] = []
    const getToken = vi.fn<GetToken>((_, { signal }) => {
      signals.push(signal)
      return new Promise(() => {})
    })
    const testHub = createTestHub({ getToken })
    const { user, onError } = setup(testHub)
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(getToken).toHaveBeenCalledTimes(1))
    testHub.fail()
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'hub_error' })))
    expect(signals[0]?.aborted).toBe(true)
  })
})

describe('given a ConnectHubTestProvider', () => {
  it('when the user picks an integration and connects → onSuccess with a test account; the host getToken is never called', async () => {
    const hostGetToken = vi.fn<GetToken>(async () => 'production-token')
    const testHub = createTestHub()
    const { user, onSuccess, onClose, onCancel } = setup(testHub, { getToken: hostGetToken })
    const { button, dialog } = await openDialog(user)
    const list = within(dialog).getByRole('list', { name: 'Integrations' })
    // The session's categories filter the catalog.
    expect(
      within(list)
        .getAllByRole('button')
        .map((item) => item.textContent),
    ).toEqual(['BambooHR', 'HiBob', 'Workday'])
    await user.click(within(dialog).getByRole('button', { name: 'BambooHR' }))
    expect(within(dialog).getByRole('heading', { name: 'Connect BambooHR' })).toBeVisible()
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }))
    expect(onSuccess).toHaveBeenCalledWith({ accountId: 'acc_test_1', provider: 'bamboohr', mode: 'create' })
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(onCancel).not.toHaveBeenCalled()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(button).toHaveFocus()
    expect(hostGetToken).not.toHaveBeenCalled()
    expect(testHub.tokens).toEqual(['test_token_1'])
    expect(testHub.sessions).toEqual([{ categories: ['hris'] }])
  })

  it("when the user clicks the hub's Cancel → onCancel and onClose", async () => {
    const { user, onCancel, onClose, onSuccess } = setup()
    const { dialog } = await openDialog(user)
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(onSuccess).not.toHaveBeenCalled()
  })

  it('when the session names a provider → the hub opens on its Connect step; Back is not offered', async () => {
    const { user, onSuccess } = setup(createTestHub(), { provider: 'hibob' })
    const { dialog } = await openDialog(user)
    expect(within(dialog).getByRole('heading', { name: 'Connect HiBob' })).toBeVisible()
    expect(within(dialog).queryByRole('button', { name: 'Back' })).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }))
    expect(onSuccess).toHaveBeenCalledWith({ accountId: 'acc_test_1', provider: 'hibob', mode: 'create' })
  })

  it('when the button edits an account → "Edit connection", Save reports mode edit, and the hub received the accountId', async () => {
    const testHub = createTestHub({ accounts: [{ id: 'acc_42', provider: 'greenhouse' }] })
    const { user, onSuccess } = setup(testHub, { accountId: 'acc_42', categories: undefined })
    const { dialog } = await openDialog(user, 'Edit connection')
    expect(dialog).toHaveAccessibleName('Edit connection')
    expect(within(dialog).getByRole('heading', { name: 'Edit Greenhouse' })).toBeVisible()
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(onSuccess).toHaveBeenCalledWith({ accountId: 'acc_42', provider: 'greenhouse', mode: 'edit' })
    expect(testHub.sessions).toEqual([{ accountId: 'acc_42' }])
  })

  it('when the controller fails the hub → onError with hub_error and the code; Retry opens a new test hub', async () => {
    const { user, testHub, onError } = setup()
    const { dialog } = await openDialog(user)
    testHub.fail('invalid_credentials', 'the provider refused the key')
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    expect(onError.mock.calls[0]?.[0]).toMatchObject({
      code: 'hub_error',
      detail: 'the hub reported invalid_credentials: the provider refused the key',
    })
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The connection service ran into a problem.')
    expect(testHub.isRunning).toBe(false)
    await user.click(within(dialog).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'open'))
    expect(testHub.isRunning).toBe(true)
  })

  it('when the controller connects a given account → onSuccess with it, without a click in the hub', async () => {
    const { user, testHub, onSuccess } = setup()
    await openDialog(user)
    testHub.connect({ id: 'acc_custom', provider: 'workday' })
    expect(onSuccess).toHaveBeenCalledWith({ accountId: 'acc_custom', provider: 'workday', mode: 'create' })
    expect(() => testHub.cancel()).toThrow(/needs a running hub/)
  })

  it('when the controller expires the token → the launcher asks the test token source again and hands the new token over', async () => {
    let issued = 0
    const getToken = vi.fn<GetToken>(async () => `tok_${++issued}`)
    const { user, testHub } = setup(createTestHub({ getToken }))
    await openDialog(user)
    testHub.expireToken()
    await waitFor(() => expect(testHub.tokens).toEqual(['tok_1', 'tok_2']))
    expect(getToken).toHaveBeenCalledTimes(2)
  })

  it("when the hub is slow (ready: 'manual') → the dialog shows its loading state until ready()", async () => {
    const testHub = createTestHub({ ready: 'manual' })
    const { user } = setup(testHub)
    const button = screen.getByRole('button', { name: 'Connect' })
    await user.click(button)
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(testHub.tokens).toHaveLength(1))
    expect(dialog).toHaveAttribute('data-state', 'loading')
    expect(button).toHaveAttribute('aria-busy', 'true')
    testHub.ready()
    await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'open'))
    expect(button).toHaveAttribute('aria-busy', 'false')
  })

  it("when the hub never becomes ready (ready: 'never') → hub_unavailable after hubTimeout", async () => {
    const { user, onError } = setup(createTestHub({ ready: 'never' }), { hubTimeout: 50 })
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'hub_unavailable' })))
  })

  it('when useConnectHub is used beneath it → the hook opens the test hub too', async () => {
    const testHub = createTestHub()
    const onSuccess = vi.fn()
    function Card() {
      const { open, status } = useConnectHub({
        hubUrl: 'https://hub.example.test/',
        getToken: async () => 'prod',
        onSuccess,
        provider: 'xero',
      })
      return (
        <button type="button" onClick={open} data-state={status}>
          Add accounting
        </button>
      )
    }
    const user = userEvent.setup()
    render(
      <ConnectHubTestProvider testHub={testHub}>
        <Card />
      </ConnectHubTestProvider>,
    )
    const { dialog } = await openDialog(user, 'Add accounting')
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }))
    expect(onSuccess).toHaveBeenCalledWith({ accountId: 'acc_test_1', provider: 'xero', mode: 'create' })
    expect(testHub.tokens).toEqual(['test_token_1'])
  })
})

describe('given a ConnectHubTestProvider in an app built for production', () => {
  // Each test takes a fresh copy of the module: "once" is per page, and a test must not inherit another's warning.
  async function freshProvider() {
    vi.resetModules()
    return import('../../../src/testing/ConnectHubTestProvider.tsx')
  }

  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  it('when it mounts, twice, in two trees → one console.warn, prefixed, naming the provider and what to do', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { ConnectHubTestProvider: Provider } = await freshProvider()
    render(
      <Provider>
        <p>first</p>
      </Provider>,
    )
    render(
      <Provider>
        <p>second</p>
      </Provider>,
    )
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]?.[0]).toMatch(/^react-connect-hub: <ConnectHubTestProvider> is mounted in a production build/)
    expect(warn.mock.calls[0]?.[0]).toMatch(/render it only in tests and stories$/)
  })

  it.each(['test', 'development', undefined])('when NODE_ENV is %s → no warning', async (mode) => {
    vi.stubEnv('NODE_ENV', mode)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { ConnectHubTestProvider: Provider } = await freshProvider()
    render(
      <Provider>
        <p>tests</p>
      </Provider>,
    )
    expect(warn).not.toHaveBeenCalled()
  })

  it('when there is no process at all (a browser page, no bundler) → not production, and nothing throws', async () => {
    const { isProductionBuild } = await freshProvider()
    vi.stubEnv('NODE_ENV', 'production')
    expect(isProductionBuild()).toBe(true)
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'process') as PropertyDescriptor
    Reflect.deleteProperty(globalThis, 'process')
    let production: boolean | undefined
    let absent: boolean | undefined
    try {
      absent = !('process' in globalThis)
      production = isProductionBuild()
    } finally {
      Object.defineProperty(globalThis, 'process', saved)
    }
    expect(absent).toBe(true)
    expect(production).toBe(false)
  })
})
