import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { findProvider, type Provider } from '../catalog.ts'
import { MISDIRECTED } from '../hosts.ts'
import { decodeSegment, HttpError, requestTarget } from '../http.ts'
import { randomToken } from '../store.ts'
import { escapeHtml, redirect, renderPage, sendPage } from './html.ts'

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

interface Consent {
  provider: Provider
  client: OAuthClient
  state: string
  expiresAt: number
}

interface IssuedCode {
  clientId: string
  redirectUri: string
  grant: Grant
  expiresAt: number
}

const CONSENT_TTL_MS = 10 * 60_000
const CODE_TTL_MS = 60_000
const SIGNED_IN_AS = 'dana.reyes@acme.example'

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let text = ''
  for await (const chunk of request) {
    text += chunk
    if (text.length > 8192) break
  }
  return new URLSearchParams(text)
}

function errorPage(response: ServerResponse, status: number, title: string, text: string) {
  sendPage(response, status, renderPage({ title, body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>` }))
}

/**
 * A stand-in for every OAuth provider of the catalog, on an origin of its own: an authorisation page per provider
 * (`/{provider}/oauth/authorize`, with **Allow** and **Deny**) and, in process, the token endpoint (`exchange`).
 * Like a real provider it checks the client and its redirect URI before showing anything, and its codes are
 * short-lived and single-use.
 */
export function createSimulatedProvider(options: {
  now: () => number
  settings: ProviderSettings
  /** Whether a `Host` header names this server, as for the other dev servers: others get 421. */
  isAllowedHost?: ((host: string | undefined) => boolean) | undefined
}) {
  const { now, settings, isAllowedHost = () => true } = options
  const clients = new Map<string, OAuthClient>()
  const consents = new Map<string, Consent>()
  const codes = new Map<string, IssuedCode>()
  let origin = ''
  const prune = () => {
    const time = now()
    for (const [id, consent] of consents) if (time >= consent.expiresAt) consents.delete(id)
    for (const [code, issued] of codes) if (time >= issued.expiresAt) codes.delete(code)
  }

  const authorizePage = (response: ServerResponse, url: URL, provider: Provider) => {
    const client = clients.get(url.searchParams.get('client_id') ?? '')
    const redirectUri = url.searchParams.get('redirect_uri')
    const state = url.searchParams.get('state') ?? ''
    // An unknown client or redirect URI gets an error here, never a redirect: that would make this an open redirector.
    if (!client || redirectUri !== client.redirectUri) {
      return errorPage(response, 400, 'Invalid request', `${provider.name} does not know this app or where it wants to send you back to.`)
    }
    if (url.searchParams.get('response_type') !== 'code' || state === '') {
      return errorPage(response, 400, 'Invalid request', 'The app must ask for response_type=code and send a state.')
    }
    prune()
    const id = randomToken('cn_', 18)
    consents.set(id, { provider, client, state, expiresAt: now() + CONSENT_TTL_MS })
    const scopes = (url.searchParams.get('scope') ?? provider.scopes.join(' ')).split(' ').filter(Boolean)
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
<input type="hidden" name="consent" value="${id}">
<div class="actions"><button type="submit" name="decision" value="deny">Deny</button><button type="submit" name="decision" value="allow" class="primary">Allow</button></div>
</form>
<p class="fine">A simulated ${escapeHtml(provider.name)} page, served by the react-connect-hub dev server: nothing leaves this machine.</p>`,
    })
    const back = new URL(client.redirectUri).origin
    sendPage(
      response,
      200,
      { html: page.html, csp: `${page.csp}; form-action 'self' ${back}` },
      settings.coop ? { 'cross-origin-opener-policy': 'same-origin' } : {},
    )
  }

  const decide = async (request: IncomingMessage, response: ServerResponse, provider: Provider) => {
    const form = await readForm(request)
    const id = form.get('consent') ?? ''
    const consent = consents.get(id)
    consents.delete(id)
    if (!consent || consent.provider.key !== provider.key || now() >= consent.expiresAt) {
      return errorPage(response, 400, 'This page has expired', `Go back to the app and start connecting ${provider.name} again.`)
    }
    const back = new URL(consent.client.redirectUri)
    back.searchParams.set('state', consent.state)
    if (form.get('decision') === 'allow') {
      const code = randomToken('code_', 18)
      codes.set(code, {
        clientId: consent.client.id,
        redirectUri: consent.client.redirectUri,
        grant: {
          provider: provider.key,
          scopes: provider.scopes,
          accessToken: randomToken(`${provider.key}_at_`),
          refreshToken: randomToken(`${provider.key}_rt_`),
        },
        expiresAt: now() + CODE_TTL_MS,
      })
      back.searchParams.set('code', code)
    } else {
      back.searchParams.set('error', 'access_denied')
      back.searchParams.set('error_description', `You denied ${consent.client.name} access to your ${provider.name} account.`)
    }
    redirect(response, back.href)
  }

  const listener: RequestListener = (request, response) => {
    const serve = async () => {
      if (!isAllowedHost(request.headers.host)) throw new HttpError(421, MISDIRECTED)
      const url = requestTarget(request.url)
      const match = /^\/([^/]+)\/oauth\/(authorize|decision)$/.exec(url.pathname)
      const provider = match?.[1] ? findProvider(decodeSegment(match[1])) : undefined
      if (!match || !provider || provider.auth !== 'oauth2') return errorPage(response, 404, 'Not found', 'No such page.')
      if (match[2] === 'authorize' && request.method === 'GET') return authorizePage(response, url, provider)
      if (match[2] === 'decision' && request.method === 'POST') return decide(request, response, provider)
      response.writeHead(405, { allow: match[2] === 'authorize' ? 'GET' : 'POST' }).end()
    }
    serve().catch((error: unknown) => {
      if (response.headersSent) return response.destroy()
      if (error instanceof HttpError) return errorPage(response, error.status, 'Request refused', error.message)
      // An unexpected failure is told in the server's output, not to whoever asked.
      console.error(error)
      errorPage(response, 500, 'Something went wrong', 'react-connect-hub: the simulated provider failed — see its output')
    })
  }

  return {
    listener,
    settings,
    /** Where the provider listens, once it does. */
    setOrigin(value: string) {
      origin = value
    },
    register(client: OAuthClient) {
      clients.set(client.id, client)
    },
    /** Where a client sends its user to ask for `provider`'s consent. */
    authorizeUrl(provider: Provider, params: { clientId: string; redirectUri: string; state: string }): string {
      const url = new URL(`/${encodeURIComponent(provider.key)}/oauth/authorize`, origin)
      url.searchParams.set('response_type', 'code')
      url.searchParams.set('client_id', params.clientId)
      url.searchParams.set('redirect_uri', params.redirectUri)
      url.searchParams.set('scope', provider.scopes.join(' '))
      url.searchParams.set('state', params.state)
      return url.href
    },
    /** The token endpoint: a code is good once, for the client and redirect URI it was issued to. */
    exchange(code: string, client: { id: string; redirectUri: string }): Grant | undefined {
      const issued = codes.get(code)
      codes.delete(code)
      if (!issued || issued.clientId !== client.id || issued.redirectUri !== client.redirectUri || now() >= issued.expiresAt)
        return undefined
      return issued.grant
    },
  }
}

export type SimulatedProvider = ReturnType<typeof createSimulatedProvider>
