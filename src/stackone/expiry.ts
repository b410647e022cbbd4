/** What the adapter learns about the hub's session token from the hub's own traffic. */
export interface ExpiryWatch {
  /** Forget everything seen so far: requests started before now carried an older token. */
  reset(): void
  /** Stops watching. */
  stop(): void
}

const rejected = (status: number) => status === 401 || status === 403

/** Asks the hub API whether `token` is still accepted. XHR, not fetch: the watcher only looks at `fetch` entries, so this check never triggers itself. */
export function checkToken(baseUrl: string, token: string): Promise<'valid' | 'expired' | 'unknown'> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest()
    request.open('GET', `${baseUrl}/hub/settings`)
    request.setRequestHeader('x-hub-session-token', token)
    request.onload = () => resolve(rejected(request.status) ? 'expired' : request.status < 400 ? 'valid' : 'unknown')
    request.onerror = () => resolve('unknown')
    request.send()
  })
}

/**
 * Watches the responses to the hub component's requests to `{baseUrl}/hub/` through the Resource Timing
 * API: nothing global is patched, and other requests of the page are not touched. StackOne's component
 * answers a 401/403 with an empty screen and no callback, so this is how the adapter learns of it.
 * Where a browser does not expose `responseStatus` (Safari), a burst of hub requests is followed by one
 * check of the token.
 */
export function watchExpiry(baseUrl: string, token: () => string, onExpired: () => void): ExpiryWatch {
  const noop: ExpiryWatch = { reset() {}, stop() {} }
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('resource')) return noop
  const prefix = `${baseUrl}/hub/`
  const hasStatus = typeof PerformanceResourceTiming !== 'undefined' && 'responseStatus' in PerformanceResourceTiming.prototype
  let since = performance.now()
  let checking = false
  let stopped = false

  const check = () => {
    if (checking) return
    checking = true
    const sent = token()
    checkToken(baseUrl, sent).then((result) => {
      checking = false
      if (!stopped && result === 'expired' && sent === token()) onExpired()
    })
  }

  const observer = new PerformanceObserver((list) => {
    let seen = false
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      if (entry.initiatorType !== 'fetch' || entry.startTime < since || !entry.name.startsWith(prefix)) continue
      if (hasStatus && rejected(entry.responseStatus)) {
        onExpired()
        return
      }
      seen = true
    }
    if (seen && !hasStatus) check()
  })
  observer.observe({ type: 'resource' })
  return {
    reset() {
      since = performance.now()
    },
    stop() {
      stopped = true
      observer.disconnect()
    },
  }
}
