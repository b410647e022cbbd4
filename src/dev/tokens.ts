// Random values, encodings and comparisons the dev servers' secrets need, with Web APIs only (Node and browsers alike).

const encoder = /* @__PURE__ */ new TextEncoder()

/** Bytes as base64url, without padding. */
export const toBase64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

/** `count` random bytes as base64url. */
export const randomBase64url = (count: number): string => toBase64url(crypto.getRandomValues(new Uint8Array(count)))

/** An unguessable token with a readable prefix, e.g. `acc_…`. */
export const randomToken = (prefix: string, bytes = 24) => `${prefix}${randomBase64url(bytes)}`

/** PKCE's S256 transform (RFC 7636): base64url(SHA-256(verifier)). */
export async function s256(verifier: string): Promise<string> {
  return toBase64url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(verifier))))
}

/** A constant-time comparison of two strings: a check does not tell how much of a guess was right. */
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
