import type { AddressInfo } from 'node:net'
import type { PreviewServer, ViteDevServer } from 'vite'
import { createHostCheck, LOOPBACK_HOSTS } from './hosts.ts'

export type ViteServer = { kind: 'dev'; server: ViteDevServer } | { kind: 'preview'; server: PreviewServer }

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '0000:0000:0000:0000:0000:0000:0000:0000'])

interface Listening {
  address(): AddressInfo | string | null
}

const isListening = (value: unknown): value is Listening =>
  typeof value === 'object' && value !== null && typeof (value as Listening).address === 'function'

function settingsOf(vite: ViteServer) {
  return vite.kind === 'preview' ? vite.server.config.preview : vite.server.config.server
}

/** `server.origin`, the public origin a dev server may be told it is served from. */
const explicitOrigin = (vite: ViteServer) => (vite.kind === 'dev' && vite.server.config.server.origin) || undefined

/** A named host of the config (not a wildcard), bracketed when IPv6. */
function configuredHost(host: string | boolean | undefined): string | undefined {
  if (typeof host !== 'string' || host === '' || WILDCARD_HOSTS.has(host)) return undefined
  return host.includes(':') ? `[${host}]` : host
}

/**
 * The sockets pages are served from: the Vite server's own, or, in middleware mode (Storybook), the server its HMR
 * socket shares (`server.ws.server`, formerly `server.hmr.server`).
 */
function pageSockets(vite: ViteServer): Listening[] {
  const sockets: unknown[] = [vite.server.httpServer]
  if (vite.kind === 'dev') {
    const { ws, hmr } = vite.server.config.server as { ws?: unknown; hmr?: unknown }
    for (const options of [ws, hmr])
      if (typeof options === 'object' && options !== null) sockets.push((options as { server?: unknown }).server)
  }
  return sockets.filter(isListening)
}

/**
 * The origins this Vite server's pages are served from, known from its config and its listening sockets — never from
 * a request's headers, so nothing a client sends can add to the hub's allow-list.
 */
export function pageOrigins(vite: ViteServer): string[] {
  const settings = settingsOf(vite)
  const origins = new Set<string>()
  const urls = vite.server.resolvedUrls
  for (const url of [...(urls?.local ?? []), ...(urls?.network ?? [])]) origins.add(new URL(url).origin)
  const explicit = explicitOrigin(vite)
  if (explicit) origins.add(new URL(explicit).origin)
  const names = [...LOOPBACK_HOSTS, configuredHost(settings.host)].filter((name) => name !== undefined)
  for (const socket of pageSockets(vite)) {
    const address = socket.address()
    if (address === null || typeof address === 'string') continue
    const scheme = settings.https || 'setSecureContext' in socket ? 'https' : 'http'
    for (const name of names) origins.add(`${scheme}://${name}:${address.port}`)
  }
  return [...origins]
}

/**
 * The `Host` check for the plugin's own routes: the loopback names, Vite's `allowedHosts` and `host`, `extra`, and the
 * addresses Vite lists for itself once listening (a LAN address with `--host`: an IP, which no rebinding page can use).
 */
export function pageHostCheck(vite: ViteServer, extra: readonly string[]): (host: string | undefined) => boolean {
  const settings = settingsOf(vite)
  if (settings.allowedHosts === true) return createHostCheck(true)
  const explicit = explicitOrigin(vite)
  const named = [configuredHost(settings.host), explicit && new URL(explicit).hostname].filter((name) => !!name) as string[]
  const configured = createHostCheck([...extra, ...settings.allowedHosts, ...named])
  return (host) => {
    if (configured(host)) return true
    const urls = vite.server.resolvedUrls
    return createHostCheck([...(urls?.local ?? []), ...(urls?.network ?? [])].map((url) => new URL(url).hostname))(host)
  }
}
