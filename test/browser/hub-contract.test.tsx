import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectButton } from '../../src/index.ts'
import { frames, guardEachTest, hubOrigin, hubUrl, openDialog, recorder } from './harness.ts'

guardEachTest()

describe('given a hub whose analytics events pose as the launcher’s or carry values that are not JSON', () => {
  it('when it sends an event named message_ignored, and events with a 64 MB ArrayBuffer, a Map and a Date → none reaches onEvent as such', async () => {
    const t = recorder()
    const url = `${hubOrigin}/analytics-hub.html`
    render(<ConnectButton getToken={t.getToken} hubUrl={url} prefetch="none" {...t.callbacks} />)
    await userEvent.click(screen.getByRole('button'))
    await openDialog()
    await waitFor(() => expect(t.hubEvent('done')).toHaveLength(1))

    // The hub's own "message_ignored" stays a hub_event: only the launcher reports ignored messages.
    expect(t.hubEvent('message_ignored')).toHaveLength(2)
    expect(t.ignored('origin')).toEqual([])
    // Values JSON cannot carry fail the parser, as malformed messages from the hub's own origin.
    expect(t.hubEvent('big-buffer')).toEqual([])
    expect(t.hubEvent('map')).toEqual([])
    expect(t.hubEvent('date')).toEqual([])
    expect(t.ignored('shape')).toHaveLength(3)
    expect(t.ignored('shape').every((event) => event.origin === hubOrigin)).toBe(true)
    expect(t.hubEvent('done')[0]?.data).toEqual({ plain: ['json', 1, true, null] })
    expect(t.calls).toEqual([])
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  })
})

describe('given a hubUrl the launcher must not frame', () => {
  const pwned = () => (window as { __pwned?: boolean }).__pwned
  it.each([
    ['a javascript: URL', 'javascript:window.__pwned=true', /must be an https: URL.*not javascript:/],
    ['a data: URL', 'data:text/html,<script>parent.__pwned=true</script>', /must be an https: URL.*not data:/],
    ['plain http: off localhost', 'http://hub.example.com/connect', /must be an https: URL.*not http:/],
    // A working hub, served by the test page's own server: framed, it would say ready and report init.
    ['the page’s own origin', `${window.location.origin}/test/browser/fixtures/hub.html`, /is on this page's own origin/],
    ['no absolute URL', '/hub.html', /is not an absolute URL/],
  ])(
    'when it is %s → hub_unavailable saying why, in onError and (showErrorDetails) in the dialog, and no frame is made',
    async (_, url, message) => {
      const t = recorder()
      render(<ConnectButton getToken={t.getToken} hubUrl={url} prefetch="none" showErrorDetails {...t.callbacks} />)
      await userEvent.click(screen.getByRole('button'))
      const alert = await screen.findByRole('alert')
      expect(t.callbacks.onError).toHaveBeenCalledWith(
        expect.objectContaining({ code: 'hub_unavailable', message: expect.stringMatching(message) }),
      )
      await waitFor(() => expect(alert).toHaveTextContent(message))
      expect(screen.getByRole('button', { name: 'Retry' })).toHaveFocus()
      expect(frames()).toHaveLength(0)
      expect(pwned()).toBeUndefined()
      await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
      await waitFor(() => expect(t.callbacks.onError).toHaveBeenCalledTimes(2))
      expect(frames()).toHaveLength(0)
      await userEvent.click(screen.getByRole('button', { name: 'Close' }))
      expect(t.calls).toEqual(['error', 'error', 'cancel', 'close'])
      expect(t.events.filter((event) => event.type === 'hub_event' || event.type === 'hub_ready')).toEqual([])
    },
  )

  it('when a prefetch meets such a hubUrl → nothing is framed or reported until the click', async () => {
    const t = recorder()
    // Every frame ever added, not only those present when the test looks: a prefetch may come and go in between.
    const framed: string[] = []
    const record = (records: MutationRecord[]) => {
      for (const node of records.flatMap((entry) => [...entry.addedNodes]))
        if (node instanceof Element)
          framed.push(...[node, ...node.querySelectorAll('iframe')].flatMap((el) => (el instanceof HTMLIFrameElement ? [el.src] : [])))
    }
    const observer = new MutationObserver(record)
    observer.observe(document.documentElement, { childList: true, subtree: true })
    render(<ConnectButton getToken={t.getToken} hubUrl="javascript:window.__pwned=true" {...t.callbacks} />)
    await userEvent.hover(screen.getByRole('button'))
    const beforeClick = t.events.map((event) => event.type)
    // The click is the point by which the prefetch is over: dropped, or the run the click shows, whose refusal it reports.
    await userEvent.click(screen.getByRole('button'))
    await screen.findByRole('alert')
    record(observer.takeRecords())
    observer.disconnect()
    expect(framed).toEqual([])
    expect(pwned()).toBeUndefined()
    // Reported once, and only once the click asked for the hub.
    expect(beforeClick).not.toContain('error')
    expect(t.callbacks.onError).toHaveBeenCalledTimes(1)
    expect(t.events.filter((event) => event.type === 'error')).toHaveLength(1)
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['error', 'cancel', 'close'])
  })

  it('when hubUrl changes to such a URL while an error shows → Retry reports it in the dialog, never throws; a good one then opens', async () => {
    const t = recorder()
    const thrown: unknown[] = []
    const onError = (event: ErrorEvent) => thrown.push(event.error)
    window.addEventListener('error', onError)
    const button = (hubUrl: string, hubTimeout?: number) => (
      <ConnectButton
        getToken={t.getToken}
        hubUrl={hubUrl}
        prefetch="none"
        showErrorDetails
        {...(hubTimeout ? { hubTimeout } : {})}
        {...t.callbacks}
      />
    )
    const { rerender } = render(button(hubUrl('none', '&silent'), 200))
    await userEvent.click(screen.getByRole('button'))
    await screen.findByRole('alert')

    rerender(button('javascript:window.__pwned=true'))
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/must be an https: URL/))
    expect(thrown).toEqual([])
    expect(pwned()).toBeUndefined()

    rerender(button(hubUrl()))
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await openDialog()
    window.removeEventListener('error', onError)
    expect(thrown).toEqual([])
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(t.calls).toEqual(['error', 'error', 'cancel', 'close'])
  })
})
