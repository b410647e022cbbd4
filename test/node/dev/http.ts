import { once } from 'node:events'
import { type IncomingHttpHeaders, type IncomingMessage, request } from 'node:http'

export interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/**
 * One request with exactly the given path and headers — `fetch` would normalise the path and may not send any `Host`
 * it is given. `host: null` sends no Host header at all.
 */
export async function raw(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; host?: string | null; body?: string | undefined } = {},
): Promise<RawAnswer> {
  const url = new URL(base)
  const headers = { ...options.headers, ...(typeof options.host === 'string' && { host: options.host }) }
  const sent = request({
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port,
    path,
    method: options.method ?? 'GET',
    headers,
    setHost: options.host !== null,
  })
  sent.end(options.body)
  const [response] = (await once(sent, 'response')) as [IncomingMessage]
  let text = ''
  for await (const chunk of response) text += chunk
  return { status: response.statusCode ?? 0, headers: response.headers, text }
}

export const basicAuth = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`
