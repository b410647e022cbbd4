import { HttpError } from './http.ts'

// The dev API's answers as Web `Response`s: the same handlers serve the node servers and, in a static Storybook, the page.

const MAX_BODY_BYTES = 64 * 1024
const encoder = /* @__PURE__ */ new TextEncoder()

/** A JSON answer with the headers the node servers always sent: a charset, the length, `no-store`. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const bytes = encoder.encode(JSON.stringify(body))
  return new Response(bytes, {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(bytes.byteLength),
      'cache-control': 'no-store',
      ...headers,
    },
  })
}

/** StackOne's error body: `{ statusCode, message, timestamp }`, plus what helps, e.g. `issues`. */
export const errorResponse = (error: HttpError, now: number): Response =>
  jsonResponse(error.status, { statusCode: error.status, message: error.message, timestamp: new Date(now).toISOString(), ...error.extra })

/** The request body parsed as JSON; an empty body is `undefined`. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const bytes = new Uint8Array(await request.arrayBuffer())
  if (bytes.byteLength > MAX_BODY_BYTES) throw new HttpError(413, `react-connect-hub: request body over ${MAX_BODY_BYTES} bytes`)
  const text = new TextDecoder().decode(bytes)
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(400, 'react-connect-hub: the request body is not valid JSON')
  }
}

/** A constant-time comparison of two strings: the dev key check does not tell how much of a guess was right. */
export function sameSecret(a: string, b: string): boolean {
  const left = encoder.encode(a)
  const right = encoder.encode(b)
  let difference = left.length ^ right.length
  for (let index = 0; index < left.length; index++) difference |= (left[index] ?? 0) ^ (right[index % right.length] ?? 0)
  return difference === 0
}

/** Base64 of UTF-8 text, and back, in browsers and Node alike. */
export const base64 = {
  encode: (text: string) => btoa(String.fromCharCode(...encoder.encode(text))),
  decode: (data: string) => new TextDecoder().decode(Uint8Array.from(atob(data), (char) => char.charCodeAt(0))),
}

/** `count` random bytes as base64url. */
export function randomBase64url(count: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(count))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}
