// The dev servers' one HTTP style: Web handlers, `(request: Request) => Promise<Response>`. They run in Node behind
// `servers.ts` (the one place that speaks `node:http`) and, for the session and hub API, in a static Storybook's page.
import { isPlainObject } from '../json.ts'

export { isPlainObject }

const MAX_BODY_BYTES = 64 * 1024
const MAX_FORM_BYTES = 8 * 1024
const encoder = /* @__PURE__ */ new TextEncoder()

/** Thrown by handlers to answer with an error; each server writes it in its own wire's shape. */
export class HttpError extends Error {
  readonly status: number
  readonly extra: Record<string, unknown>
  constructor(status: number, message: string, extra: Record<string, unknown> = {}) {
    super(message)
    this.status = status
    this.extra = extra
  }
}

/** Runs a handler; a thrown `HttpError` is answered by `render`, anything else is told in the server's output only. */
export async function guard(what: string, run: () => Promise<Response>, render: (error: HttpError) => Response): Promise<Response> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof HttpError) return render(error)
    console.error(error)
    // An unexpected failure is told in the server's output, not to whoever asked: its text may name files and paths.
    return render(new HttpError(500, `react-connect-hub: ${what} failed — see its output`))
  }
}

/** A JSON answer with a charset, its length and `no-store`. */
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

async function readText(request: Request, limit: number): Promise<string> {
  const bytes = new Uint8Array(await request.arrayBuffer())
  if (bytes.byteLength > limit) throw new HttpError(413, `react-connect-hub: request body over ${limit} bytes`)
  return new TextDecoder().decode(bytes)
}

/** The request body parsed as JSON; an empty body is `undefined`. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readText(request, MAX_BODY_BYTES)
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(400, 'react-connect-hub: the request body is not valid JSON')
  }
}

/** A posted form (`application/x-www-form-urlencoded`), at most 8 KiB. */
export const readForm = async (request: Request): Promise<URLSearchParams> => new URLSearchParams(await readText(request, MAX_FORM_BYTES))

/** A path segment, percent-decoded: a malformed encoding is the client's mistake (400), never an exception text. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new HttpError(400, 'react-connect-hub: the URL holds a malformed percent-encoding')
  }
}

export const delay = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve())
