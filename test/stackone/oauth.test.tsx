import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest'
import { commands, page, userEvent } from 'vitest/browser'
import { ConnectButton, type ConnectHubError, type GetToken } from '../../src'
import { stackOneHub } from '../../src/stackone'
import { HANG } from './limits.ts'

const backend = inject('stackOneBackendUrl')
const call = async <T,>(path: string, body?: unknown): Promise<T> =>
  (await fetch(`${backend}${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) })).json()
const { apiUrl, appUrl, providerUrl } = await call<{ apiUrl: string; appUrl: string; providerUrl: string }>('/setup', {})

interface WireAccount {
  id: string
  provider: string
}

function setup() {
  const calls: string[] = []
  const tokens: string[] = []
  const getToken = vi.fn<GetToken>(async (session) => {
    const { token } = await call<{ token: string }>('/token', session)
    tokens.push(token)
    return token
  })
  const props = {
    hub: stackOneHub({ baseUrl: apiUrl, appUrl }),
    getToken,
    onSuccess: vi.fn(() => calls.push('success')),
    onCancel: vi.fn(() => calls.push('cancel')),
    onClose: vi.fn(() => calls.push('close')),
    onError: vi.fn((_error: ConnectHubError) => calls.push('error')),
  }
  return { calls, tokens, props }
}

const dialog = () => page.getByRole('dialog')
const hubButton = (name: string) => dialog().getByRole('button', { name, exact: true })
const open = () => userEvent.click(screen.getByRole('button', { name: /Connect|Edit connection/ }))

async function startOAuth(provider: string) {
  await userEvent.click(dialog().getByRole('button', { name: provider }))
  await expect.element(dialog().getByText('Press "Connect" below to authenticate')).toBeVisible()
  await userEvent.click(hubButton('Connect'))
}

beforeEach(async () => {
  await call('/reset', {})
})
afterEach(() => {
  cleanup()
})

describe("given StackOne's real hub against the dev API, with appUrl pointing at it", () => {
  for (const coop of [false, true]) {
    it(`when an OAuth provider is allowed (provider page COOP: ${coop}) → the window closes, onSuccess reports the new account`, async () => {
      await call('/coop', { coop })
      const t = setup()
      render(<ConnectButton {...t.props} categories={['crm']} />)
      await open()
      await startOAuth('HubSpot')

      const { windowUrls } = await commands.answerProvider('Allow', providerUrl)
      await vi.waitFor(() => expect(t.calls).toEqual(['success', 'close']), HANG)
      const accounts = await call<WireAccount[]>('/accounts')
      expect(accounts).toMatchObject([{ provider: 'hubspot' }])
      expect(t.props.onSuccess).toHaveBeenCalledWith({ accountId: accounts[0]?.id, provider: 'hubspot', mode: 'create' })

      // StackOne's hub puts the token in the URL it opens; the dev API drops it before the provider and the callback.
      expect(windowUrls.some((url) => url.startsWith(`${providerUrl}/hubspot/oauth/authorize?`))).toBe(true)
      expect(windowUrls.some((url) => url.startsWith(`${appUrl}/embedded/accounts/callback`))).toBe(true)
      expect(windowUrls.filter((url) => url.includes(t.tokens[0] ?? 'no token'))).toEqual([])
    })
  }

  it('when the provider is denied → StackOne shows the refusal, nothing is connected, the hub stays open', async () => {
    const t = setup()
    render(<ConnectButton {...t.props} categories={['messaging']} />)
    await open()
    await startOAuth('Slack')

    await commands.answerProvider('Deny', providerUrl)
    await expect.element(dialog().getByText(/You denied Connect Hub \(dev\) access to your Slack account/)).toBeVisible()
    expect(await call<WireAccount[]>('/accounts')).toEqual([])
    expect(t.calls).toEqual([])
  })

  it('when an OAuth account is reconnected in edit mode → the same account is re-authorised and onSuccess reports mode edit', async () => {
    const { id } = await call<{ id: string }>('/seed', { provider: 'hubspot' })
    const t = setup()
    render(<ConnectButton {...t.props} accountId={id} />)
    await open()
    await expect.element(dialog().getByText('Press "Connect" below to authenticate')).toBeVisible()
    await userEvent.click(hubButton('Connect'))

    await commands.answerProvider('Allow', providerUrl)
    await vi.waitFor(() => expect(t.calls).toEqual(['success', 'close']), HANG)
    expect(t.props.onSuccess).toHaveBeenCalledWith({ accountId: id, provider: 'hubspot', mode: 'edit' })
    expect(await call<WireAccount[]>('/accounts')).toMatchObject([{ id, provider: 'hubspot' }])
  })
})
