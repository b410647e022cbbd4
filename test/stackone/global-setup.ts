import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TestProject } from 'vitest/node'
import { type DevHub, startDevHub } from '../../src/dev/index.ts'
import { createConnectSession } from '../../src/server/index.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * The tests' backend. `POST /setup` starts the dev session API for the calling page's origin (the browser
     * server's port is only known once the tests run) and answers `{ apiUrl, appUrl, providerUrl }`; then `POST /token`,
     * `POST /expire`, `POST /seed` (`{ provider? }`), `GET /accounts`, `POST /secrets`, `POST /coop` (`{ coop }`), `POST /reset`.
     */
    stackOneBackendUrl: string
  }
}

const OWNER = { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc' }

async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of request) text += chunk
  return text ? JSON.parse(text) : {}
}

/** A small backend for the tests: it starts the dev session API on free ports and mints tokens with `createConnectSession`. */
export default async function setup(project: TestProject) {
  let dev: DevHub | undefined
  let starting: Promise<DevHub> | undefined

  const backend = createServer(async (request, response) => {
    response.setHeader('access-control-allow-origin', '*')
    response.setHeader('access-control-allow-headers', 'content-type')
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end()
      return
    }
    const send = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(value))
    }
    try {
      const path = new URL(request.url ?? '/', 'http://backend.invalid').pathname
      if (path === '/setup' && request.method === 'POST') {
        const origin = request.headers.origin
        if (!origin) throw new Error('POST /setup from the test page, so that its origin is known')
        starting ??= startDevHub({ apiPort: 0, hubPort: 0, corsOrigins: [origin] }).then((started) => (dev = started))
        const { apiUrl, appUrl, providerUrl } = await starting
        send(200, { apiUrl, appUrl, providerUrl })
        return
      }
      if (!dev) throw new Error('POST /setup first')
      const auth = `Basic ${Buffer.from(`${dev.apiKey}:`).toString('base64')}`
      if (path === '/token' && request.method === 'POST') {
        const { token, expiresAt } = await createConnectSession(
          { ...(await body(request)), ...OWNER },
          { apiKey: dev.apiKey, baseUrl: dev.apiUrl },
        )
        send(200, { token, expiresAt })
      } else if (path === '/expire' && request.method === 'POST') {
        const { token } = await body(request)
        send(200, { expired: dev.store.sessions.delete(String(token)) })
      } else if (path === '/seed' && request.method === 'POST') {
        const { provider } = await body(request)
        const account = dev.store.addAccount(
          provider === 'hubspot'
            ? { provider, providerName: 'HubSpot', ...OWNER, type: 'production', setupInformation: {}, secrets: { access_token: 'old' } }
            : {
                provider: 'bamboohr',
                providerName: 'BambooHR',
                ...OWNER,
                type: 'production',
                setupInformation: { subdomain: 'acme' },
                secrets: { api_key: 'bamboo-secret-1' },
              },
        )
        send(200, { id: account.id })
      } else if (path === '/coop' && request.method === 'POST') {
        dev.oauth.coop = (await body(request)).coop === true
        send(200, { coop: dev.oauth.coop })
      } else if (path === '/accounts' && request.method === 'GET') {
        const answer = await fetch(`${dev.apiUrl}/accounts`, { headers: { authorization: auth } })
        send(answer.status, await answer.json())
      } else if (path === '/secrets' && request.method === 'POST') {
        const { id } = await body(request)
        send(200, dev.store.accounts.get(String(id))?.secrets ?? null)
      } else if (path === '/reset' && request.method === 'POST') {
        dev.store.reset()
        dev.oauth.coop = false
        send(200, {})
      } else {
        send(404, { error: 'not found' })
      }
    } catch (error) {
      send(500, { error: String(error) })
    }
  })
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve))
  project.provide('stackOneBackendUrl', `http://127.0.0.1:${(backend.address() as AddressInfo).port}`)

  return async () => {
    await new Promise<void>((resolve) => {
      backend.close(() => resolve())
      backend.closeAllConnections()
    })
    await (await starting)?.close()
  }
}
