import { findProvider, type Provider } from '../catalog.ts'
import { type HostCheck, misdirected } from '../hosts.ts'
import { decodeSegment, guard } from '../http.ts'
import { errorPage } from '../pages.ts'
import { s256, sameSecret } from '../tokens.ts'
import { authorize, decide, type ProviderState } from './pages.ts'

/** An app registered with the simulated provider: where it may send users back to. */
export interface OAuthClient {
  id: string
  /** Shown on the authorisation page: "<name> wants to access your … account". */
  name: string
  redirectUri: string
}

/** What a code buys at the provider's token endpoint. */
export interface Grant {
  provider: string
  scopes: string[]
  accessToken: string
  refreshToken: string
}

/** Read on every request, so that a test can switch COOP between two windows. */
export interface ProviderSettings {
  /** Send `Cross-Origin-Opener-Policy: same-origin` with the authorisation page, as many real providers do. */
  coop: boolean
}

/** What the client shows at the token endpoint besides the code. */
export interface Exchange {
  clientId: string
  redirectUri: string
  /** The `state` of the request the client is answering: a code issued for another request is refused. */
  state: string
  codeVerifier: string
}

/**
 * A stand-in for every OAuth provider of the catalog, on an origin of its own (`origin`): an authorisation page per
 * provider (`/{provider}/oauth/authorize`, with **Allow** and **Deny**) and, in process, the token endpoint
 * (`exchange`). Like a real provider it checks the client and its redirect URI before showing anything, asks for a
 * `state` and a PKCE `code_challenge` (S256), and binds each code to them: a code is good once, within a minute, for
 * the client, redirect URI and request it was issued for, to whoever holds the PKCE verifier.
 */
export function createSimulatedProvider(options: {
  origin: string
  now: () => number
  settings: ProviderSettings
  isAllowedHost: HostCheck
}) {
  const { origin, now, settings, isAllowedHost } = options
  const state: ProviderState = { now, settings, clients: new Map(), consents: new Map(), codes: new Map() }
  const { clients, codes } = state

  const route = async (request: Request): Promise<Response> => {
    const refused = misdirected(request, isAllowedHost)
    if (refused) throw refused
    const url = new URL(request.url)
    const match = /^\/([^/]+)\/oauth\/(authorize|decision)$/.exec(url.pathname)
    const provider = match?.[1] ? findProvider(decodeSegment(match[1])) : undefined
    if (!match || !provider || provider.auth !== 'oauth2') return errorPage(404, 'Not found', 'No such page.')
    if (match[2] === 'authorize' && request.method === 'GET') return authorize(state, url, provider)
    if (match[2] === 'decision' && request.method === 'POST') return decide(state, request, provider)
    return new Response(null, { status: 405, headers: { allow: match[2] === 'authorize' ? 'GET' : 'POST' } })
  }

  return {
    /** The provider's own server, as a Web handler: serve it on an origin of its own. */
    handler: (request: Request) =>
      guard(
        'the simulated provider',
        () => route(request),
        (error) => errorPage(error.status, 'Request refused', error.message),
      ),
    settings,
    register(client: OAuthClient) {
      clients.set(client.id, client)
    },
    /** Where a client sends its user to ask for `provider`'s consent. */
    authorizeUrl(provider: Provider, params: { clientId: string; redirectUri: string; state: string; codeChallenge: string }): string {
      const url = new URL(`/${encodeURIComponent(provider.key)}/oauth/authorize`, origin)
      url.searchParams.set('response_type', 'code')
      url.searchParams.set('client_id', params.clientId)
      url.searchParams.set('redirect_uri', params.redirectUri)
      url.searchParams.set('scope', provider.scopes.join(' '))
      url.searchParams.set('state', params.state)
      url.searchParams.set('code_challenge', params.codeChallenge)
      url.searchParams.set('code_challenge_method', 'S256')
      return url.href
    },
    /**
     * The token endpoint: a code is good once (tried, it is gone), before it expires, for the client, redirect URI and
     * `state` it was issued to, and only with the PKCE verifier whose S256 is its challenge.
     */
    async exchange(code: string, client: Exchange): Promise<Grant | undefined> {
      const issued = codes.get(code)
      codes.delete(code)
      if (!issued || now() >= issued.expiresAt) return undefined
      const bound =
        issued.client.id === client.clientId &&
        issued.client.redirectUri === client.redirectUri &&
        sameSecret(issued.state, client.state) &&
        sameSecret(issued.codeChallenge, await s256(client.codeVerifier))
      return bound ? issued.grant : undefined
    },
  }
}

export type SimulatedProvider = ReturnType<typeof createSimulatedProvider>
