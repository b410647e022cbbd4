import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectButton } from '../../../src'
import { frames, guardEachTest, hubOrigin, hubUrl, openDialog, recorder } from '../harness'
import { heldTokens, listenerReports } from './listener'

guardEachTest()

const host = encodeURIComponent(window.location.origin)
const TOKEN = `tok_held_${'x'.repeat(24)}`

describe('given a hub that fails', () => {
  it.each([
    // A 404 with a script of its own that reports every message reaching it: a token posted to it would show.
    ['a 404 page', `${hubOrigin}/listener.html?status=404`],
    ['a hub that never says ready', hubUrl('none', '&silent')],
  ])('when the hub is %s → hub_unavailable in onError and in the dialog with Retry, and the token never leaves', async (_, url) => {
    const t = recorder()
    const listener = listenerReports()
    render(<ConnectButton getToken={t.getToken} hubUrl={url} hubTimeout={300} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'error'))
    expect(t.callbacks.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'hub_unavailable' }))
    expect(t.callbacks.onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringContaining('did not answer within 300 ms') }),
    )
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent("The connection service isn't responding."))
    expect(screen.getByRole('button', { name: 'Retry' })).toHaveFocus()
    expect(t.hubEvent('init')).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(t.callbacks.onError).toHaveBeenCalledTimes(2))
    // A failed hub is removed at once (Retry starts a fresh one), so failures never stack frames.
    expect(frames()).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['error', 'error', 'cancel', 'close'])
    expect(listener.messages()).toEqual([])
  })

  it('when the hub URL answers 404 with a page of its own, loaded before the token came → nothing is posted to it, not even once the token is there', async () => {
    const t = recorder()
    const listener = listenerReports()
    const tokens = heldTokens()
    // A limit for a hang, not part of the check: the test closes the dialog long before.
    render(
      <ConnectButton
        getToken={tokens.getToken}
        hubUrl={`${hubOrigin}/listener.html?status=404`}
        hubTimeout={60_000}
        prefetch="none"
        {...t.callbacks}
      />,
    )
    await userEvent.click(screen.getByRole('button'))
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(listener.loaded()?.origin).toBe(hubOrigin))
    await tokens.answer(1, TOKEN)
    // The token is reported as it arrives: a launcher that posted it without ready would have done so by now.
    await waitFor(() => expect(t.events.map((event) => event.type)).toContain('token_received'))
    expect(await listener.receivedBefore(frames()[0])).toEqual([])
    expect(JSON.stringify(listener.reports)).not.toContain(TOKEN)
    expect(dialog).not.toHaveAttribute('data-state', 'open')
    expect(t.calls).toEqual([])
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['cancel', 'close'])
  })

  it.each([
    ['the same host on another port', () => inject('hubOriginOtherPort')],
    ['localhost instead of 127.0.0.1', () => inject('hubOriginLocalhost')],
  ])('when the hub navigates mid-session to %s that speaks the protocol → its messages are ignored', async (_, origin) => {
    const t = recorder()
    const to = encodeURIComponent(`${origin()}/hub.html?then=success&origin=${host}`)
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('navigate', `&to=${to}`)} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    const dialog = await openDialog()
    // The new page says ready and reports itself loaded; the launcher hears both from the right frame and the wrong origin.
    await waitFor(() => expect(t.ignored('origin').length).toBeGreaterThanOrEqual(2))
    expect(t.ignored('origin').every((event) => event.origin === origin())).toBe(true)
    expect(t.hubEvent('init')).toHaveLength(1)
    expect(t.calls).toEqual([])
    expect(dialog).toHaveAttribute('data-state', 'open')
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['cancel', 'close'])
  })

  it('when the hub navigates mid-session to a page that says nothing → the dialog stays open and closes normally', async () => {
    const t = recorder()
    const to = encodeURIComponent(`${hubOrigin}/missing-page.html`)
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('navigate', `&to=${to}`)} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    const dialog = await openDialog()
    const served = async (): Promise<string[]> => (await fetch(`${hubOrigin}/__log`)).json()
    await waitFor(async () => expect((await served()).some((url) => url.startsWith('/missing-page.html'))).toBe(true))
    expect(t.calls).toEqual([])
    expect(t.ignored()).toEqual([])
    expect(dialog).toHaveAttribute('data-state', 'open')
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['cancel', 'close'])
  })

  it('when the hub sends success for two accounts and then more messages → onSuccess once, the rest is ignored after close', async () => {
    const t = recorder()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('success-then-more')} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(t.calls).toEqual(['success', 'close']))
    expect(t.callbacks.onSuccess).toHaveBeenCalledTimes(1)
    expect(t.callbacks.onSuccess).toHaveBeenCalledWith({ accountId: 'acc_1', provider: 'hibob', mode: 'create' })
    // The messages the hub queued behind success arrive once the launcher has closed; a valid one from the
    // next hub proves they were delivered (and dropped) before it.
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getAllByRole('button', { name: 'Connect' })[1] as HTMLElement)
    await openDialog()
    expect(t.calls).toEqual(['success', 'close'])
    expect(t.getToken).toHaveBeenCalledTimes(2)
    expect(screen.queryByRole('alert')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['success', 'close', 'cancel', 'close'])
  })
})
