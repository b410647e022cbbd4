import { http } from 'msw'
import { setupWorker } from 'msw/browser'
import { basicAuthorization } from '../../src/server/basicAuth.ts'
import { createConnectSessionHandler } from '../../src/server/createConnectSessionHandler.ts'
import { STATIC_API_KEY, STATIC_OWNER, staticDevApi } from './devApi.ts'
import { hubUrl, storybookRoot } from './urls.ts'

/**
 * A static Storybook's backend, answered in the story's page by a service worker (MSW): the host's two routes
 * (`/api/connect-session`, which mints tokens as a host's backend does, and `/api/accounts`) and the hub endpoints
 * (`/hub/*`), which StackOne's hub calls from this page. The reference hub page answers its own calls on the other
 * origin (./hub.ts).
 */
export async function startHostApi(): Promise<void> {
  const root = storybookRoot()
  const api = staticDevApi(hubUrl)
  // The session API as the host's backend reaches it: a call in this page, never a request on the network.
  const callApi: typeof fetch = (input, init) => api(new Request(input, init))
  const token = createConnectSessionHandler({
    apiKey: STATIC_API_KEY,
    baseUrl: location.origin,
    resolveOwner: () => STATIC_OWNER,
    // As in .storybook/main.ts: stories may set metadata and type.
    allow: ['metadata', 'type'],
    fetch: callApi,
  })
  const worker = setupWorker(
    http.post(new URL('api/connect-session', root).href, ({ request }) => token(request)),
    // The signed-in owner's accounts, as the dev server's route lists them: the session API's own answer.
    http.get(new URL('api/accounts', root).href, () => {
      const url = new URL('/accounts', location.origin)
      url.searchParams.set('origin_owner_id', STATIC_OWNER.originOwnerId)
      url.searchParams.set('page_size', '100')
      return callApi(url, { headers: { authorization: basicAuthorization(STATIC_API_KEY) } })
    }),
    // StackOne's hub, rendered in this page, calls `${apiUrl}/hub/*` here.
    http.all(`${location.origin}/hub/*`, ({ request }) => api(request)),
  )
  await worker.start({
    serviceWorker: { url: new URL('mockServiceWorker.js', root).href },
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
}
