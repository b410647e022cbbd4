import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectButton, type GetToken } from '../../src/index.ts'
import { frames, guardEachTest, hubOrigin, hubUrl, openDialog, recorder } from './harness.ts'

guardEachTest()

// Where focus lands when the hub opens depended on which of the hub's ready and the token arrived last, and on
// the order each engine delivered them in: the same test ended with focus in the hub in Firefox and WebKit and
// on the Close button in Chromium. Each order is forced here, in every engine.
describe('given a modal hub, focus moves into it once it is usable on screen', () => {
  it('when the token arrives after the hub said ready → focus moves into the hub', async () => {
    const t = recorder()
    let release: (token: string) => void = () => {}
    const getToken = vi.fn<GetToken>(() => new Promise<string>((resolve) => (release = resolve)))
    render(<ConnectButton getToken={getToken} hubUrl={hubUrl()} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(t.events.map((event) => event.type)).toContain('hub_ready'))
    expect(document.activeElement).not.toBe(frames()[0])
    release(`tok_${'x'.repeat(24)}`)
    await openDialog()
    expect(document.activeElement).toBe(frames()[0])
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  })

  it('when the hub says ready after the token arrived → focus moves into the hub', async () => {
    const t = recorder()
    const held = `focus-${Math.random()}`
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('none', `&hold=${held}`)} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(t.events.map((event) => event.type)).toContain('token_received'))
    // Only now is the hub page served.
    await fetch(`${hubOrigin}/__release?id=${held}`)
    await openDialog()
    expect(t.events.map((event) => event.type).filter((type) => type === 'token_received' || type === 'hub_ready')).toEqual([
      'token_received',
      'hub_ready',
    ])
    expect(document.activeElement).toBe(frames()[0])
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  })

  it('when a pre-loaded hub is shown by the click → focus stays where showModal() put it, on Close, and Escape closes', async () => {
    const t = recorder()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} prefetch="mount" {...t.callbacks} />)
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    expect(screen.getByRole('dialog')).toHaveAttribute('data-state', 'open')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }))
    await userEvent.keyboard('{Escape}')
    expect(t.calls).toEqual(['cancel', 'close'])
  })

  it('when the token is refreshed while the hub is open → focus stays where the user put it', async () => {
    const t = recorder()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl()} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    await openDialog()
    const close = screen.getByRole('button', { name: 'Close' })
    close.focus()
    frames()[0]?.contentWindow?.postMessage(
      { harness: 'post', payloads: [JSON.stringify({ protocol: 'connect-hub', version: 1, type: 'token_expired' })] },
      hubOrigin,
    )
    await waitFor(() => expect(t.hubEvent('token')).toHaveLength(1))
    expect(document.activeElement).toBe(close)
    await userEvent.click(close)
  })
})
