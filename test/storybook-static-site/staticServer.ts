import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

export interface StaticServer {
  /** `http://localhost:<port>` and `http://127.0.0.1:<port>`: the same files under the two loopback names. */
  origins: { localhost: string; loopback: string }
  close(): Promise<void>
}

/**
 * The plainest static file server: GET and HEAD of files under `root` (a folder's index.html), 404 for anything else.
 * No rewrites, no API, no headers a host would not send: what any static hosting does.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const handler = async (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path))
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !file.startsWith(root + sep)) {
      response.writeHead(404).end()
      return
    }
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size })
    if (request.method === 'HEAD') response.end()
    else createReadStream(file).pipe(response)
  }
  const listener = (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => {
    handler(request, response).catch(() => response.destroy())
  }
  const listen = (server: Server, host: string, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => resolve((server.address() as AddressInfo).port))
    })
  const servers = [createServer(listener)]
  const port = await listen(servers[0] as Server, '127.0.0.1', 0)
  // `localhost` may resolve to ::1 first: answer there too when this machine has IPv6 loopback.
  const v6 = createServer(listener)
  if (
    await listen(v6, '::1', port).then(
      () => true,
      () => false,
    )
  )
    servers.push(v6)
  return {
    origins: { localhost: `http://localhost:${port}`, loopback: `http://127.0.0.1:${port}` },
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections()
              server.close(() => resolve())
            }),
        ),
      ).then(() => undefined),
  }
}
