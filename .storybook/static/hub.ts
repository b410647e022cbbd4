import { staticDevApi } from './devApi.ts'
import { partnerOrigin } from './origins.ts'

// The reference hub page in a static Storybook (connect-hub/ of the output, opened from the partner origin). Before the
// hub starts, its calls to the dev API (`/hub/*`, resolved against this origin) are answered in this page, and the
// settings a dev server would write into the page are written here.

const root = new URL('../', location.href)
const api = staticDevApi(new URL('connect-hub/', root).href)
const isApiCall = (url: URL) => url.origin === location.origin && url.pathname.startsWith('/hub/')

/**
 * A service worker (MSW) where the browser lets this frame have one. A frame on another site than the page around
 * it may be denied storage (Chromium's third-party cookie blocking, Safari): no worker there, not even msw's import,
 * which opens localStorage. Then the page's own `fetch` answers the same calls, with the same handler.
 */
async function answerApi(): Promise<'service-worker' | 'page'> {
  try {
    const [{ http }, { setupWorker }] = await Promise.all([import('msw'), import('msw/browser')])
    const worker = setupWorker(http.all(`${location.origin}/hub/*`, ({ request }) => api(request)))
    await worker.start({ serviceWorker: { url: new URL('mockServiceWorker.js', root).href }, onUnhandledRequest: 'bypass', quiet: true })
    return 'service-worker'
  } catch {
    const networkFetch = globalThis.fetch.bind(globalThis)
    globalThis.fetch = (input, init) => {
      const request = new Request(input, init)
      return isApiCall(new URL(request.url)) ? api(request) : networkFetch(request)
    }
    return 'page'
  }
}

async function start() {
  let origin: string | null = null
  try {
    origin = partnerOrigin(location.origin)
  } catch (error) {
    // No partner: the hub allows no host, and says so on screen.
    console.error(error)
  }
  // Tells a test (and whoever inspects the frame) which way the API is answered here.
  document.documentElement.dataset.devApi = await answerApi()
  // Only the partner may open this hub: the page asked for any other origin is told it is not allowed.
  const asked = new URLSearchParams(location.search).get('origin')
  const config = { apiUrl: location.origin, origin: asked === origin ? origin : null }
  document.querySelector('meta[name="connect-hub-config"]')?.setAttribute('content', JSON.stringify(config))
  await import('../../src/dev/hub/main.ts')
}

void start()
