import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type HostCheck, misdirected } from './hosts.ts'
import { decodeSegment, delay, guard } from './http.ts'

/** Where the hub page reads its settings: a `<meta>` the server fills in, so no inline script is needed. */
export const HUB_CONFIG_PLACEHOLDER = '__CONNECT_HUB_CONFIG__'

/**
 * What the hub page is told when it is served: the API's URL, and the host origin it was asked for if that one is
 * allowed (`null` otherwise). Never the allow-list itself.
 */
export interface HubPageConfig {
  apiUrl: string
  origin: string | null
}

export interface HubPageOptions {
  root: string
  apiUrl: string
  /** Read on every request: origins allowed later are served at once. */
  allowedOrigins: () => readonly string[]
  /** Whether a `Host` header names this server: others get 421. */
  isAllowedHost: HostCheck
  latencyMs: number
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
}

/** The built hub page: next to the bundled `dev.js` in `dist/`, or in `dist/` when running from the sources. */
export function defaultHubRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [join(here, 'dev-hub'), join(here, '..', 'dev-hub'), join(here, '..', '..', 'dist', 'dev-hub')]
  const found = candidates.find((candidate) => existsSync(join(candidate, 'index.html')))
  if (!found) {
    throw new Error(
      `react-connect-hub: the reference hub page is not built (looked in ${candidates.join(', ')}) — run npm run build, or pass hubRoot`,
    )
  }
  return found
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } })

const isFile = (path: string) =>
  stat(path).then(
    (found) => found.isFile(),
    () => false,
  )

/**
 * Serves the hub page from its own origin, with a strict CSP whose `frame-ancestors` names the allowed host origins
 * (only they may frame it), and tells the page whether the origin it was asked for is one of them.
 */
export function createHubPageHandler(options: HubPageOptions): (request: Request) => Promise<Response> {
  const root = resolve(options.root)
  const apiOrigin = new URL(options.apiUrl).origin
  const headers = () => {
    const ancestors = options.allowedOrigins()
    return {
      'content-security-policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src ${apiOrigin}; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors.length ? ancestors.join(' ') : "'none'"}`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    }
  }
  let template: Promise<string> | undefined
  const html = async (requested: string | null) => {
    template ??= readFile(join(root, 'index.html'), 'utf8')
    const config: HubPageConfig = {
      apiUrl: options.apiUrl,
      origin: requested !== null && options.allowedOrigins().includes(requested) ? requested : null,
    }
    return (await template).replace(HUB_CONFIG_PLACEHOLDER, escapeAttribute(JSON.stringify(config)))
  }

  const serve = async (request: Request): Promise<Response> => {
    const refused = misdirected(request, options.isAllowedHost)
    if (refused) throw refused
    const url = new URL(request.url)
    const path = decodeSegment(url.pathname)
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } })
    const head = request.method === 'HEAD'
    const file = resolve(root, `.${path}`)
    if (url.pathname.startsWith('/assets/') && file.startsWith(root + sep) && (await isFile(file))) {
      const body = head ? null : new Uint8Array(await readFile(file))
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      return new Response(body, { status: 200, headers: { 'content-type': type, 'cache-control': 'no-cache', ...headers() } })
    }
    if (url.pathname.startsWith('/assets/') || (extname(path) !== '' && path !== '/index.html')) return text(404, 'not found')
    await delay(options.latencyMs)
    const body = await html(url.searchParams.get('origin'))
    return new Response(head ? null : body, {
      status: 200,
      headers: { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-store', ...headers() },
    })
  }

  // The exception's text stays in the server's output: it may name files and paths.
  return (request) =>
    guard(
      'the hub page',
      () => serve(request),
      (error) => text(error.status, error.message),
    )
}
