import { ConnectHubError } from '../errors.ts'
import type { HubCallbacks } from '../hub/types.ts'
import type { Events } from './events.ts'
import type { ConnectSuccess } from './types.ts'

/** A second `token_expired` this soon after a refresh means refreshing does not help. */
const REFRESH_WINDOW_MS = 10_000

/** What the launcher does with what one hub reports. */
export interface RunControls {
  /** Whether the hub still belongs to the launcher's current run: a replaced or closed hub has no say. */
  live(): boolean
  /** Whether the run is on screen: a pre-loaded hub cannot have been used by anyone. */
  shown(): boolean
  ready(): void
  succeed(result: ConnectSuccess): void
  cancel(): void
  fail(error: ConnectHubError): void
  refresh(): void
  resize(height: number): void
}

/** Turns one hub's reports into the launcher's actions and events, dropping what the hub has no right to say. */
export function hubCallbacks(run: RunControls, events: Events): HubCallbacks {
  let refreshedAt = -Infinity
  const hidden = () => events.emit('message_ignored', { reason: 'hidden', origin: '' })
  return {
    ready() {
      if (run.live()) run.ready()
    },
    success(account, mode) {
      if (!run.live()) return
      if (!run.shown()) return hidden()
      run.succeed({ accountId: account.id, provider: account.provider, mode })
    },
    cancel() {
      if (!run.live()) return
      if (!run.shown()) return hidden()
      run.cancel()
    },
    error(error) {
      if (run.live()) run.fail(error)
    },
    tokenExpired() {
      if (!run.live()) return
      const at = Date.now()
      if (at - refreshedAt < REFRESH_WINDOW_MS) {
        run.fail(new ConnectHubError('token_expired', 'the hub rejected a freshly refreshed token — check the token your backend returns'))
        return
      }
      refreshedAt = at
      run.refresh()
    },
    resize(height) {
      if (run.live()) run.resize(height)
    },
    event(name, data) {
      if (!run.live()) return
      // Analytics only: whatever its name, a hub's event is a hub_event, never one of the launcher's own.
      events.emit('hub_event', data === undefined ? { name } : { name, data })
    },
    rejected(reason, origin) {
      if (run.live()) events.emit('message_ignored', { reason, origin })
    },
  }
}
