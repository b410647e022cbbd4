import { ApiError, TokenExpired } from './api.ts'
import type { Host } from './host.ts'
import { announce, showMessage } from './screens.ts'
import { words } from './words/index.ts'

export type Step = () => Promise<void>
export type Run = (step: Step) => Promise<void>

/**
 * The session token and the steps that call the API with it. A step the API refuses for an expired token waits for
 * the host's next token, then runs again; any other failure is told to the host and shown, with Try again (which runs
 * `first` again).
 */
export function createSteps(host: Host, first: Step) {
  let token = ''
  let begun = false
  /** The step refused for an expired token, run again once the host sends a new one. */
  let paused: Step | undefined

  const fail = (code: string, message: string) => {
    host.post('error', { code, message })
    showMessage('error', words.failed, message, { label: words.tryAgain, onClick: () => void run(first) })
  }

  async function run(step: Step): Promise<void> {
    try {
      await step()
    } catch (error) {
      if (error instanceof TokenExpired) {
        paused = step
        announce(words.refreshing)
        host.post('token_expired', {})
      } else if (error instanceof ApiError) {
        fail('api_error', error.message)
      } else {
        fail('network_error', words.networkError(String(error)))
      }
    }
  }

  return {
    run,
    fail,
    /** Read by the API at each call: it changes when the host sends a new one. */
    token: () => token,
    /** The host's `init`, heard once: the session's token, then the first step. */
    begin(initial: string) {
      if (begun) return
      begun = true
      token = initial
      void run(first)
    },
    /** The host's `token`, after `token_expired`: the step that was refused runs again. */
    renew(next: string) {
      token = next
      const step = paused
      paused = undefined
      if (step) void run(step)
    },
  }
}

export type Steps = ReturnType<typeof createSteps>
