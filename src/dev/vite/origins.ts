import { createHostCheck, type HostCheck, LOOPBACK_HOSTS } from '../hosts.ts'
import type { SocketLike, ViteDevServerLike } from './types.ts'

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '0000:0000:0000:0000:0000:0000:0000:0000'])

const isSocket = (value: unknown): value is SocketLike =>
  typeof value === 'object' && value !== null && typeof (value as SocketLike).address === 'function'

/** `server.origin`, the public origin a dev server may be told it is served from. */
const explicitOrigin = (server: ViteDevServerLike) => server.config.server.origin || undefined

/** A named host of the config (not a wildcard), bracketed when IPv6. */
function configuredHost(host: string | boolean | undefined): string | undefined {
  if (typeof host !== 'string' || host === '' || WILDCARD_HOSTS.has(host)) return undefined
  return host.includes(':') ? `[${host}]` : host
}

/**
 * The sockets pages are served from: the Vite server's own, or, in middleware mode (Storybook), the server its HMR
 * socket shares (`server.ws.server`, formerly `server.hmr.server`).
 */
function pageSockets(server: ViteDevServerLike): SocketLike[] {
  const sockets: unknown[] = [server.httpServer]
  const { ws, hmr } = server.config.server
  for (const options of [ws, hmr])
    if (typeof options === 'object' && options !== null) sockets.push((options as { server?: unknown }).server)
  return sockets.filter(isSocket)
}

/**
 * The origins this Vite server's pages are served from, known from its config and its listening sockets — never from
 * a request's headers, so nothing a client sends can add to the hub's allow-list.
 */
export function pageOrigins(server: ViteDevServerLike): string[] {
  const settings = server.config.server
  const origins = new Set<string>()
  const urls = server.resolvedUrls
  for (const url of [...(urls?.local ?? []), ...(urls?.network ?? [])]) origins.add(new URL(url).origin)
  const explicit = explicitOrigin(server)
  if (explicit) origins.add(new URL(explicit).origin)
  const names = [...LOOPBACK_HOSTS, configuredHost(settings.host)].filter((name) => name !== undefined)
  for (const socket of pageSockets(server)) {
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
export function pageHostCheck(server: ViteDevServerLike, extra: readonly string[]): HostCheck {
  const settings = server.config.server
  if (settings.allowedHosts === true) return createHostCheck(true)
  const explicit = explicitOrigin(server)
  const named = [configuredHost(settings.host), explicit && new URL(explicit).hostname].filter((name) => !!name) as string[]
  const configured = createHostCheck([...extra, ...settings.allowedHosts, ...named])
  return (host) => {
    if (configured(host)) return true
    const urls = server.resolvedUrls
    return createHostCheck([...(urls?.local ?? []), ...(urls?.network ?? [])].map((url) => new URL(url).hostname))(host)
  }
}
