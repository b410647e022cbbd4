import { findProvider, type Provider } from '../catalog.ts'
import { type HostCheck, misdirected } from '../hosts.ts'
import { decodeSegment, guard, readForm } from '../http.ts'
import { errorPage, escapeHtml, pageResponse, redirect, renderPage } from '../pages.ts'
import { randomToken, s256, sameSecret } from '../tokens.ts'

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

/** What a code is bound to, as a real provider binds it: the client, its redirect URI, the request's `state` and PKCE challenge. */
interface Binding {
  client: OAuthClient
  state: string
  /** PKCE (RFC 7636, method S256): only who holds the verifier behind it can trade the code. */
  codeChallenge: string
}

interface Consent extends Binding {
  provider: Provider
  expiresAt: number
}

interface IssuedCode extends Binding {
  grant: Grant
  expiresAt: number
}

/** What the client shows at the token endpoint besides the code. */
export interface Exchange {
  clientId: string
  redirectUri: string
  /** The `state` of the request the client is answering: a code issued for another request is refused. */
  state: string
  codeVerifier: string
}

const CONSENT_TTL_MS = 10 * 60_000
const CODE_TTL_MS = 60_000
const SIGNED_IN_AS = 'dana.reyes@acme.example'

const invalid = (text: string) => errorPage(400, 'Invalid request', text)

/** The provider's consent screen: who asks, for which permissions, with Allow and Deny. */
function consentPage(provider: Provider, client: OAuthClient, scopes: string[], consentId: string) {
  const app = escapeHtml(client.name)
  const page = renderPage({
    title: `Sign in to ${provider.name}`,
    css: `.tile { background: ${provider.color} }`,
    body: `<p class="brand"><span class="tile" aria-hidden="true">${escapeHtml(provider.initials)}</span>${escapeHtml(provider.name)}</p>
<h1>${app} wants to access your ${escapeHtml(provider.name)} account</h1>
<p class="muted">Signed in as ${SIGNED_IN_AS}</p>
<p>If you allow it, ${app} will be able to use these permissions:</p>
<ul class="scopes" aria-label="Permissions">${scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join('')}</ul>
<form method="post" action="/${encodeURIComponent(provider.key)}/oauth/decision">
<input type="hidden" name="consent" value="${consentId}">
<div class="actions"><button type="submit" name="decision" value="deny">Deny</button><button type="submit" name="decision" value="allow" class="primary">Allow</button></div>
</form>
<p class="fine">A simulated ${escapeHtml(provider.name)} page, served by the react-connect-hub dev server: nothing leaves this machine.</p>`,
  })
  return { html: page.html, csp: `${page.csp}; form-action 'self' ${new URL(client.redirectUri).origin}` }
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
  const clients = new Map<string, OAuthClient>()
  const consents = new Map<string, Consent>()
  const codes = new Map<string, IssuedCode>()
  const prune = () => {
    const time = now()
    for (const [id, consent] of consents) if (time >= consent.expiresAt) consents.delete(id)
    for (const [code, issued] of codes) if (time >= issued.expiresAt) codes.delete(code)
  }

  const authorize = (url: URL, provider: Provider): Response => {
    const param = (name: string) => url.searchParams.get(name) ?? ''
    const client = clients.get(param('client_id'))
    // An unknown client or redirect URI gets an error here, never a redirect: that would make this an open redirector.
    if (!client || param('redirect_uri') !== client.redirectUri) {
      return invalid(`${provider.name} does not know this app or where it wants to send you back to.`)
    }
    if (param('response_type') !== 'code' || param('state') === '')
      return invalid('The app must ask for response_type=code and send a state.')
    if (param('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(param('code_challenge'))) {
      return invalid('The app must send a PKCE code_challenge with code_challenge_method=S256.')
    }
    prune()
    const id = randomToken('cn_', 18)
    consents.set(id, { provider, client, state: param('state'), codeChallenge: param('code_challenge'), expiresAt: now() + CONSENT_TTL_MS })
    const scopes = (url.searchParams.get('scope') ?? provider.scopes.join(' ')).split(' ').filter(Boolean)
    return pageResponse(
      200,
      consentPage(provider, client, scopes, id),
      settings.coop ? { 'cross-origin-opener-policy': 'same-origin' } : {},
    )
  }

  const decide = async (request: Request, provider: Provider): Promise<Response> => {
    const form = await readForm(request)
    const id = form.get('consent') ?? ''
    const consent = consents.get(id)
    consents.delete(id)
    if (!consent || consent.provider.key !== provider.key || now() >= consent.expiresAt) {
      return errorPage(400, 'This page has expired', `Go back to the app and start connecting ${provider.name} again.`)
    }
    const { client, state, codeChallenge } = consent
    const back = new URL(client.redirectUri)
    back.searchParams.set('state', state)
    if (form.get('decision') === 'allow') {
      const code = randomToken('code_', 18)
      const grant = {
        provider: provider.key,
        scopes: provider.scopes,
        accessToken: randomToken(`${provider.key}_at_`),
        refreshToken: randomToken(`${provider.key}_rt_`),
      }
      codes.set(code, { client, state, codeChallenge, grant, expiresAt: now() + CODE_TTL_MS })
      back.searchParams.set('code', code)
    } else {
      back.searchParams.set('error', 'access_denied')
      back.searchParams.set('error_description', `You denied ${client.name} access to your ${provider.name} account.`)
    }
    return redirect(back.href)
  }

  const route = async (request: Request): Promise<Response> => {
    const refused = misdirected(request, isAllowedHost)
    if (refused) throw refused
    const url = new URL(request.url)
    const match = /^\/([^/]+)\/oauth\/(authorize|decision)$/.exec(url.pathname)
    const provider = match?.[1] ? findProvider(decodeSegment(match[1])) : undefined
    if (!match || !provider || provider.auth !== 'oauth2') return errorPage(404, 'Not found', 'No such page.')
    if (match[2] === 'authorize' && request.method === 'GET') return authorize(url, provider)
    if (match[2] === 'decision' && request.method === 'POST') return decide(request, provider)
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
