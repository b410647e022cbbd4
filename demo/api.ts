import { accountsUrl, tokenUrl } from 'virtual:connect-hub-dev'
import type { GetToken } from 'react-connect-hub'

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

async function errorOf(response: Response, what: string): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
  // The launcher adds its own "react-connect-hub:" prefix to what getToken throws.
  const message = body?.error?.message?.replace(/^react-connect-hub: /, '')
  return new Error(message ?? `${what} answered ${response.status} ${response.statusText}`)
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
