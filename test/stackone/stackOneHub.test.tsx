import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { ConnectButton, type ConnectHubError, type ConnectHubEvent, type ConnectHubOptions, type GetToken } from '../../src'
import { stackOneHub } from '../../src/stackone'
import { HANG } from './limits.ts'

const backend = inject('stackOneBackendUrl')
const call = async <T,>(path: string, body?: unknown): Promise<T> =>
  (await fetch(`${backend}${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) })).json()
const { apiUrl } = await call<{ apiUrl: string }>('/setup', {})

interface WireAccount {
  id: string
  provider: string
  origin_owner_id: string
}

function setup(mint: (session: object) => Promise<string> = async (session) => (await call<{ token: string }>('/token', session)).token) {
  const events: ConnectHubEvent[] = []
  const calls: string[] = []
  const tokens: string[] = []
  const getToken = vi.fn<GetToken>(async (session) => {
    const token = await mint(session)
    tokens.push(token)
    return token
  })
  const props = {
    hub: stackOneHub({ baseUrl: apiUrl }),
    getToken,
    onEvent: (event: ConnectHubEvent) => events.push(event),
    onSuccess: vi.fn(() => calls.push('success')),
    onCancel: vi.fn(() => calls.push('cancel')),
    onClose: vi.fn(() => calls.push('close')),
    onError: vi.fn((_error: ConnectHubError) => calls.push('error')),
  } satisfies Partial<ConnectHubOptions>
  return { events, calls, tokens, getToken, props }
}

const dialog = () => page.getByRole('dialog')
const integration = (name: string) => dialog().getByRole('button', { name })
const hubButton = (name: string) => dialog().getByRole('button', { name, exact: true })
const open = () => userEvent.click(screen.getByRole('button', { name: /Connect|Edit connection/ }))

let consoleError: ReturnType<typeof vi.spyOn>
beforeEach(async () => {
  await call('/reset', {})
  consoleError = vi.spyOn(console, 'error')
})
afterEach(async () => {
  cleanup()
  await Promise.resolve()
  expect(consoleError).not.toHaveBeenCalled()
  consoleError.mockRestore()
  expect(document.querySelector('dialog')).toBeNull()
})

describe("given <ConnectButton hub={stackOneHub()}> against the dev session API, StackOne's real hub", () => {
  it('when opened → it lists the catalog filtered by the session categories', async () => {
    const t = setup()
    render(<ConnectButton {...t.props} categories={['accounting']} />)
    await open()

    await expect.element(integration('Xero')).toBeVisible()
    await expect.element(integration('QuickBooks')).toBeVisible()
    expect(
      dialog()
        .getByRole('button', { name: /BambooHR|Greenhouse|Slack/ })
        .elements(),
    ).toHaveLength(0)
    expect(t.getToken).toHaveBeenCalledTimes(1)
    expect(t.getToken.mock.calls[0]?.[0]).toEqual({ categories: ['accounting'] })
    expect(t.events.map((event) => event.type)).toContain('hub_ready')
    expect(t.calls).toEqual([])
  })

  it('when a credential provider is connected → onSuccess gets the new account, GET /accounts lists it, the hub closes', async () => {
    const t = setup()
    render(<ConnectButton {...t.props} categories={['hris']} />)
    await open()

    await userEvent.click(integration('BambooHR'))
    await userEvent.fill(dialog().getByRole('textbox', { name: 'Subdomain' }), 'acme')
    await userEvent.fill(dialog().getByLabelText('API key'), 'bamboo-secret-9')
    await userEvent.click(hubButton('Connect'))

    await vi.waitFor(() => expect(t.calls).toEqual(['success', 'close']), HANG)
    const accounts = await call<WireAccount[]>('/accounts')
    expect(accounts).toHaveLength(1)
    expect(accounts[0]).toMatchObject({ provider: 'bamboohr', origin_owner_id: 'customer-42' })
    expect(t.props.onSuccess).toHaveBeenCalledWith({ accountId: accounts[0]?.id, provider: 'bamboohr', mode: 'create' })
    expect(await call('/secrets', { id: accounts[0]?.id })).toEqual({ api_key: 'bamboo-secret-9' })
  })

  it('when opened for an existing account → it shows that account, and saving reports an edit and keeps the stored secret', async () => {
    const { id } = await call<{ id: string }>('/seed', {})
    const t = setup()
    render(<ConnectButton {...t.props} accountId={id} />)
    await open()

    const subdomain = dialog().getByRole('textbox', { name: 'Subdomain' })
    await expect.element(subdomain).toHaveValue('acme')
    expect(dialog().getByRole('button', { name: 'Xero' }).elements()).toHaveLength(0)
    await userEvent.fill(subdomain, 'acme-eu')
    await userEvent.click(hubButton('Connect'))

    await vi.waitFor(() => expect(t.calls).toEqual(['success', 'close']), HANG)
    expect(t.props.onSuccess).toHaveBeenCalledWith({ accountId: id, provider: 'bamboohr', mode: 'edit' })
    expect(await call<WireAccount[]>('/accounts')).toHaveLength(1)
    expect(await call('/secrets', { id })).toEqual({ api_key: 'bamboo-secret-1' })
  })

  it('when the launcher closes it → onCancel then onClose, and the hub is gone', async () => {
    const t = setup()
    render(<ConnectButton {...t.props} categories={['hris']} />)
    await open()
    await expect.element(integration('BambooHR')).toBeVisible()

    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['cancel', 'close'])
    expect(document.querySelector('.rch-stackone')).toBeNull()
  })

  it('when Escape is pressed → onCancel then onClose', async () => {
    const t = setup()
    render(<ConnectButton {...t.props} categories={['hris']} />)
    await open()
    await expect.element(integration('BambooHR')).toBeVisible()

    await userEvent.keyboard('{Escape}')
    expect(t.calls).toEqual(['cancel', 'close'])
  })
})

describe('given an open StackOne hub whose token expires', () => {
  async function openThenExpire(t: ReturnType<typeof setup>) {
    render(<ConnectButton {...t.props} categories={['hris']} />)
    await open()
    await expect.element(integration('BambooHR')).toBeVisible()
    await call('/expire', { token: t.tokens[0] })
  }

  async function connectBambooHR(secret: string) {
    await userEvent.click(integration('BambooHR'))
    await userEvent.fill(dialog().getByRole('textbox', { name: 'Subdomain' }), 'acme')
    await userEvent.fill(dialog().getByLabelText('API key'), secret)
    await userEvent.click(hubButton('Connect'))
  }

  it('when the page becomes visible again → the adapter finds the token refused, the launcher fetches one new token, the hub carries on', async () => {
    const t = setup()
    await openThenExpire(t)

    document.dispatchEvent(new Event('visibilitychange'))
    await vi.waitFor(
      () => expect(t.events.filter((event) => event.type === 'token_refreshed')).toMatchObject([{ reason: 'expired' }]),
      HANG,
    )
    expect(t.getToken).toHaveBeenCalledTimes(2)

    await connectBambooHR('bamboo-secret-2')
    await vi.waitFor(() => expect(t.calls).toEqual(['success', 'close']), HANG)
    expect(t.getToken).toHaveBeenCalledTimes(2)
  })

  it('when the user clicks in the hub after a while → the token is checked, refreshed once, and the hub starts over with it', async () => {
    const t = setup()
    await openThenExpire(t)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 31_000)
      await userEvent.click(integration('BambooHR'))
      await vi.waitFor(() => expect(t.events.filter((event) => event.type === 'token_refreshed')).toHaveLength(1), HANG)
    } finally {
      vi.useRealTimers()
    }
    await connectBambooHR('bamboo-secret-3')
    await vi.waitFor(() => expect(t.calls).toEqual(['success', 'close']), HANG)
    expect(t.getToken).toHaveBeenCalledTimes(2)
    expect(await call<WireAccount[]>('/accounts')).toHaveLength(1)
  })

  it('when an edit is saved with the expired token → no success is reported; the hub reopens the account with a new token', async () => {
    const { id } = await call<{ id: string }>('/seed', {})
    const t = setup()
    render(<ConnectButton {...t.props} accountId={id} />)
    await open()
    await expect.element(dialog().getByRole('textbox', { name: 'Subdomain' })).toHaveValue('acme')
    await call('/expire', { token: t.tokens[0] })

    await userEvent.fill(dialog().getByRole('textbox', { name: 'Subdomain' }), 'acme-eu')
    await userEvent.click(hubButton('Connect'))
    await vi.waitFor(() => expect(t.events.filter((event) => event.type === 'token_refreshed')).toHaveLength(1), HANG)
    expect(t.getToken).toHaveBeenCalledTimes(2)
    await expect.element(dialog().getByRole('textbox', { name: 'Subdomain' })).toHaveValue('acme')
    expect(t.calls).toEqual([])

    await userEvent.fill(dialog().getByRole('textbox', { name: 'Subdomain' }), 'acme-eu')
    await userEvent.click(hubButton('Connect'))
    await vi.waitFor(() => expect(t.calls).toEqual(['success', 'close']), HANG)
    expect(t.props.onSuccess).toHaveBeenCalledWith({ accountId: id, provider: 'bamboohr', mode: 'edit' })
  })

  it('when the refreshed token is refused too → a token_expired error with Retry, after exactly one refresh', async () => {
    const t = setup(async (session) => {
      const { token } = await call<{ token: string }>('/token', session)
      await call('/expire', { token })
      return token
    })
    render(<ConnectButton {...t.props} categories={['hris']} />)
    await open()

    await vi.waitFor(() => expect(t.calls).toEqual(['error']), HANG)
    expect(t.props.onError.mock.calls[0]?.[0]).toMatchObject({ code: 'token_expired' })
    expect(t.getToken).toHaveBeenCalledTimes(2)
    await expect.element(page.getByRole('button', { name: 'Retry' })).toBeVisible()
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['error', 'cancel', 'close'])
  })
})
