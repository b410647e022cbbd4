import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { RequestListener } from 'node:http'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { delay } from './http.ts'

/** Where the hub page reads its settings: a `<meta>` the server fills in, so no inline script is needed. */
export const HUB_CONFIG_PLACEHOLDER = '__CONNECT_HUB_CONFIG__'

/** What the hub page is told when it is served. */
export interface HubPageConfig {
  apiUrl: string
  allowedOrigins: string[]
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

/**
 * Serves the hub page from its own origin, with a strict CSP and its configuration filled in on every request
 * (`config` is read each time: origins allowed later are served at once).
 */
export function createHubPageListener(options: { root: string; config: () => HubPageConfig; latencyMs: number }): RequestListener {
  const root = resolve(options.root)
  const apiOrigin = new URL(options.config().apiUrl).origin
  const security = {
    'content-security-policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src ${apiOrigin}; base-uri 'none'; form-action 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  }
  let template: Promise<string> | undefined
  const html = async () => {
    template ??= readFile(join(root, 'index.html'), 'utf8')
    return (await template).replace(HUB_CONFIG_PLACEHOLDER, escapeAttribute(JSON.stringify(options.config())))
  }

  return (request, response) => {
    const serve = async () => {
      const { pathname } = new URL(request.url ?? '/', 'http://dev.invalid')
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' }).end()
        return
      }
      const file = resolve(root, `.${decodeURIComponent(pathname)}`)
      if (pathname.startsWith('/assets/') && file.startsWith(root + sep) && existsSync(file)) {
        const body = await readFile(file)
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
          ...security,
        })
        response.end(request.method === 'HEAD' ? undefined : body)
        return
      }
      if (extname(pathname) !== '' && pathname !== '/index.html') {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
        return
      }
      await delay(options.latencyMs)
      const body = await html()
      response.writeHead(200, { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-store', ...security })
      response.end(request.method === 'HEAD' ? undefined : body)
    }
    serve().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      response.end(`react-connect-hub: the hub page failed — ${String(error)}`)
    })
  }
}
