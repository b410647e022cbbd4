import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { ConnectButton, type ConnectHubError, type GetToken } from '../../src'
import { STACKONE_INSTALL, stackOneHub } from '../../src/stackone'
import { HANG } from './limits.ts'

// A module without StackOneHub: vitest cannot make the import itself fail without an unhandled rejection of its own.
vi.mock('@stackone/hub', () => ({}))

describe('given stackOneHub() when @stackone/hub cannot be loaded', () => {
  it('when opened → hub_unavailable naming the packages to install, shown with Retry; no token is needed to say so', async () => {
    const onError = vi.fn((_error: ConnectHubError) => {})
    const getToken = vi.fn<GetToken>(() => new Promise<string>(() => {}))
    render(<ConnectButton hub={stackOneHub()} getToken={getToken} onError={onError} />)
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))

    // The third file in this page: its import of the mocked module can take longer than waitFor's default second.
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1), HANG)
    const error = onError.mock.calls[0]?.[0]
    expect(error).toMatchObject({ code: 'hub_unavailable' })
    expect(error?.message).toBe(`react-connect-hub: @stackone/hub could not be loaded — install it and its peers: ${STACKONE_INSTALL}`)
    expect(STACKONE_INSTALL).toContain('@stackone/hub')
    await expect.element(page.getByRole('button', { name: 'Retry' })).toBeVisible()
    // A failure on screen wants no token: a request already on its way (they start together) is aborted, none starts.
    expect(getToken.mock.calls.length).toBeLessThanOrEqual(1)
    for (const [, { signal }] of getToken.mock.calls) expect(signal.aborted).toBe(true)
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  })
})
