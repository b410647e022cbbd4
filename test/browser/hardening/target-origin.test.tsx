import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectButton } from '../../../src'
import { frames, guardEachTest, hubUrl, openDialog, recorder } from '../harness'
import { heldTokens, listenerReports } from './listener'

guardEachTest()

/** The same host on another port: what the hub's frame navigates to. */
const elsewhere = inject('hubOriginOtherPort')
const FIRST = `tok_first_${'x'.repeat(24)}`
const REFRESHED = `tok_refreshed_${'x'.repeat(24)}`

describe('given a hub frame that navigated to another origin (targetOrigin is the hub’s, never "*")', () => {
  it('when the hub said ready and left before the token came → the page now in the frame receives no init', async () => {
    const t = recorder()
    const listener = listenerReports()
    const tokens = heldTokens()
    const to = encodeURIComponent(`${elsewhere}/listener.html`)
    render(
      <ConnectButton getToken={tokens.getToken} hubUrl={hubUrl('ready-then-navigate', `&to=${to}`)} prefetch="none" {...t.callbacks} />,
    )
    await userEvent.click(screen.getByRole('button'))
    // The hub's ready counted (it came from the hub's origin), and the frame now holds the other origin's page.
    await waitFor(() => expect(t.events.map((event) => event.type)).toContain('hub_ready'))
    await waitFor(() => expect(listener.loaded()?.origin).toBe(elsewhere))
    await tokens.answer(1, FIRST)
    // Open: the launcher has the token and posted init, to the hub's origin only.
    await openDialog()
    expect(await listener.receivedBefore(frames()[0])).toEqual([])
    expect(JSON.stringify(listener.reports)).not.toContain(FIRST)
    expect(t.calls).toEqual([])
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['cancel', 'close'])
  })

  it('when the hub reported token_expired and left before the refresh came → the page now in the frame receives no token', async () => {
    const t = recorder()
    const listener = listenerReports()
    const tokens = heldTokens()
    const to = encodeURIComponent(`${elsewhere}/listener.html`)
    render(
      <ConnectButton getToken={tokens.getToken} hubUrl={hubUrl('expire-then-navigate', `&to=${to}`)} prefetch="none" {...t.callbacks} />,
    )
    await userEvent.click(screen.getByRole('button'))
    await tokens.answer(1, FIRST)
    await openDialog()
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    expect(t.hubEvent('init')[0]?.data).toMatchObject({ token: FIRST })
    await waitFor(() => expect(listener.loaded()?.origin).toBe(elsewhere))
    await tokens.answer(2, REFRESHED)
    // The refresh is reported as it is handed over: by then the launcher has posted it, to the hub's origin only.
    await waitFor(() => expect(t.events.map((event) => event.type)).toContain('token_refreshed'))
    expect(await listener.receivedBefore(frames()[0])).toEqual([])
    expect(JSON.stringify(listener.reports)).not.toContain(REFRESHED)
    expect(t.hubEvent('token')).toEqual([])
    expect(t.calls).toEqual([])
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['cancel', 'close'])
  })
})
