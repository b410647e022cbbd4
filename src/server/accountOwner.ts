import { apiError, callSessionApi, type SessionApiOptions } from './callSessionApi.ts'

// Statuses that mean "no such account here": the same answer to the browser as another owner's account.
const UNKNOWN_ACCOUNT = new Set([400, 404, 410, 422])

/**
 * Whether `accountId` belongs to `ownerId`, asked of the session API itself: `GET {baseUrl}/accounts/{id}` answers the
 * account with its `origin_owner_id`. An unknown account is not owned; any other failure throws (`api_error` or
 * `network_error`), since nothing can be said about the account then.
 */
export async function ownsAccountThroughApi(accountId: string, ownerId: string, options: SessionApiOptions): Promise<boolean> {
  // `.` and `..` would be resolved as path segments and ask about another resource.
  if (accountId === '.' || accountId === '..') return false
  const answer = await callSessionApi(
    { method: 'GET', path: `/accounts/${encodeURIComponent(accountId)}`, what: 'checking who owns the account' },
    options,
  )
  if (answer.status === 200) {
    const account = answer.body
    if (typeof account !== 'object' || account === null || Array.isArray(account)) return false
    const { id, origin_owner_id: owner } = account as { id?: unknown; origin_owner_id?: unknown }
    return owner === ownerId && (id === undefined || id === accountId)
  }
  if (UNKNOWN_ACCOUNT.has(answer.status)) return false
  throw apiError(answer)
}
