/**
 * Where each side of a static Storybook runs. The launcher refuses a hub on the page's own origin, so the hub page
 * (`connect-hub/` in the same static output) is opened from a second origin that serves the same files: by default
 * the other loopback name on the same port (`localhost` ↔ `127.0.0.1`), so any static server on this machine works.
 * A Storybook hosted on a domain names its pair at build time:
 * `STORYBOOK_CONNECT_HUB_ORIGINS="https://storybook.example.com https://storybook-hub.example.com"` (both serving the
 * same folder). Each origin's partner is the other one: the page opens the hub there, the hub page allows only it.
 */

const LOOPBACK: Record<string, string> = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' }

function configuredPair(): [string, string] | undefined {
  const value: unknown = import.meta.env.STORYBOOK_CONNECT_HUB_ORIGINS
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const origins = value.trim().split(/[\s,]+/)
  const [first, second] = origins.map((origin) => (URL.canParse(origin) ? new URL(origin).origin : ''))
  if (origins.length !== 2 || !first || !second || first === second) {
    throw new Error(
      `react-connect-hub: STORYBOOK_CONNECT_HUB_ORIGINS must name two origins serving this Storybook, e.g. "https://storybook.example.com https://storybook-hub.example.com" — not ${JSON.stringify(value)}`,
    )
  }
  return [first, second]
}

/** The origin on the other side of `origin`: the hub page's for a story's page, the story page's for the hub page. */
export function partnerOrigin(origin: string): string {
  const pair = configuredPair()
  if (pair?.[0] === origin) return pair[1]
  if (pair?.[1] === origin) return pair[0]
  const url = new URL(origin)
  const other = LOOPBACK[url.hostname]
  if (!other) {
    throw new Error(
      `react-connect-hub: this static Storybook runs on ${origin}, and its hub page needs a second origin — build it with STORYBOOK_CONNECT_HUB_ORIGINS="${origin} https://<another host serving the same files>" (see docs/storybook.md, "A static Storybook")`,
    )
  }
  url.hostname = other
  return url.origin
}

/** The same URL on the partner origin. */
export function onPartner(url: URL): URL {
  const moved = new URL(url)
  const partner = new URL(partnerOrigin(url.origin))
  moved.protocol = partner.protocol
  moved.host = partner.host
  return moved
}
