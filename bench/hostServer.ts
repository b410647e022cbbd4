import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import type { NodeHandler } from '../src/server/index.ts'

const here = import.meta.dirname

/**
 * Builds the host page once (production React, with the profiling build of react-dom so `<Profiler>` reports
 * commits). `library` is the library entry the page imports: `dist/index.js`, or the sources; `stackone` the adapter's
 * (`dist/stackone.js`), which loads `@stackone/hub` as a chunk of its own on first use.
 */
export async function buildHost(outDir: string, library: string, stackone: string): Promise<void> {
  await build({
    configFile: false,
    root: join(here, 'host'),
    logLevel: 'warn',
    plugins: [react()],
    resolve: {
      alias: [
        { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
        { find: /^(\.\.\/)+src\/index\.ts$/, replacement: library },
        { find: /^(\.\.\/)+src\/stackone\/index\.ts$/, replacement: stackone },
      ],
    },
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  })
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' }

export interface HostServer {
  origin: string
  /** Sets where tokens come from: the library's route handler, delayed by `tokenMs` (the token latency T). */
  setTokenHandler(handler: NodeHandler, tokenMs: number): void
  close(): Promise<void>
}

/** Serves the built host page and its backend route `POST /api/connect-session` on 127.0.0.1. */
export async function startHostServer(root: string): Promise<HostServer> {
  let token: { handler: NodeHandler; delayMs: number } | undefined
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://host.invalid')
    if (pathname === '/api/connect-session' && token) {
      const { handler, delayMs } = token
      setTimeout(() => handler(request, response), delayMs)
      return
    }
    const file = resolve(root, `.${pathname === '/' ? '/index.html' : decodeURIComponent(pathname)}`)
    if (!file.startsWith(root + sep) || !existsSync(file)) {
      response.writeHead(404).end()
      return
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(500).end(),
    )
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setTokenHandler(handler, delayMs) {
      token = { handler, delayMs }
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}
