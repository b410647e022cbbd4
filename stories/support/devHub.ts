import { accountsUrl, apiUrl, hubUrl, tokenUrl } from 'virtual:connect-hub-dev'
import type { GetToken } from '../../src/index.ts'
import { stackOneHub } from '../../src/stackone/index.ts'
import { SEEDED_ACCOUNT_LABEL } from './seed.ts'

export { accountsUrl, apiUrl, hubUrl, tokenUrl }

/**
 * StackOne's own hub against the dev session API, which serves its `/hub/*` endpoints to Storybook's origin. Created
 * once: the launcher reads `hub` when it opens. `@stackone/hub` itself loads only when a StackOne hub first opens.
 */
export const stackOne = stackOneHub({ baseUrl: apiUrl })

/** What a host's `getToken` usually is: post the session options to your backend, which mints the token with its secret key. */
export const getToken: GetToken = async (session, { signal }) => {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(session),
    signal,
  })
  if (!response.ok) throw new Error(`the token endpoint answered ${response.status}: ${await response.text()}`)
  return response.json()
}

/** The id of the account .storybook/main.ts seeds, looked up through the host's accounts route. */
export async function seededAccountId(): Promise<string> {
  const response = await fetch(accountsUrl)
  if (!response.ok) throw new Error(`${accountsUrl} answered ${response.status}`)
  const accounts: { id: string; label: string | null }[] = await response.json()
  const account = accounts.find((candidate) => candidate.label === SEEDED_ACCOUNT_LABEL)
  if (!account) throw new Error(`no account labelled ${SEEDED_ACCOUNT_LABEL}: .storybook/main.ts seeds it`)
  return account.id
}
