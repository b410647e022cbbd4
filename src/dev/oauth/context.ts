import type { DevStore } from '../store.ts'
import type { AttemptStore } from './attempts.ts'
import type { OAuthClient, SimulatedProvider } from './provider.ts'

/** What the OAuth endpoints and pages of the dev API share. */
export interface OAuthContext {
  store: DevStore
  now: () => number
  attempts: AttemptStore
  provider: SimulatedProvider
  /** The dev API as the provider knows it: its redirect URI is the API's `/oauth/callback`. */
  client: OAuthClient
  /** The dev API's own URL, known once it listens. */
  apiUrl: () => string
}

/** Where StackOne's hub sends the window back to: `{appUrl}/embedded/accounts/callback`, with `appUrl` the dev API. */
export const STACKONE_CALLBACK_PATH = '/embedded/accounts/callback'
