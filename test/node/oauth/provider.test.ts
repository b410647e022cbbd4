import { describe, expect, it } from 'vitest'
import { findProvider } from '../../../src/dev/catalog.ts'
import { createSimulatedProvider, type Exchange } from '../../../src/dev/provider/index.ts'
import { s256 } from '../../../src/dev/tokens.ts'

const ORIGIN = 'http://127.0.0.1:5176'
const client = { id: 'app', name: 'The App', redirectUri: 'http://127.0.0.1:5175/oauth/callback' }
const hubspot = findProvider('hubspot') as NonNullable<ReturnType<typeof findProvider>>

function provider() {
  const simulated = createSimulatedProvider({ origin: ORIGIN, now: Date.now, settings: { coop: false }, isAllowedHost: () => true })
  simulated.register(client)
  return simulated
}

type Provider = ReturnType<typeof provider>

/** Asks for consent as the dev API does, allows it, and returns the code the provider sends back with its state. */
async function allow(simulated: Provider, state: string, codeVerifier: string): Promise<{ code: string; state: string }> {
  const url = simulated.authorizeUrl(hubspot, {
    clientId: client.id,
    redirectUri: client.redirectUri,
    state,
    codeChallenge: await s256(codeVerifier),
  })
  const page = await simulated.handler(new Request(url))
  expect(page.status).toBe(200)
  const consent = /name="consent" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
  const decision = await simulated.handler(
    new Request(new URL(`/${hubspot.key}/oauth/decision`, ORIGIN), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ consent, decision: 'allow' }),
    }),
  )
  expect(decision.status).toBe(303)
  const back = new URL(decision.headers.get('location') ?? '')
  expect(back.origin + back.pathname).toBe(client.redirectUri)
  return { code: back.searchParams.get('code') ?? '', state: back.searchParams.get('state') ?? '' }
}

const exchange = (state: string, codeVerifier: string): Exchange => ({
  clientId: client.id,
  redirectUri: client.redirectUri,
  state,
  codeVerifier,
})

describe('the simulated provider’s token endpoint', () => {
  it('trades a code once: the second exchange of the same code, with everything else right, gets nothing', async () => {
    const simulated = provider()
    const verifier = 'v'.repeat(43)
    const { code, state } = await allow(simulated, 'st_one', verifier)
    expect(state).toBe('st_one')
    expect(await simulated.exchange(code, exchange('st_one', verifier))).toMatchObject({ provider: 'hubspot' })
    expect(await simulated.exchange(code, exchange('st_one', verifier))).toBeUndefined()
  })

  it('refuses a code offered for another request’s state, and the code is gone after the try', async () => {
    const simulated = provider()
    const verifier = 'a'.repeat(43)
    const { code } = await allow(simulated, 'st_org_a', verifier)
    expect(await simulated.exchange(code, exchange('st_org_c', verifier))).toBeUndefined()
    expect(await simulated.exchange(code, exchange('st_org_a', verifier))).toBeUndefined()
  })

  it('refuses a code without the PKCE verifier behind its challenge (S256)', async () => {
    const simulated = provider()
    const { code } = await allow(simulated, 'st_pkce', 'b'.repeat(43))
    expect(await simulated.exchange(code, exchange('st_pkce', 'c'.repeat(43)))).toBeUndefined()
  })

  it('shows no consent screen to a request without a PKCE S256 challenge', async () => {
    const simulated = provider()
    const url = new URL(`/${hubspot.key}/oauth/authorize`, ORIGIN)
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: client.id,
      redirect_uri: client.redirectUri,
      state: 'st',
    }).toString()
    const refused = await simulated.handler(new Request(url))
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('code_challenge_method=S256')
    url.searchParams.set('code_challenge', await s256('x'.repeat(43)))
    url.searchParams.set('code_challenge_method', 'plain')
    expect((await simulated.handler(new Request(url))).status).toBe(400)
  })
})
