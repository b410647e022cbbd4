import type { Provider } from '../catalog.ts'
import { readForm } from '../http.ts'
import { errorPage, escapeHtml, pageResponse, redirect, renderPage } from '../pages.ts'
import { randomToken } from '../tokens.ts'
import type { Grant, OAuthClient, ProviderSettings } from './index.ts'

/** What a code is bound to, as a real provider binds it: the client, its redirect URI, the request's `state` and PKCE challenge. */
export interface Binding {
  client: OAuthClient
  state: string
  /** PKCE (RFC 7636, method S256): only who holds the verifier behind it can trade the code. */
  codeChallenge: string
}

export interface Consent extends Binding {
  provider: Provider
  expiresAt: number
}

export interface IssuedCode extends Binding {
  grant: Grant
  expiresAt: number
}

const CONSENT_TTL_MS = 10 * 60_000
const CODE_TTL_MS = 60_000
const SIGNED_IN_AS = 'dana.reyes@acme.example'

const invalid = (text: string) => errorPage(400, 'Invalid request', text)

/** What the provider keeps: registered clients, consents being shown, codes issued and not yet traded. */
export interface ProviderState {
  now: () => number
  settings: ProviderSettings
  clients: Map<string, OAuthClient>
  consents: Map<string, Consent>
  codes: Map<string, IssuedCode>
}

function prune({ now, consents, codes }: ProviderState): void {
  const time = now()
  for (const [id, consent] of consents) if (time >= consent.expiresAt) consents.delete(id)
  for (const [code, issued] of codes) if (time >= issued.expiresAt) codes.delete(code)
}

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

/** `GET /{provider}/oauth/authorize`: the consent screen, once the request is one a real provider would accept. */
export function authorize(state: ProviderState, url: URL, provider: Provider): Response {
  const { clients, consents, now, settings } = state
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
  prune(state)
  const id = randomToken('cn_', 18)
  consents.set(id, { provider, client, state: param('state'), codeChallenge: param('code_challenge'), expiresAt: now() + CONSENT_TTL_MS })
  const scopes = (url.searchParams.get('scope') ?? provider.scopes.join(' ')).split(' ').filter(Boolean)
  return pageResponse(200, consentPage(provider, client, scopes, id), settings.coop ? { 'cross-origin-opener-policy': 'same-origin' } : {})
}

/** `POST /{provider}/oauth/decision`: back to the client with a code bound to the request, or with `access_denied`. */
export async function decide(state: ProviderState, request: Request, provider: Provider): Promise<Response> {
  const { consents, codes, now } = state
  const form = await readForm(request)
  const id = form.get('consent') ?? ''
  const consent = consents.get(id)
  consents.delete(id)
  if (!consent || consent.provider.key !== provider.key || now() >= consent.expiresAt) {
    return errorPage(400, 'This page has expired', `Go back to the app and start connecting ${provider.name} again.`)
  }
  const { client, codeChallenge } = consent
  const back = new URL(client.redirectUri)
  back.searchParams.set('state', consent.state)
  if (form.get('decision') === 'allow') {
    const code = randomToken('code_', 18)
    const grant = {
      provider: provider.key,
      scopes: provider.scopes,
      accessToken: randomToken(`${provider.key}_at_`),
      refreshToken: randomToken(`${provider.key}_rt_`),
    }
    codes.set(code, { client, state: consent.state, codeChallenge, grant, expiresAt: now() + CODE_TTL_MS })
    back.searchParams.set('code', code)
  } else {
    back.searchParams.set('error', 'access_denied')
    back.searchParams.set('error_description', `You denied ${client.name} access to your ${provider.name} account.`)
  }
  return redirect(back.href)
}
