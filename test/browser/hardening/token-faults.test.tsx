import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectButton, type GetToken } from '../../../src'
import { frames, guardEachTest, hubUrl, openDialog, recorder } from '../harness'

guardEachTest()

const GOOD = `tok_good_${'x'.repeat(24)}`

/** The first getToken call misbehaves as given; every later call returns GOOD. */
const faulty = (first: GetToken) => {
  let calls = 0
  return vi.fn<GetToken>((session, context) => (++calls === 1 ? first(session, context) : Promise.resolve(GOOD)))
}

const FAULTS: [string, string, GetToken][] = [
  ['rejects with an Error', 'token_failed', () => Promise.reject(new Error('backend down'))],
  ['rejects with a string', 'token_failed', () => Promise.reject('backend down')],
  ['rejects with an object without a prototype', 'token_failed', () => Promise.reject(Object.create(null))],
  [
    'throws synchronously',
    'token_failed',
    () => {
      throw new Error('sync failure')
    },
  ],
  ['hangs past tokenTimeout', 'token_timeout', () => new Promise(() => {})],
  ['returns undefined', 'invalid_token', () => Promise.resolve(undefined as unknown as string)],
  ['returns an empty string', 'invalid_token', () => Promise.resolve('')],
  ['returns a number', 'invalid_token', () => Promise.resolve(42 as unknown as string)],
  ['returns { token: "" }', 'invalid_token', () => Promise.resolve({ token: '' })],
  ['returns a 1 MB string', 'invalid_token', () => Promise.resolve('t'.repeat(1024 * 1024))],
  ['returns an already expired token', 'invalid_token', () => Promise.resolve({ token: GOOD, expiresAt: Date.now() - 60_000 })],
]

describe('given a ConnectButton whose getToken misbehaves once', () => {
  it.each(FAULTS)('when getToken %s → %s in onError and in the dialog with Retry, and Retry recovers', async (_, code, first) => {
    const t = recorder()
    const getToken = faulty(first)
    // showErrorDetails: the developer's message shows in the dialog too, under the end user's words.
    const { rerender } = render(
      <ConnectButton getToken={getToken} hubUrl={hubUrl()} prefetch="none" tokenTimeout={200} showErrorDetails {...t.callbacks} />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))

    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'error'))
    expect(t.callbacks.onError).toHaveBeenCalledTimes(1)
    const error = t.callbacks.onError.mock.calls[0] as unknown as [{ code: string; message: string }]
    expect(error[0].code).toBe(code)
    expect(error[0].message).toMatch(/^react-connect-hub: /)
    expect(error[0].message.length).toBeLessThan(500)
    const alert = screen.getByRole('alert')
    // Not toBeVisible(): the dialog may still be fading in (opacity 0 on its first frame).
    expect(getComputedStyle(alert).display).toBe('grid')
    await waitFor(() => expect(alert).toHaveTextContent(error[0].message.replace(/^react-connect-hub: /, '')))
    expect(screen.getByRole('button', { name: 'Retry' })).toHaveFocus()
    expect(screen.getByRole('button', { name: 'Connect' })).toHaveAttribute('data-state', 'error')

    // Only the hanging first call must meet the short limit: the token Retry asks for gets the default one, read
    // (like every option) from the latest render, so a loaded machine cannot fail what must succeed.
    rerender(<ConnectButton getToken={getToken} hubUrl={hubUrl()} prefetch="none" showErrorDetails {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    expect(t.hubEvent('init')[0]?.data).toMatchObject({ token: GOOD })
    await openDialog()
    expect(getToken).toHaveBeenCalledTimes(2)
    expect(screen.queryByRole('alert')).toBeNull()
    expect(t.callbacks.onError).toHaveBeenCalledTimes(1)

    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['error', 'cancel', 'close'])
  })
})

describe('given a token that expires while the hub is open', () => {
  it('when the hub reports token_expired later → one refresh reaches the hub as a token message', async () => {
    const t = recorder()
    render(<ConnectButton getToken={t.getToken} hubUrl={hubUrl('expire-later', '&later=150')} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await openDialog()
    await waitFor(() => expect(t.hubEvent('token')).toHaveLength(1))
    expect(t.hubEvent('token')[0]?.data).toEqual({ token: `tok_2_${'x'.repeat(24)}` })
    expect(t.getToken).toHaveBeenCalledTimes(2)
    expect(t.calls).toEqual([])
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  })

  it('when the refresh fails → token_failed with Retry, and Retry opens the hub with a new token', async () => {
    const t = recorder()
    let calls = 0
    const getToken = vi.fn<GetToken>(async () => {
      calls++
      if (calls === 2) throw new Error('refresh refused')
      return `tok_${calls}_${'x'.repeat(24)}`
    })
    // Only the first token expires: the hub loaded again by Retry keeps the new one.
    render(<ConnectButton getToken={getToken} hubUrl={hubUrl('expire-later', '&later=150&only=tok_1_')} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await screen.findByRole('alert')
    expect(t.callbacks.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_failed' }))
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(2))
    expect(t.hubEvent('init')[1]?.data).toMatchObject({ token: `tok_3_${'x'.repeat(24)}` })
    await openDialog()
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['error', 'cancel', 'close'])
  })
})

describe('given a slow getToken', () => {
  function slow() {
    const pending: { resolve: (token: string) => void; signal: AbortSignal; answered: Promise<string> }[] = []
    const getToken = vi.fn<GetToken>((_session, { signal }) => {
      let resolve = (_token: string) => {}
      const answered = new Promise<string>((settle) => (resolve = settle))
      pending.push({ resolve, signal, answered })
      return answered
    })
    /**
     * Answers call `index` late and returns once the answer has been dealt with: its own promise settled, then a task
     * boundary, which comes after every promise reaction the launcher chained behind it.
     */
    async function answerLate(index: number) {
      const call = pending[index]
      call?.resolve(GOOD)
      await call?.answered
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    return { getToken, pending, answerLate }
  }

  it('when the component unmounts while it loads → the request is aborted, nothing is reported, and a late answer changes nothing', async () => {
    const t = recorder()
    const s = slow()
    const { unmount } = render(<ConnectButton getToken={s.getToken} hubUrl={hubUrl()} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await screen.findByRole('dialog')
    await waitFor(() => expect(s.pending).toHaveLength(1))
    unmount()
    await waitFor(() => expect(s.pending[0]?.signal.aborted).toBe(true))
    await s.answerLate(0)
    expect(frames()).toHaveLength(0)
    expect(t.calls).toEqual([])
    expect(t.events.map((event) => event.type)).not.toContain('token_received')
  })

  it('when the user closes while it loads → onCancel and onClose, the request is aborted, a late answer changes nothing, and the next click works', async () => {
    const t = recorder()
    const s = slow()
    render(<ConnectButton getToken={s.getToken} hubUrl={hubUrl()} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await screen.findByRole('dialog')
    await waitFor(() => expect(s.pending).toHaveLength(1))
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['cancel', 'close'])
    expect(s.pending[0]?.signal.aborted).toBe(true)
    await s.answerLate(0)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(frames()).toHaveLength(0)
    expect(screen.getByRole('button')).toHaveAttribute('data-state', 'idle')
    expect(t.events.map((event) => event.type)).not.toContain('token_received')

    await userEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(s.pending).toHaveLength(2))
    s.pending[1]?.resolve(GOOD)
    await waitFor(() => expect(t.hubEvent('init')).toHaveLength(1))
    await openDialog()
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['cancel', 'close', 'cancel', 'close'])
    expect(t.callbacks.onError).not.toHaveBeenCalled()
  })
})
