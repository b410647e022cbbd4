import { ConnectHubError } from '../errors.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'
import type { GetToken, Token } from './token.ts'
import { toToken } from './toToken.ts'

function describe(cause: unknown): string {
  if (cause instanceof Error) return cause.message
  try {
    return String(cause)
  } catch {
    // An object without a prototype has no toString.
    return 'an object that is not an Error'
  }
}

/** One call of the host's `getToken` in flight. */
export interface TokenRequest {
  promise: Promise<Token>
  /** Aborts `getToken`'s signal; the promise rejects with an `AbortError`. */
  abort(): void
}

/**
 * Calls `getToken` once, with an `AbortSignal` and a time limit. Every failure becomes a `ConnectHubError`
 * (`token_failed`, `token_timeout`, `invalid_token`), an abort an `AbortError`: nothing escapes unhandled.
 */
export function requestToken(
  getToken: GetToken,
  session: NormalizedConnectSessionOptions,
  timeoutMs: number,
  now = Date.now,
): TokenRequest {
  const controller = new AbortController()
  const promise = new Promise<Token>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new ConnectHubError(
          'token_timeout',
          `getToken did not settle within ${timeoutMs} ms — check your token endpoint or raise tokenTimeout`,
        ),
      )
      controller.abort()
    }, timeoutMs)
    controller.signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new DOMException('The token request was aborted', 'AbortError'))
    })
    Promise.resolve()
      .then(() => getToken(session, { signal: controller.signal }))
      .then(
        (result) => toToken(result, session, now()),
        (cause: unknown) => {
          throw new ConnectHubError('token_failed', `getToken failed: ${describe(cause)}`, { cause })
        },
      )
      .then(resolve, reject)
      .finally(() => clearTimeout(timer))
  })
  return { promise, abort: () => controller.abort() }
}
