/**
 * Why a request is cross-origin and refused, or `undefined` when it may pass: the rule of Go's
 * `net/http.CrossOriginProtection`. GET, HEAD and OPTIONS pass. `Sec-Fetch-Site` (sent by every browser since 2023)
 * decides first: `same-origin` and `none` (typed in the address bar) pass, anything else (`same-site`, `cross-site`)
 * is refused. Without it, an `Origin` whose host is not the request's own is refused. A request with neither header
 * did not come from a browser page and passes. An `Origin` listed in `trusted` passes in every case.
 */
export function crossOriginRefusal(request: Request, trusted: ReadonlySet<string>): string | undefined {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return undefined
  const site = request.headers.get('sec-fetch-site')
  const origin = request.headers.get('origin')
  const isTrusted = origin !== null && trusted.has(origin)
  if (site) {
    if (site === 'same-origin' || site === 'none') return undefined
    return isTrusted ? undefined : `the browser says this request is ${site}`
  }
  if (!origin) return undefined
  // Host only, as Go compares it: behind a TLS-terminating proxy the request URL may say http for an https page.
  if (hostOf(origin) === new URL(request.url).host) return undefined
  return isTrusted ? undefined : 'its Origin is another site than this one'
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host
  } catch {
    return undefined
  }
}

/** Checks `scheme://host[:port]` values at setup, so a typo fails loudly instead of trusting nothing. */
export function checkOrigins(name: string, origins: readonly string[]): Set<string> {
  for (const origin of origins) {
    let parsed: string | undefined
    try {
      parsed = new URL(origin).origin
    } catch {}
    if (parsed !== origin) {
      throw new TypeError(
        `react-connect-hub: ${name} holds ${JSON.stringify(origin)}, which is not an origin — write it as scheme://host[:port], e.g. 'https://app.example.com'`,
      )
    }
  }
  return new Set(origins)
}
