import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { ConnectButton, type ConnectButtonProps, type ConnectHubErrorCode, type GetToken } from '../../src/index.ts'
import { guardEachTest, hubUrl, recorder } from './harness.ts'

// What the person connecting an account reads when something fails: plain words per error code, with Retry. The
// developer's message goes to onError (or the console), and shows in the dialog only with showErrorDetails.
const guard = guardEachTest()

const never: GetToken = () => new Promise(() => {})

/** Each code the launcher can show, how to provoke it, and what the dialog must say. */
const CASES: [ConnectHubErrorCode, (t: ReturnType<typeof recorder>) => Partial<ConnectButtonProps>, string][] = [
  [
    'invalid_session',
    () => ({ hubUrl: hubUrl(), ...({ categories: ['not-a-category'] } as object) }),
    "This connection isn't set up correctly. Please contact support.",
  ],
  [
    'token_failed',
    () => ({ hubUrl: hubUrl(), getToken: () => Promise.reject(new Error('POST /api/connect-session answered 404')) }),
    "We couldn't start the connection. Please try again.",
  ],
  [
    'token_timeout',
    () => ({ hubUrl: hubUrl(), getToken: never, tokenTimeout: 200 }),
    'Starting the connection took too long. Please try again.',
  ],
  [
    'invalid_token',
    () => ({ hubUrl: hubUrl(), getToken: async () => ({ tokn: 'typo' }) as unknown as string }),
    "We couldn't start the connection. Please try again.",
  ],
  ['token_expired', () => ({ hubUrl: hubUrl('expire-twice') }), 'Your session expired. Please try again.'],
  [
    'hub_unavailable',
    () => ({ hubUrl: hubUrl('none', '&silent'), hubTimeout: 300 }),
    "The connection service isn't responding. Please try again in a moment.",
  ],
  ['hub_error', () => ({ hubUrl: hubUrl('error') }), 'The connection service ran into a problem. Please try again.'],
]

/** Opens the dialog and waits for its error; returns the alert and the error onError got. */
async function failWith(t: ReturnType<typeof recorder>, props: Partial<ConnectButtonProps>) {
  render(<ConnectButton getToken={t.getToken} prefetch="none" {...t.callbacks} {...props} />)
  await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
  const alert = await screen.findByRole('alert')
  await waitFor(() => expect(t.callbacks.onError).toHaveBeenCalledTimes(1))
  const [error] = t.callbacks.onError.mock.calls[0] as unknown as [import('../../src/index.ts').ConnectHubError]
  return { alert, error }
}

describe('given an error in the dialog', () => {
  it.each(CASES)(
    'when it is %s → the dialog says it in plain words, with Retry; onError gets the developer’s message',
    async (code, provoke, text) => {
      const t = recorder()
      const { alert, error } = await failWith(t, provoke(t))
      expect(error.code).toBe(code)
      await waitFor(() => expect(alert.querySelector('.rch-error-message')).toHaveTextContent(text))
      expect(alert).toHaveTextContent('The connection could not be opened.')
      expect(screen.getByRole('button', { name: 'Retry' })).toHaveFocus()
      // The developer's message stays out of the dialog, and whole on the error.
      expect(error.message).toBe(`react-connect-hub: ${error.detail}`)
      expect(alert.textContent).not.toContain(error.detail)
      expect(alert.textContent).not.toContain('react-connect-hub')
      await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    },
  )

  const labels = { error: 'Connexion impossible.', errors: { token_failed: 'Nous n’avons pas pu démarrer la connexion.' } }

  it('when labels.errors words its code → the dialog says that, under labels.error', async () => {
    const t = recorder()
    const { alert } = await failWith(t, { hubUrl: hubUrl(), getToken: () => Promise.reject(new Error('boom')), labels })
    await waitFor(() => expect(alert).toHaveTextContent('Nous n’avons pas pu démarrer la connexion.'))
    expect(alert).toHaveTextContent('Connexion impossible.')
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  })

  it('when labels.errors words another code → this one keeps its default words', async () => {
    const t = recorder()
    const { alert } = await failWith(t, { hubUrl: hubUrl('error'), labels })
    await waitFor(() => expect(alert).toHaveTextContent('The connection service ran into a problem. Please try again.'))
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  })

  it('when showErrorDetails is set → the developer’s message shows too, under the plain words', async () => {
    const t = recorder()
    const getToken = () => Promise.reject(new Error('POST /api/connect-session answered 404'))
    const { alert, error } = await failWith(t, { hubUrl: hubUrl(), getToken, showErrorDetails: true })
    await waitFor(() => expect(alert.querySelector('.rch-error-detail')).toHaveTextContent(error.detail))
    expect(error.detail).toContain('answered 404')
    expect(alert.querySelector('.rch-error-message')).toHaveTextContent("We couldn't start the connection. Please try again.")
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  })

  it('when there is no onError → the developer’s message goes to the console, once, and the dialog keeps the plain words', async () => {
    const t = recorder()
    const consoleError = guard.consoleError().mockImplementation(() => {})
    render(<ConnectButton getToken={() => Promise.reject(new Error('answered 500'))} hubUrl={hubUrl()} prefetch="none" />)
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }))
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveTextContent("We couldn't start the connection. Please try again."))
    expect(consoleError).toHaveBeenCalledTimes(1)
    expect(String(consoleError.mock.calls[0]?.[0])).toMatch(/^ConnectHubError: react-connect-hub: getToken .*answered 500/)
    expect(alert.textContent).not.toContain('answered 500')
    expect(t.calls).toEqual([])
    consoleError.mockClear()
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  })
})
