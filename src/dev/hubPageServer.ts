import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MISDIRECTED } from './hosts.ts'
import { delay } from './http.ts'

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
  isAllowedHost: (host: string | undefined) => boolean
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

const refuse = (response: ServerResponse, status: number, text: string) =>
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end(text)

const isFile = (path: string) =>
  stat(path).then(
    (found) => found.isFile(),
    () => false,
  )

/**
 * Serves the hub page from its own origin, with a strict CSP whose `frame-ancestors` names the allowed host origins
 * (only they may frame it), and tells the page whether the origin it was asked for is one of them.
 */
export function createHubPageListener(options: HubPageOptions): RequestListener {
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

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    if (!options.isAllowedHost(request.headers.host)) return refuse(response, 421, MISDIRECTED)
    let url: URL
    let path: string
    try {
      url = new URL(request.url ?? '/', 'http://dev.invalid')
      path = decodeURIComponent(url.pathname)
    } catch {
      return refuse(response, 400, 'react-connect-hub: the URL is malformed')
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    const file = resolve(root, `.${path}`)
    if (url.pathname.startsWith('/assets/') && file.startsWith(root + sep) && (await isFile(file))) {
      const body = await readFile(file)
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...headers(),
      })
      response.end(request.method === 'HEAD' ? undefined : body)
      return
    }
    if (url.pathname.startsWith('/assets/') || (extname(path) !== '' && path !== '/index.html')) {
      return refuse(response, 404, 'not found')
    }
    await delay(options.latencyMs)
    const body = await html(url.searchParams.get('origin'))
    response.writeHead(200, { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-store', ...headers() })
    response.end(request.method === 'HEAD' ? undefined : body)
  }

  return (request, response) => {
    serve(request, response).catch((error: unknown) => {
      console.error(error)
      // The exception's text stays in the server's output: it may name files and paths.
      if (!response.headersSent) refuse(response, 500, 'react-connect-hub: the hub page failed — see the dev server output')
      else response.destroy()
    })
  }
}
