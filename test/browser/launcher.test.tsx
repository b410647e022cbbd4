import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectButton, type ConnectHubOptions, type GetToken, type HubFactory, useConnectHub } from '../../src/index.ts'
import { frames, guardEachTest, hubOrigin, hubUrl, openDialog, recorder } from './harness.ts'

const guard = guardEachTest()
const closeDialog = () => userEvent.click(screen.getByRole('button', { name: 'Close' }))
const setup = recorder

function HookUser({ target, ...options }: ConnectHubOptions & { target: { hub?: ReturnType<typeof useConnectHub> } }) {
  target.hub = useConnectHub(options)
  return null
}

describe('given a ConnectButton and a hub on another origin', () => {
  it('when clicked → it fetches one token, loads the hub and hands the token over by message', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} categories={['hris', 'hrisLegacy']} type="TEST" {...t.callbacks} />)
    const button = screen.getByRole('button', { name: 'Connect' })
    await userEvent.click(button)

    const dialog = await screen.findByRole('dialog', { name: 'Connect an account' })
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    expect(t.getToken).toHaveBeenCalledTimes(1)
    expect(t.getToken.mock.calls[0]?.[0]).toEqual({ categories: ['hris', 'hris-legacy'], type: 'test' })
    expect(t.getToken.mock.calls[0]?.[1].signal).toBeInstanceOf(AbortSignal)
    expect(t.hubEvent('init')[0]?.data).toEqual({
      token: 'tok_1_xxxxxxxxxxxxxxxxxxxxxxxx',
      session: { categories: ['hris', 'hris-legacy'], type: 'test' },
    })
    await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'open'))
    expect(button).toHaveAttribute('data-state', 'open')
    expect(frames()).toHaveLength(1)

    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['cancel', 'close'])
  })

  it('when the hub loads → the token appears in no URL that the host or the hub requested', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    const token = (t.hubEvent('init')[0]?.data as { token?: string } | undefined)?.token ?? 'missing'
    const served: string[] = await (await fetch(`${hubOrigin}/__log`)).json()
    const loaded = t.hubEvent('loaded')[0]?.data as { href: string; resources: string[] }
    const urls = [...served, loaded.href, ...loaded.resources, ...performance.getEntriesByType('resource').map((entry) => entry.name)]
    expect(urls.some((url) => url.includes('/hub.html'))).toBe(true)
    expect(urls.filter((url) => url.includes(token))).toEqual([])
    expect(new URL(loaded.href).searchParams.get('origin')).toBe(window.location.origin)
    expect(new URL(loaded.href).searchParams.get('v')).toBe('1')
    await closeDialog()
  })

  it('when the hub reports success → onSuccess then onClose, the dialog closes and focus returns to the button', async () => {
    const t = setup()
    document.body.style.overflow = ''
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('success')} accountId="acc_1" prefetch="none" {...t.callbacks} />)
    const button = screen.getByRole('button', { name: 'Edit connection' })
    await userEvent.click(button)
    await waitFor(() => expect(t.calls).toEqual(['success', 'close']))
    expect(t.callbacks.onSuccess).toHaveBeenCalledWith({ accountId: 'acc_1', provider: 'hibob', mode: 'edit' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('when the hub sends success twice → onSuccess is called once', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('success-twice')} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(t.calls).toEqual(['success', 'close']))
    expect(t.callbacks.onSuccess).toHaveBeenCalledTimes(1)
  })

  it('when the hub cancels → onCancel then onClose', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('cancel')} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(t.calls).toEqual(['cancel', 'close']))
    expect(t.callbacks.onSuccess).not.toHaveBeenCalled()
  })

  it('when Escape is pressed → the dialog closes as a cancel, focus and the page overflow are restored', async () => {
    const t = setup()
    document.body.style.overflow = 'clip'
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} {...t.callbacks} />)
    const button = screen.getByRole('button')
    await userEvent.click(button)
    await screen.findByRole('dialog')
    expect(document.body.style.overflow).toBe('hidden')
    screen.getByRole('button', { name: 'Close' }).focus()
    await userEvent.keyboard('{Escape}')
    expect(t.calls).toEqual(['cancel', 'close'])
    expect(document.body.style.overflow).toBe('clip')
    expect(document.activeElement).toBe(button)
    document.body.style.overflow = ''
  })

  it('when the hub reports an error → onError with hub_error and its message, an alert in plain words with Retry inside the dialog', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('error')} {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    const alert = await screen.findByRole('alert')
    expect(t.callbacks.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'hub_error', message: expect.stringContaining('The hub broke') }),
    )
    await waitFor(() => expect(alert).toHaveTextContent('The connection service ran into a problem. Please try again.'))
    expect(screen.getByRole('button', { name: 'Retry' })).toHaveFocus()
    expect(screen.getByRole('button', { name: 'Connect' })).toHaveAttribute('data-state', 'error')
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['error', 'cancel', 'close'])
  })

  it('when the hub never says ready → hub_unavailable, and Retry loads it again', async () => {
    const t = setup()
    // The first load is a page that never says ready; only it must hit the short limit. The hub that Retry
    // loads gets the default limit, read (like every option) from the latest render when it starts.
    // An id of its own: the browser projects may share the fixture server, and each must be served the broken page first.
    // No prefetch: a hover's pre-loaded hub would meet the short limit while hidden, be dropped quietly, and leave
    // the click the second load of the id (the good page) on a machine slow between pointer move and click.
    const url = hubUrl('none', `&fail-once=${crypto.randomUUID()}`)
    const { rerender } = render(<ConnectButton getToken={t.getToken} hubUrl={url} hubTimeout={200} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await screen.findByRole('alert')
    expect(t.callbacks.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'hub_unavailable' }))
    // Retry keeps a token that arrived before the failure. On a busy machine the 200 ms can run out first: a request
    // under way is aborted with the hub (or was not made yet), and Retry asks once more.
    const kept = t.events.some((event) => event.type === 'token_received')
    const asked = t.getToken.mock.calls.length
    expect(asked).toBeLessThanOrEqual(1)
    rerender(<ConnectButton getToken={t.getToken} hubUrl={url} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    await waitFor(() => expect(screen.getByRole('dialog')).toHaveAttribute('data-state', 'open'))
    expect(t.getToken).toHaveBeenCalledTimes(kept ? 1 : asked + 1)
    expect(frames()).toHaveLength(1)
    await closeDialog()
  })

  it('when the hub reports token_expired → exactly one refresh, delivered as a token message', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('expire')} {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(t.hubEvent('token')).toHaveLength(1))
    expect(t.getToken).toHaveBeenCalledTimes(2)
    expect(t.hubEvent('token')[0]?.data).toEqual({ token: 'tok_2_xxxxxxxxxxxxxxxxxxxxxxxx' })
    expect(t.events.filter((event) => event.type === 'token_refreshed')).toHaveLength(1)
    await closeDialog()
  })

  it('when the refreshed token expires at once → token_expired, no second refresh', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('expire-twice')} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await screen.findByRole('alert')
    expect(t.callbacks.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_expired' }))
    expect(t.getToken).toHaveBeenCalledTimes(2)
    await closeDialog()
  })

  it('when ten clicks arrive at once → one token request and one iframe', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} prefetch="none" {...t.callbacks} />)
    const button = screen.getByRole('button')
    act(() => {
      for (let i = 0; i < 10; i++) fireEvent.click(button)
    })
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    expect(t.getToken).toHaveBeenCalledTimes(1)
    expect(frames()).toHaveLength(1)
    expect(document.querySelectorAll('dialog')).toHaveLength(1)
    await closeDialog()
  })

  it('under StrictMode with prefetch on mount → one token request and one iframe', async () => {
    const t = setup()
    render(
      <StrictMode>
        <ConnectButton getToken={t.getToken} hubUrl={hubUrl()} prefetch="mount" {...t.callbacks} />
      </StrictMode>,
    )
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(screen.getByRole('dialog')).toHaveAttribute('data-state', 'open'))
    expect(t.getToken).toHaveBeenCalledTimes(1)
    expect(frames()).toHaveLength(1)
    await userEvent.keyboard('{Escape}')
    expect(t.calls).toEqual(['cancel', 'close'])
  })

  it('when it unmounts while the token loads → the request is aborted and no hub stays behind', async () => {
    let signal: AbortSignal | undefined
    const getToken = vi.fn<GetToken>((_session, context) => {
      signal = context.signal
      return new Promise(() => {})
    })
    const { unmount } = render(<ConnectButton getToken={getToken} hubUrl={hubUrl()} />)
    await userEvent.click(screen.getByRole('button'))
    await screen.findByRole('dialog')
    expect(signal?.aborted).toBe(false)
    unmount()
    await waitFor(() => expect(signal?.aborted).toBe(true))
    expect(frames()).toHaveLength(0)
  })

  it('when a second launcher opens while one is open → it is blocked and only one hub exists', async () => {
    const t = setup()
    const second: { hub?: ReturnType<typeof useConnectHub> } = {}
    render(
      <>
        <ConnectButton getToken={t.getToken} hubUrl={hubUrl()} prefetch="none" />
        <HookUser target={second} getToken={t.getToken} hubUrl={hubUrl()} onEvent={t.callbacks.onEvent} />
      </>,
    )
    await userEvent.click(screen.getByRole('button'))
    await screen.findByRole('dialog')
    act(() => second.hub?.open())
    expect(t.events.map((event) => event.type)).toContain('open_blocked')
    expect(document.querySelectorAll('dialog')).toHaveLength(1)
    expect(second.hub?.isOpen).toBe(false)
    await closeDialog()
  })
})

describe('given messages that are not from the hub', () => {
  it('when the host page posts a success itself → it is ignored (origin)', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    window.postMessage({ protocol: 'connect-hub', version: 1, type: 'success', account: { id: 'x', provider: 'y' }, mode: 'create' }, '*')
    await waitFor(() => expect(t.events.some((event) => event.type === 'message_ignored' && event.reason === 'origin')).toBe(true))
    expect(t.callbacks.onSuccess).not.toHaveBeenCalled()
    await closeDialog()
  })

  it('when another window of the hub origin posts success → it is ignored (source)', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    const sibling = document.createElement('iframe')
    sibling.src = `${hubOrigin}/sibling.html?origin=${encodeURIComponent(window.location.origin)}`
    document.body.append(sibling)
    await waitFor(() => expect(t.events.filter((event) => event.type === 'message_ignored' && event.reason === 'source')).toHaveLength(2))
    sibling.remove()
    expect(t.callbacks.onSuccess).not.toHaveBeenCalled()
    expect(screen.getByRole('dialog')).toHaveAttribute('data-state', 'open')
    await closeDialog()
  })

  it('when the hub itself sends malformed messages → they are ignored (shape)', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('garbage')} {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    expect(t.events.filter((event) => event.type === 'message_ignored' && event.reason === 'shape')).toHaveLength(4)
    expect(t.calls).toEqual([])
    await closeDialog()
  })
})

describe('given an inline hub', () => {
  it('when the hub reports its height → the frame follows it', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('resize')} display="inline" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    const region = await screen.findByRole('region', { name: 'Connect an account' })
    await waitFor(() => expect(region.querySelector('iframe')?.getBoundingClientRect().height).toBe(321))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(region.parentElement).toHaveClass('rch-slot')
  })
})

describe('given prefetch', () => {
  it('when the pointer rests on the button → the token and the hub are ready before the click, and the click shows that same frame without reloading it', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} {...t.callbacks} />)
    const button = screen.getByRole('button')
    await userEvent.hover(button)
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    const frame = frames()[0]
    expect(screen.queryByRole('dialog')).toBeNull()

    await userEvent.click(button)
    const dialog = screen.getByRole('dialog')
    expect(dialog).toHaveAttribute('data-state', 'open')
    expect(frames()[0]).toBe(frame)
    expect(t.hubEvent('loaded')).toHaveLength(1)
    expect(t.getToken).toHaveBeenCalledTimes(1)
    await closeDialog()
  })

  it('when a pre-loaded hub that is not on screen reports success → it is ignored', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('success')} prefetch="mount" {...t.callbacks} />)
    await waitFor(() => expect(t.events.some((event) => event.type === 'message_ignored' && event.reason === 'hidden')).toBe(true))
    expect(t.callbacks.onSuccess).not.toHaveBeenCalled()
  })

  it('when the button scrolls into view with prefetch="visible" → the token is fetched once', async () => {
    const t = setup()
    render(
      <div style={{ height: 200, overflow: 'auto' }} data-testid="scroller">
        <div style={{ height: 2000 }} />
        <ConnectButton getToken={t.getToken} hubUrl={hubUrl()} prefetch="visible" {...t.callbacks} />
      </div>,
    )
    expect(t.getToken).not.toHaveBeenCalled()
    screen.getByRole('button').scrollIntoView()
    await waitFor(() => expect(t.getToken).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
  })
})

describe('given callbacks that throw', () => {
  it('when onSuccess throws → the error is logged once and the dialog still closes with onClose', async () => {
    const t = setup()
    const onSuccess = vi.fn(() => {
      throw new Error('host bug')
    })
    const consoleError = guard.consoleError().mockImplementation(() => {})
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('success')} prefetch="none" {...t.callbacks} onSuccess={onSuccess} />)
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(t.callbacks.onClose).toHaveBeenCalledTimes(1))
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(consoleError).toHaveBeenCalledTimes(1)
    expect(consoleError.mock.calls[0]?.[0]).toBe('react-connect-hub: onSuccess threw')
    consoleError.mockClear()
  })
})

describe('given the rule that a token serves one user and one open (StrictMode)', () => {
  /** A getToken bound to one organisation, as an org switcher would create; tokens name their owner. */
  const tokensFor = (org: string) => {
    let issued = 0
    return vi.fn<GetToken>(async () => `tok_${org}_${++issued}_${'x'.repeat(24)}`)
  }
  const initToken = (t: ReturnType<typeof setup>, index: number) =>
    (t.hubEvent('init')[index]?.data as { token?: string } | undefined)?.token
  const strict = (props: Partial<ConnectHubOptions> & Pick<ConnectHubOptions, 'getToken'>) => (
    <StrictMode>
      <ConnectButton hubUrl={hubUrl()} {...props} />
    </StrictMode>
  )

  it('when the same button is re-rendered with a getToken bound to another org after a prefetch → the click uses the new owner’s getToken and token', async () => {
    const t = setup()
    const alice = tokensFor('alice')
    const bob = tokensFor('bob')
    const { rerender } = render(strict({ getToken: alice, ...t.callbacks }))
    await userEvent.hover(screen.getByRole('button'))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    expect(initToken(t, 0)).toMatch(/^tok_alice_1_/)

    rerender(strict({ getToken: bob, ...t.callbacks }))
    expect(frames()).toHaveLength(0)
    await userEvent.click(screen.getByRole('button'))
    await openDialog()
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(2))
    expect(initToken(t, 1)).toMatch(/^tok_bob_1_/)
    expect(alice).toHaveBeenCalledTimes(1)
    expect(bob).toHaveBeenCalledTimes(1)
    await closeDialog()
  })

  it('when identity changes (one getToken that reads the current org) → the prefetched token is dropped and the click fetches the new owner’s', async () => {
    const t = setup()
    const current = { org: 'alice' }
    const byOrg = { alice: tokensFor('alice'), bob: tokensFor('bob') }
    const getToken = vi.fn<GetToken>((session, context) => byOrg[current.org as 'alice' | 'bob'](session, context))
    const { rerender } = render(strict({ getToken, identity: 'alice', ...t.callbacks }))
    await userEvent.hover(screen.getByRole('button'))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    expect(initToken(t, 0)).toMatch(/^tok_alice_1_/)

    current.org = 'bob'
    rerender(strict({ getToken, identity: 'bob', ...t.callbacks }))
    expect(frames()).toHaveLength(0)
    await userEvent.click(screen.getByRole('button'))
    await openDialog()
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(2))
    expect(initToken(t, 1)).toMatch(/^tok_bob_1_/)
    expect(getToken).toHaveBeenCalledTimes(2)
    await closeDialog()
  })

  it('when identity changes while the hub is on screen → the hub closes as a cancel, and the next open asks the new owner', async () => {
    const t = setup()
    const getToken = tokensFor('alice')
    const { rerender } = render(strict({ getToken, identity: 'alice', prefetch: 'none', ...t.callbacks }))
    await userEvent.click(screen.getByRole('button'))
    await openDialog()
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    const bob = tokensFor('bob')
    rerender(strict({ getToken: bob, identity: 'bob', prefetch: 'none', ...t.callbacks }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(t.calls).toEqual(['cancel', 'close'])
    await userEvent.click(screen.getByRole('button'))
    await openDialog()
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(2))
    expect(initToken(t, 1)).toMatch(/^tok_bob_1_/)
    await closeDialog()
  })

  it('when identity is given and getToken is an inline function re-created on every render → the prefetch is dropped, and the click asks the current getToken', async () => {
    const t = setup()
    const { rerender } = render(strict({ getToken: (...args) => t.getToken(...args), identity: 'alice', ...t.callbacks }))
    await userEvent.hover(screen.getByRole('button'))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    rerender(strict({ getToken: (...args) => t.getToken(...args), identity: 'alice', ...t.callbacks }))
    expect(frames()).toHaveLength(0)
    await userEvent.click(screen.getByRole('button'))
    await openDialog()
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(2))
    expect(initToken(t, 1)).toMatch(/^tok_2_/)
    expect(t.getToken).toHaveBeenCalledTimes(2)
    await closeDialog()
  })

  it('when getToken is stable and nothing it was made for changed across re-renders → the click shows the pre-loaded hub with its prefetched token', async () => {
    const t = setup()
    const { rerender } = render(strict({ getToken: t.getToken, identity: 'alice', ...t.callbacks }))
    await userEvent.hover(screen.getByRole('button'))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    const frame = frames()[0]
    for (let i = 0; i < 3; i++) rerender(strict({ getToken: t.getToken, identity: 'alice', ...t.callbacks, onSuccess: () => {} }))
    await userEvent.click(screen.getByRole('button'))
    expect(screen.getByRole('dialog')).toHaveAttribute('data-state', 'open')
    expect(frames()[0]).toBe(frame)
    expect(t.hubEvent('init')).toHaveLength(1)
    expect(t.getToken).toHaveBeenCalledTimes(1)
    await closeDialog()
  })

  it('when getToken is an inline function and the host re-renders while the hub is open → one token for that open', async () => {
    const t = setup()
    const { rerender } = render(strict({ getToken: (...args) => t.getToken(...args), prefetch: 'none', ...t.callbacks }))
    await userEvent.click(screen.getByRole('button'))
    await openDialog()
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    for (let i = 0; i < 3; i++) rerender(strict({ getToken: (...args) => t.getToken(...args), prefetch: 'none', ...t.callbacks }))
    expect(screen.getByRole('dialog')).toHaveAttribute('data-state', 'open')
    expect(t.getToken).toHaveBeenCalledTimes(1)
    await closeDialog()
  })

  it('when the hub reports success → the next open requests a new token', async () => {
    const t = setup()
    render(strict({ getToken: t.getToken, hubUrl: hubUrl('success'), prefetch: 'none', ...t.callbacks }))
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(t.calls).toEqual(['success', 'close']))
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(t.calls).toEqual(['success', 'close', 'success', 'close']))
    expect(t.getToken).toHaveBeenCalledTimes(2)
    expect(initToken(t, 0)).toMatch(/^tok_1_/)
    expect(initToken(t, 1)).toMatch(/^tok_2_/)
  })

  it('when the hub is closed and opened again → the reopen requests a new token', async () => {
    const t = setup()
    render(strict({ getToken: t.getToken, ...t.callbacks }))
    await userEvent.click(screen.getByRole('button'))
    await openDialog()
    await closeDialog()
    await userEvent.click(screen.getByRole('button'))
    await openDialog()
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(2))
    expect(t.getToken).toHaveBeenCalledTimes(2)
    expect(initToken(t, 1)).toMatch(/^tok_2_/)
    await closeDialog()
  })

  it('when prefetched → the click uses the prefetched token once, and the open after it asks again', async () => {
    const t = setup()
    render(strict({ getToken: t.getToken, ...t.callbacks }))
    await userEvent.hover(screen.getByRole('button'))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    await userEvent.click(screen.getByRole('button'))
    expect(screen.getByRole('dialog')).toHaveAttribute('data-state', 'open')
    expect(t.getToken).toHaveBeenCalledTimes(1)
    await closeDialog()
    await userEvent.click(screen.getByRole('button'))
    await openDialog()
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(2))
    expect(t.getToken).toHaveBeenCalledTimes(2)
    expect(initToken(t, 0)).toMatch(/^tok_1_/)
    expect(initToken(t, 1)).toMatch(/^tok_2_/)
    await closeDialog()
  })
})

describe('given a pre-loaded hub and an input it was made for that changes before the click (StrictMode)', () => {
  const strict = (props: Partial<ConnectHubOptions> & Pick<ConnectHubOptions, 'getToken'>) => (
    <StrictMode>
      <ConnectButton hubUrl={hubUrl()} {...props} />
    </StrictMode>
  )
  /** A component hub in the launcher's own document: it says ready at once and shows the token it was given. */
  const componentHub: HubFactory = ({ container, callbacks }) => {
    const node = document.createElement('p')
    node.dataset.testid = 'component-hub'
    container.append(node)
    queueMicrotask(() => callbacks.ready())
    return {
      start: (token) => {
        node.textContent = token
      },
      refresh: (token) => {
        node.textContent = token
      },
      focus: () => {},
      destroy: () => node.remove(),
    }
  }
  const orgB = vi.fn<GetToken>(async () => `tok_orgb_${'x'.repeat(24)}`)
  const shown = (t: ReturnType<typeof setup>) => async () => {
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(2))
    return (t.hubEvent('init')[1]?.data as { token?: string } | undefined)?.token
  }
  const cases: [string, Partial<ConnectHubOptions>, (t: ReturnType<typeof setup>) => () => Promise<string | undefined>][] = [
    [
      'hubUrl',
      { hubUrl: hubUrl('none', '&hub=b') },
      (t) => async () => {
        await openDialog()
        expect(frames()[0]?.src).toContain('hub=b')
        return shown(t)()
      },
    ],
    [
      'display',
      { display: 'inline' },
      (t) => async () => {
        await screen.findByRole('region', { name: 'Connect an account' })
        expect(screen.queryByRole('dialog')).toBeNull()
        return shown(t)()
      },
    ],
    [
      'hub',
      { hub: componentHub },
      () => async () => {
        await openDialog()
        expect(frames()).toHaveLength(0)
        return (await screen.findByText(/^tok_/)).textContent ?? undefined
      },
    ],
    [
      'getToken, with the same identity',
      { getToken: orgB },
      (t) => async () => {
        await openDialog()
        return shown(t)()
      },
    ],
  ]

  it.each(cases)(
    'when %s changes → the hub shown is the new one, its token from the current getToken, asked again',
    async (input, change, newHub) => {
      const t = setup()
      orgB.mockClear()
      const props = { getToken: t.getToken, identity: 'user-1', ...t.callbacks }
      const { rerender } = render(strict(props))
      await userEvent.hover(screen.getByRole('button'))
      await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
      rerender(strict({ ...props, ...change }))
      expect(frames()).toHaveLength(0)
      await userEvent.click(screen.getByRole('button'))
      const token = await newHub(t)()
      if (input.startsWith('getToken')) {
        expect(t.getToken).toHaveBeenCalledTimes(1)
        expect(orgB).toHaveBeenCalledTimes(1)
        expect(token).toMatch(/^tok_orgb_/)
      } else {
        expect(t.getToken).toHaveBeenCalledTimes(2)
        expect(token).toMatch(/^tok_2_/)
      }
      expect(t.calls).toEqual([])
    },
  )
})

describe('given a hub that reloads itself', () => {
  it('when it reloads once after init → it says ready again and gets init again, with a token', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={`${hubOrigin}/reload-hub.html?times=1`} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(2))
    expect(t.hubEvent('init').map((event) => event.data)).toEqual([
      { token: 'tok_1_xxxxxxxxxxxxxxxxxxxxxxxx', reloads: 0 },
      { token: 'tok_1_xxxxxxxxxxxxxxxxxxxxxxxx', reloads: 1 },
    ])
    expect(t.getToken).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('dialog')).toHaveAttribute('data-state', 'open')
    await closeDialog()
    expect(t.calls).toEqual(['cancel', 'close'])
  })

  it('when it reloads in a loop → hub_unavailable with Retry, never silence', async () => {
    const t = setup()
    render(<ConnectButton getToken={t.getToken} hubUrl={`${hubOrigin}/reload-hub.html?times=1000`} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await screen.findByRole('alert')
    expect(t.callbacks.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'hub_unavailable', message: expect.stringMatching(/reloaded/) }),
    )
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(t.hubEvent('init')).toHaveLength(4)
    expect(frames()).toHaveLength(0)
    await closeDialog()
    expect(t.calls).toEqual(['error', 'cancel', 'close'])
  })
})
