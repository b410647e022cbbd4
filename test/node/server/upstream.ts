import { once } from 'node:events'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { onTestFinished, vi } from 'vitest'

export const API_KEY = 'sk_test_9f8e7d6c5b4a3f2e1d0c'
export const CREDENTIAL = Buffer.from(`${API_KEY}:`).toString('base64')

export interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  text: string
  json: Record<string, unknown>
  /** `performance.now()` when the request arrived. */
  at: number
  req: IncomingMessage
}

export type Reply = (res: ServerResponse, received: Received) => void

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
}

/** The body of StackOne's 201 answer, echoing the session it was asked for. */
function createdBody(json: Record<string, unknown>, overrides: Record<string, unknown>) {
  return {
    id: 42,
    organization_id: 7,
    project_id: 'project-1',
    origin_owner_id: json.origin_owner_id,
    origin_owner_name: json.origin_owner_name,
    origin_username: json.origin_username ?? null,
    provider: json.provider ?? null,
    categories: json.categories ?? null,
    account_id: json.account_id ?? null,
    label: null,
    metadata: json.metadata ?? null,
    type: json.type ?? 'production',
    token: 'session-token-123',
    auth_link_url: 'https://app.stackone.com/connect?token=session-token-123',
    external_trigger_token: null,
    created_at: new Date().toISOString(),
    ...overrides,
  }
}

/** StackOne's 201 answer, echoing the session it was asked for. */
export function created(overrides: Record<string, unknown> = {}): Reply {
  return (res, { json }) => sendJson(res, 201, createdBody(json, overrides))
}

/** An answer of a `scriptedFetch`, given the JSON body it was sent. */
export type Answer = (json: Record<string, unknown>) => Response

/** `created()` for a `scriptedFetch`. */
export const createdAnswer =
  (overrides: Record<string, unknown> = {}): Answer =>
  (json) =>
    Response.json(createdBody(json, overrides), { status: 201 })

/** `status()` for a `scriptedFetch`. */
export const statusAnswer =
  (code: number, headers: Record<string, string> = {}): Answer =>
  () =>
    Response.json({ statusCode: code, message: `status ${code}` }, { status: code, headers })

/**
 * A session API without a network, for tests on fake timers: a `fetch` that gives `answers` in turn and keeps the
 * (fake) `Date.now()` of every call.
 */
export function scriptedFetch(...answers: Answer[]) {
  const calls: number[] = []
  const fetch: typeof globalThis.fetch = async (_url, init) => {
    calls.push(Date.now())
    const answer = answers.shift()
    if (!answer) throw new Error(`scriptedFetch: no answer left for call ${calls.length}`)
    return answer(JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as Record<string, unknown>)
  }
  return { fetch, calls }
}

/**
 * Fake `setTimeout` and `Date` for this test; `setImmediate` stays real, so the code under test runs between checks.
 * `waiting(ms)` resolves once something waits on a timer of `ms` milliseconds.
 */
export function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  const timers = vi.spyOn(globalThis, 'setTimeout')
  onTestFinished(() => {
    timers.mockRestore()
    vi.useRealTimers()
  })
  return {
    async waiting(ms: number): Promise<void> {
      while (!timers.mock.calls.some(([, delay]) => delay === ms)) await new Promise((resolve) => setImmediate(resolve))
    },
  }
}

export function status(
  code: number,
  body: unknown = { statusCode: code, message: `status ${code}` },
  headers: Record<string, string> = {},
): Reply {
  return (res) => sendJson(res, code, body, headers)
}

/** Never answers. */
export const hang: Reply = () => {}

/** Drops the connection without an answer. */
export const drop: Reply = (res) => {
  res.socket?.destroy()
}

export interface Upstream {
  url: string
  requests: Received[]
  /** Resolves once `count` requests have arrived. */
  received(count: number): Promise<Received>
}

/** A scripted session API on 127.0.0.1: the n-th request gets the n-th reply (the last one repeats). */
export async function startUpstream(...replies: Reply[]): Promise<Upstream> {
  const requests: Received[] = []
  const waiters: { count: number; resolve: (received: Received) => void }[] = []
  const server = createServer(async (req, res) => {
    const at = performance.now()
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    let json: Record<string, unknown> = {}
    try {
      json = JSON.parse(text)
    } catch {}
    const received: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, text, json, at, req }
    requests.push(received)
    for (const waiter of waiters) if (requests.length === waiter.count) waiter.resolve(received)
    const reply = replies[Math.min(requests.length, replies.length) - 1] ?? created()
    reply(res, received)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  onTestFinished(async () => {
    server.closeAllConnections()
    server.close()
    await once(server, 'close')
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    received: (count) => {
      const done = requests[count - 1]
      if (done) return Promise.resolve(done)
      return new Promise((resolve) => waiters.push({ count, resolve }))
    },
  }
}

/**
 * A session API that knows some accounts: `GET /accounts/{id}` answers the account with its owner (404 when unknown),
 * `POST /connect_sessions` creates a session.
 */
export function withAccounts(owners: Record<string, string>, create: Reply = created()): Reply {
  return (res, received) => {
    const account = /^\/accounts\/([^/?]+)$/.exec(received.url)
    if (received.method === 'GET' && account?.[1]) {
      const id = decodeURIComponent(account[1])
      const owner = Object.hasOwn(owners, id) ? owners[id] : undefined
      if (owner === undefined) return sendJson(res, 404, { statusCode: 404, message: 'Account not found' })
      return sendJson(res, 200, { id, provider: 'hibob', origin_owner_id: owner, origin_owner_name: 'Someone', status: 'active' })
    }
    if (received.method === 'POST' && received.url === '/connect_sessions') return create(res, received)
    sendJson(res, 404, { statusCode: 404, message: `no route ${received.method} ${received.url}` })
  }
}

/** The requests that asked to mint a session. */
export const mints = (upstream: Upstream) => upstream.requests.filter((request) => request.method === 'POST')
