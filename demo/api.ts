import { accountsUrl, tokenUrl } from 'virtual:connect-hub-dev'
import { ConnectHubError, type GetToken } from 'react-connect-hub'

/** A connected account as `GET /api/accounts` answers it (the session API's `LinkedAccount`). */
export interface Account {
  id: string
  provider: string
  provider_name: string
  status: string
  label: string | null
  type: 'production' | 'test'
  created_at: string
}

async function errorOf(response: Response, what: string): Promise<ConnectHubError> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
  // The route's message already names the library: as a ConnectHubError, its `detail` is the text without the prefix.
  const message = body?.error?.message ?? `${what} answered ${response.status} ${response.statusText}`
  return new ConnectHubError('api_error', message, { status: response.status, body })
}

/** Asks this app's backend for a connect-session token: the owner comes from the server's own auth. */
export const getToken: GetToken = async (session, { signal }) => {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(session),
    signal,
  })
  if (!response.ok) throw await errorOf(response, `POST ${tokenUrl}`)
  return (await response.json()) as { token: string; expiresAt: string }
}

export async function fetchAccounts(signal?: AbortSignal): Promise<Account[]> {
  const response = await fetch(accountsUrl, signal ? { signal } : {})
  if (!response.ok) throw await errorOf(response, `GET ${accountsUrl}`)
  return (await response.json()) as Account[]
}
