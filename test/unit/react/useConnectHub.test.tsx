import { act, render, renderHook, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ConnectButton, type GetToken, useConnectHub } from '../../../src/index.ts'

// The launcher's lazily loaded code (the session schema, the token request, the iframe hub, the error texts), handed to
// every launcher already loaded: waitFor's default timeout measures the launcher, not the runner's first transform of them.
vi.mock('../../../src/launcher/deferred.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/launcher/deferred.ts')>()),
  LAUNCHER_MODULES: (await import('../launcher/modules.ts')).LOADED_MODULES,
}))

// These tests watch the iframe hub's element come and go; jsdom loads no page, and the iframe hub refuses to start where
// the user agent says jsdom (`unsupported_environment`). Said to be a browser, it creates its frame as in one.
beforeAll(() => {
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0')
})
afterAll(() => {
  vi.restoreAllMocks()
})

const hubUrl = 'https://hub.example.test/connect'

describe('given useConnectHub', () => {
  it('when the component re-renders with new callbacks → open, close and prefetch keep their identity and no token is fetched again', async () => {
    const getToken = vi.fn<GetToken>(async () => 'tok')
    const { result, rerender } = renderHook(
      (props: { onSuccess: () => void }) => useConnectHub({ getToken, hubUrl, prefetch: 'mount', ...props }),
      {
        initialProps: { onSuccess: () => {} },
      },
    )
    const first = result.current
    await waitFor(() => expect(getToken).toHaveBeenCalledTimes(1))
    for (let i = 0; i < 5; i++) rerender({ onSuccess: () => {} })
    expect(result.current.open).toBe(first.open)
    expect(result.current.close).toBe(first.close)
    expect(result.current.prefetch).toBe(first.prefetch)
    expect(getToken).toHaveBeenCalledTimes(1)
    expect(result.current.status).toBe('idle')
  })

  it('when the session options change → a hidden prefetch for the old ones is dropped and the next prefetch asks for the new ones', async () => {
    const getToken = vi.fn<GetToken>(async (session) => `tok-${session.provider}`)
    const { result, rerender } = renderHook(
      (props: { provider: string }) => useConnectHub({ getToken, hubUrl, prefetch: 'none', ...props }),
      {
        initialProps: { provider: 'hibob' },
      },
    )
    act(() => result.current.prefetch())
    await waitFor(() => expect(getToken).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(document.querySelectorAll('iframe')).toHaveLength(1))
    rerender({ provider: 'personio' })
    expect(document.querySelectorAll('iframe')).toHaveLength(0)
    act(() => result.current.prefetch())
    await waitFor(() => expect(getToken).toHaveBeenCalledTimes(2))
    expect(getToken.mock.calls[1]?.[0]).toEqual({ provider: 'personio' })
    await waitFor(() => expect(document.querySelectorAll('iframe')).toHaveLength(1))
  })

  it('when prefetched twice for the same options → one token request and one pre-loaded hub', async () => {
    const getToken = vi.fn<GetToken>(async () => 'tok')
    const { result } = renderHook(() => useConnectHub({ getToken, hubUrl, prefetch: 'none' }))
    act(() => result.current.prefetch())
    act(() => result.current.prefetch())
    await waitFor(() => expect(getToken).toHaveBeenCalledTimes(1))
    act(() => result.current.prefetch())
    expect(getToken).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(document.querySelectorAll('iframe')).toHaveLength(1))
  })

  it('when it unmounts → the pre-loaded hub is removed', async () => {
    const getToken = vi.fn<GetToken>(async () => 'tok')
    const { unmount } = renderHook(() => useConnectHub({ getToken, hubUrl, prefetch: 'mount' }))
    await waitFor(() => expect(getToken).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(document.querySelectorAll('iframe')).toHaveLength(1))
    expect(document.querySelectorAll('dialog:not([open])')).toHaveLength(1)
    unmount()
    await waitFor(() => expect(document.querySelectorAll('iframe, dialog')).toHaveLength(0))
  })
})

describe('given a ConnectButton', () => {
  it('when rendered → a labelled button with its state, forwarding its ref and button attributes', () => {
    const ref = vi.fn()
    const { getByRole } = render(
      <StrictMode>
        <ConnectButton ref={ref} getToken={async () => 'tok'} hubUrl={hubUrl} className="mine" id="connect" data-testid="b" />
      </StrictMode>,
    )
    const button = getByRole('button', { name: 'Connect' })
    expect(button).toHaveAttribute('data-state', 'idle')
    expect(button).toHaveAttribute('aria-busy', 'false')
    expect(button).toHaveAttribute('type', 'button')
    expect(button).toHaveAttribute('id', 'connect')
    expect(button).toHaveClass('rch-button', 'mine')
    expect(ref).toHaveBeenCalledWith(button)
  })

  it('when editing an account → the default label says so, and neither a session field nor a setting is a DOM attribute', () => {
    const { getByRole } = render(
      <ConnectButton getToken={async () => 'tok'} hubUrl={hubUrl} accountId="acc_1" provider="hibob" type="test" identity="org_1" />,
    )
    const button = getByRole('button', { name: 'Edit connection' })
    expect(button).not.toHaveAttribute('provider')
    expect(button).not.toHaveAttribute('identity')
    expect(button).toHaveAttribute('type', 'button')
  })

  it('when hovered → the token is prefetched once (prefetch="intent" by default)', async () => {
    const getToken = vi.fn<GetToken>(async () => 'tok')
    const { getByRole } = render(<ConnectButton getToken={getToken} hubUrl={hubUrl} />)
    const button = getByRole('button')
    act(() => {
      button.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }))
      button.focus()
    })
    await waitFor(() => expect(getToken).toHaveBeenCalledTimes(1))
  })
})
