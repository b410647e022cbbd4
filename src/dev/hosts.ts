import { HOST_HEADER } from '../server/hostHeader.ts'
import { HttpError } from './http.ts'

/** The names a dev server always answers to. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

/** Whether a `Host` header names this server. */
export type HostCheck = (header: string | null | undefined) => boolean

/** Why a request was refused for its `Host`: said without echoing it. */
export const MISDIRECTED =
  'this dev server answers only to localhost, 127.0.0.1, [::1] and its allowedHosts — add the host name you use to allowedHosts'

/** The host name of a `Host` header, normalised as a URL would (`[0:0::1]` → `[::1]`), or `undefined` when malformed. */
export function hostnameOf(header: string | null | undefined): string | undefined {
  const name = header == null ? undefined : HOST_HEADER.exec(header.trim())?.[1]
  if (!name) return undefined
  try {
    return new URL(`http://${name}`).hostname
  } catch {
    return undefined
  }
}

/**
 * A check of the `Host` header against the loopback names and `allowed` (exact names; `.example.test` for that domain
 * and its subdomains; `true` for any). Refusing other names keeps DNS-rebinding pages (a hostile name resolved to
 * 127.0.0.1) from reading the dev servers with their well-known key.
 */
export function createHostCheck(allowed: readonly string[] | true = []): HostCheck {
  if (allowed === true) return () => true
  const exact = new Set(LOOPBACK_HOSTS)
  const domains: string[] = []
  for (const entry of allowed) {
    const name = entry.trim().toLowerCase()
    if (name.startsWith('.')) domains.push(name)
    else exact.add(hostnameOf(name) ?? hostnameOf(`[${name}]`) ?? name)
  }
  return (header) => {
    const name = hostnameOf(header)
    if (name === undefined) return false
    return exact.has(name) || domains.some((domain) => name === domain.slice(1) || name.endsWith(domain))
  }
}

/** The 421 Misdirected Request a server answers when `request`'s `Host` is not one of its names. */
export function misdirected(request: Request, isAllowedHost: HostCheck): HttpError | undefined {
  if (isAllowedHost(request.headers.get('host'))) return undefined
  return new HttpError(421, `react-connect-hub: ${MISDIRECTED}`)
}
