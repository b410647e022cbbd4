import type { ProviderSettings, SimulatedProvider } from '../../provider/index.ts'
import type { DevStore } from '../store.ts'
import { handleAttemptApi } from './attemptApi.ts'
import { createAttemptStore } from './attempts.ts'
import { handleOAuthPage } from './pages.ts'

/** OAuth options of `startDevHub` and `connectHubDev()`. */
export interface DevOAuthOptions {
  /**
   * Make the simulated provider's authorisation page send `Cross-Origin-Opener-Policy: same-origin`, as many real
   * providers do: the window then loses its `opener`, and `window.closed` reads `true` while it is still open.
   * Change it later through `devHub.oauth.coop`.
   * @default false
   */
  coop?: boolean
  /**
   * The app the provider's page says is asking for access.
   * @default 'Connect Hub (dev)'
   */
  appName?: string
  /**
   * How long a connection attempt may wait for the provider's answer, in seconds; never longer than its session.
   * @default 300
   */
  attemptTtlSeconds?: number
}

/** The live OAuth settings of a running dev hub: read on every request. */
export type DevOAuthSettings = ProviderSettings

/** The dev API's client id at the simulated provider. */
const CLIENT_ID = 'connect-hub-dev'

/**
 * The OAuth side of the dev API: connection attempts (`/hub/oauth_attempts…`, `/hub/connection_attempts…`) and the
 * provider window's pages (`/connect/oauth2/{integration_id}`, `/connect/waiting`, `/oauth/callback`,
 * `/embedded/accounts/callback`), as a client registered with `provider`.
 */
export function createDevOAuth(options: {
  apiUrl: string
  provider: SimulatedProvider
  store: DevStore
  now: () => number
  appName?: string | undefined
  attemptTtlSeconds?: number | undefined
}) {
  const { apiUrl, provider, store, now } = options
  const attempts = createAttemptStore({ now, ttlMs: (options.attemptTtlSeconds ?? 300) * 1000 })
  const client = { id: CLIENT_ID, name: options.appName ?? 'Connect Hub (dev)', redirectUri: `${apiUrl}/oauth/callback` }
  provider.register(client)
  const pages = { attempts, store, now, provider, client, apiUrl }
  return {
    attempts,
    /** The answer for an OAuth path; `undefined` for any other. */
    handle: async (request: Request, url: URL): Promise<Response | undefined> =>
      (await handleAttemptApi({ attempts, store, apiUrl }, request, url)) ?? (await handleOAuthPage(pages, request, url)),
  }
}

export type DevOAuth = ReturnType<typeof createDevOAuth>
