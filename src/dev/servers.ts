// The one place the dev servers meet `node:http`: every handler is a Web handler, mounted here through `toNodeHandler`.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type NodeHandler, toNodeHandler } from '../server/toNodeHandler.ts'
import { hostnameOf } from './hosts.ts'

export type WebHandler = (request: Request) => Promise<Response>

/** The option that sets each server's port, and what the server is, for the message when the port is taken. */
const PORTS = {
  apiPort: 'the dev session API',
  hubPort: 'the reference hub page',
  providerPort: 'the simulated OAuth provider',
} as const

export type PortOption = keyof typeof PORTS

/** A port a dev server could not listen on: `option` names the option that moves it. */
export interface DevPortError extends Error {
  code: 'EADDRINUSE' | 'EACCES'
  port: number
  option: PortOption
}

function portError(error: unknown, port: number, host: string, option: PortOption): unknown {
  const code = (error as { code?: unknown }).code
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return error
  const problem = code === 'EADDRINUSE' ? 'is already in use (another dev server?)' : 'may not be used by this process'
  const wrapped = new Error(
    `react-connect-hub: port ${port} on ${host} ${problem}, so ${PORTS[option]} cannot start — stop what holds it, or set \`${option}\` to another port (0 picks a free one)`,
    { cause: error },
  ) as DevPortError
  return Object.assign(wrapped, { code, port, option })
}

/** A listening dev server: its origin, and `serve` to give it its handler once what it needs is known. */
export interface DevServer {
  origin: string
  serve(handler: WebHandler): void
  close(): Promise<void>
}

const originOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`

/**
 * `handler` for `node:http`. A `Host` no request URL can be built from (user info, `evil.example@localhost`) is left out
 * of the URL only: the header as sent still reaches the handler, whose Host check refuses it.
 */
function adapt(handler: WebHandler): NodeHandler {
  const handle = toNodeHandler(handler)
  return (request, response, next) => {
    if (hostnameOf(request.headers.host) === undefined) request.headers.host = 'localhost'
    handle(request, response, next)
  }
}

const notYet: WebHandler = async () => new Response('react-connect-hub: the dev server is starting', { status: 503 })

/**
 * Listens on `port` of `host`: the servers listen first (each learns the others' origins), then get their handlers. A
 * taken port rejects with a `DevPortError` naming the option that moves it.
 */
export function listen(port: number, host: string, option: PortOption): Promise<DevServer> {
  let handle = adapt(notYet)
  const server: Server = createServer((request, response) => handle(request, response))
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => reject(portError(error, port, host, option))
    server.once('error', fail)
    server.listen(port, host, () => {
      server.off('error', fail)
      resolve({
        origin: originOf(host, (server.address() as AddressInfo).port),
        serve: (handler) => {
          handle = adapt(handler)
        },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}

/** `handler` as Connect middleware (Vite's): the same adapter, with failures handed to `next`. */
export const middleware = adapt
