import { ConnectHubError } from '../errors.ts'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The hub's URL, if the launcher may frame it: `https:` (or `http:` on localhost, 127.0.0.1 or [::1]) and another
 * origin than the page's own. Anything else — `javascript:` or `data:` (they would run in or beside the host),
 * plain `http:` on the internet, the page's own origin (its messages could not be told apart from the page's) —
 * throws `hub_unavailable` saying so.
 */
export function checkHubUrl(hubUrl: string | undefined, pageOrigin: string): URL {
  const refuse = (why: string) => new ConnectHubError('hub_unavailable', `hubUrl ${JSON.stringify(hubUrl)} ${why}`)
  const url = hubUrl && URL.canParse(hubUrl) ? new URL(hubUrl) : undefined
  if (!url) throw refuse('is not an absolute URL — pass the URL of your hub page')
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))
  if (!secure) {
    throw refuse(
      `must be an https: URL (http: only on localhost, 127.0.0.1 or [::1]), not ${url.protocol} — pass your hub page's https URL`,
    )
  }
  if (url.origin === pageOrigin) {
    throw refuse(
      `is on this page's own origin (${pageOrigin}) — serve the hub from its own origin, so that its messages cannot be confused with the page's`,
    )
  }
  return url
}
