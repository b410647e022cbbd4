/** The Basic credential StackOne expects, `base64(apiKey + ':')`, for any key: `btoa` alone throws beyond Latin-1. */
export function basicCredential(apiKey: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(`${apiKey}:`)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** The `Authorization` header value for `apiKey`: `Basic base64(apiKey + ':')`. */
export const basicAuthorization = (apiKey: string): string => `Basic ${basicCredential(apiKey)}`
