import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the test hub: 127.0.0.1, while the tests run on localhost, so it is another origin. */
    hubOrigin: string
    /** The same hub pages on the same host, another port: a lookalike origin. */
    hubOriginOtherPort: string
    /** The hub's own server reached as localhost instead of 127.0.0.1: same port, another origin. */
    hubOriginLocalhost: string
  }
}

/** Serves the test hub pages from another origin and logs every URL requested, for the "no token in a URL" check. */
export default async function setup(project: TestProject) {
  const log: string[] = []
  const failed = new Set<string>()
  // hold=<id>: the page is served only once /__release?id=<id> was requested, so a test decides when it arrives.
  const holds = new Map<string, { released: Promise<void>; release: () => void }>()
  const hold = (id: string) => {
    let entry = holds.get(id)
    if (!entry) {
      let release = () => {}
      const released = new Promise<void>((resolve) => (release = resolve))
      entry = { released, release }
      holds.set(id, entry)
    }
    return entry
  }
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    response.setHeader('Access-Control-Allow-Origin', '*')
    // Every load reaches the server: a frame that Retry loads again must not get the broken page from a cache.
    response.setHeader('Cache-Control', 'no-store')
    if (url.pathname === '/__log') {
      response.setHeader('Content-Type', 'application/json')
      response.end(JSON.stringify(log))
      return
    }
    if (url.pathname === '/__release') {
      hold(url.searchParams.get('id') ?? '').release()
      response.end()
      return
    }
    log.push(request.url ?? '')
    // A frame navigated here stays empty and commits no document: the cheapest cross-origin frame, for many cycles.
    if (url.pathname === '/no-content') {
      response.statusCode = 204
      response.end()
      return
    }
    const name = url.pathname.slice(1)
    if (!/^[a-z-]+\.html$/.test(name)) {
      response.statusCode = 404
      response.end('not found')
      return
    }
    // fail-once=<id>: the first load of that id gets a page that never says ready.
    const once = url.searchParams.get('fail-once')
    if (once && !failed.has(once)) {
      failed.add(once)
      response.end('<!doctype html><title>Broken hub</title>')
      return
    }
    const held = url.searchParams.get('hold')
    if (held) await hold(held).released
    const delay = Number(url.searchParams.get('delay') ?? 0)
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
    const page = await readFile(new URL(`./fixtures/${name}`, import.meta.url)).catch(() => undefined)
    if (!page) {
      response.statusCode = 404
      response.end('<!doctype html><title>Not found</title><h1>Not found</h1>')
      return
    }
    // status=404: a fixture page served as an error page of its own (a 404 with a script), as a misconfigured hub URL can be.
    response.statusCode = Number(url.searchParams.get('status') ?? 200)
    response.setHeader('Content-Type', 'text/html; charset=utf-8')
    response.end(page)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  project.provide('hubOrigin', `http://127.0.0.1:${port}`)
  project.provide('hubOriginLocalhost', `http://localhost:${port}`)
  const other = createServer((request, response) => server.emit('request', request, response))
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
  project.provide('hubOriginOtherPort', `http://127.0.0.1:${(other.address() as AddressInfo).port}`)
  const stop = (s: typeof server) =>
    new Promise<void>((resolve) => {
      s.close(() => resolve())
      s.closeAllConnections()
    })
  return () => Promise.all([stop(server), stop(other)]).then(() => {})
}
