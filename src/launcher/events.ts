import type { ConnectHubError } from '../errors.ts'
import type { ConnectHubEvent, ConnectHubOptions } from './types.ts'

/** The fields an event of type `T` carries besides its type and timestamp. */
type Extra<T> = Omit<
  ConnectHubEvent extends infer E ? (E extends { type: infer U } ? (T extends U ? E : never) : never) : never,
  'type' | 'timestamp'
>

/** The launcher's voice towards the host: its callbacks, always read from the latest options. */
export function createEvents(options: () => ConnectHubOptions) {
  /** Runs a host callback; one that throws must not leave a dialog open or a state half-changed. */
  function call<A extends unknown[]>(name: keyof ConnectHubOptions, callback: ((...args: A) => void) | undefined, ...args: A) {
    try {
      callback?.(...args)
    } catch (error) {
      console.error(`react-connect-hub: ${name} threw`, error)
    }
  }

  function emit<T extends ConnectHubEvent['type']>(type: T, ...[extra]: keyof Extra<T> extends never ? [] : [Extra<T>]) {
    // type and timestamp last: extra fields can never override them.
    const event = { ...extra, type, timestamp: performance.timeOrigin + performance.now() } as ConnectHubEvent
    call('onEvent', options().onEvent, event)
  }

  /** Every failure goes to `onError`, or once to the console without it. */
  function report(error: ConnectHubError) {
    emit('error', { error })
    const { onError } = options()
    if (onError) call('onError', onError, error)
    else console.error(error)
  }

  return { call, emit, report }
}

export type Events = ReturnType<typeof createEvents>
