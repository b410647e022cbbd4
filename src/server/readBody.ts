/** The body was larger than allowed: answered with 413. */
export class TooLarge extends Error {}

/** Reads the body as UTF-8 text, counting bytes as they arrive: `Content-Length` may be absent (chunked) or wrong. */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) throw new TooLarge()
  if (!request.body) return ''
  const reader = request.body.getReader()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let received = 0
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text + decoder.decode()
    received += value.byteLength
    if (received > maxBytes) {
      await reader.cancel().catch(() => {})
      throw new TooLarge()
    }
    text += decoder.decode(value, { stream: true })
  }
}

/** `application/json`, with or without parameters such as a charset. */
export function isJson(contentType: string | null): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase()
  return mediaType === 'application/json'
}
