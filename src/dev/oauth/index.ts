import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { DevStore } from '../store.ts'
import { handleAttemptApi } from './attemptApi.ts'
import { createAttemptStore } from './attempts.ts'
import { handleOAuthPage } from './connectPages.ts'
import type { OAuthContext } from './context.ts'
import { createSimulatedProvider, type ProviderSettings } from './provider.ts'

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

/** The OAuth side of the dev hub: connection attempts, the provider window's pages and the simulated provider. */
export function createDevOAuth(
  options: DevOAuthOptions & { store: DevStore; now: () => number; isAllowedHost?: (host: string | undefined) => boolean },
) {
  const settings: DevOAuthSettings = { coop: options.coop ?? false }
  const provider = createSimulatedProvider({ now: options.now, settings, isAllowedHost: options.isAllowedHost })
  let apiUrl = ''
  const context: OAuthContext = {
    store: options.store,
    now: options.now,
    attempts: createAttemptStore({ now: options.now, ttlMs: (options.attemptTtlSeconds ?? 300) * 1000 }),
    provider,
    client: { id: CLIENT_ID, name: options.appName ?? 'Connect Hub (dev)', redirectUri: '' },
    apiUrl: () => apiUrl,
  }
  return {
    settings,
    attempts: context.attempts,
    /** The provider's own server: serve it on an origin of its own. */
    providerListener: provider.listener as RequestListener,
    /** Tells each side where the other listens, once both do. */
    bind(urls: { apiUrl: string; providerUrl: string }) {
      apiUrl = urls.apiUrl
      provider.setOrigin(urls.providerUrl)
      context.client.redirectUri = `${apiUrl}/oauth/callback`
      provider.register(context.client)
    },
    /** `/hub/oauth_attempts…` and `/hub/connection_attempts…`; `false` for other paths. */
    handleHubApi: (request: IncomingMessage, response: ServerResponse, url: URL) => handleAttemptApi(context, request, response, url),
    /** `/connect/oauth2/{integration_id}`, `/oauth/callback`, `/embedded/accounts/callback`; `false` for other paths. */
    handlePage: (request: IncomingMessage, response: ServerResponse, url: URL) => handleOAuthPage(context, request, response, url),
  }
}

export type DevOAuth = ReturnType<typeof createDevOAuth>
