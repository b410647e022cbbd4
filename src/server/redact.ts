const REDACTED = '[redacted]'

/** Replaces every occurrence of the secrets in `text`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) if (secret) result = result.split(secret).join(REDACTED)
  return result
}

function describeChain(value: unknown, depth = 0): string {
  if (depth > 8 || value === null || value === undefined) return ''
  if (value instanceof Error) return `${value.message}\n${value.stack ?? ''}\n${describeChain(value.cause, depth + 1)}`
  try {
    return typeof value === 'object' ? JSON.stringify(value) : String(value)
  } catch {
    return String(value)
  }
}

/**
 * `cause` as is when it cannot reveal a secret, else a plain `Error` carrying its redacted message.
 * A custom `fetch` may well describe the request it failed on, Authorization header included.
 */
export function safeCause(cause: unknown, secrets: readonly string[]): unknown {
  const text = describeChain(cause)
  if (!secrets.some((secret) => secret && text.includes(secret))) return cause
  const message = cause instanceof Error ? cause.message : String(cause)
  const safe = new Error(redact(message, secrets))
  safe.stack = redact(`${cause instanceof Error ? cause.name : 'Error'}: ${safe.message}`, secrets)
  return safe
}
