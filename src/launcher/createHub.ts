import { asConnectHubError, ConnectHubError } from '../errors.ts'
import type { HubCallbacks, HubFactory, HubInstance } from '../hub/types.ts'
import { frameHub } from './deferred.ts'
import type { Look } from './look.ts'
import type { Run } from './run.ts'
import { type ConnectHubOptions, DEFAULT_TIMEOUT_MS } from './types.ts'

/**
 * Creates the run's hub inside its chrome: the `hub` option's component hub, else the iframe hub at `hubUrl` (at
 * once when its code and the run's look are loaded, which a mounted button has done, else as soon as they are), told
 * the run's locale, direction and appearance, and gives it `hubTimeout` to say ready. `created` runs once the hub exists; a hub that cannot be created (a `hubUrl` refused, a factory that
 * throws) or that stays silent goes to `failed`.
 */
export function createHub(
  run: Run,
  options: ConnectHubOptions,
  callbacks: HubCallbacks,
  created: (hub: HubInstance) => void,
  failed: (error: ConnectHubError) => void,
): void {
  const attempt = {}
  run.attempt = attempt
  run.started = false
  const timeout = options.hubTimeout ?? DEFAULT_TIMEOUT_MS
  const silent = `the hub did not answer within ${timeout} ms — check hubUrl and that the hub page loads`
  run.hubTimer = setTimeout(() => failed(new ConnectHubError('hub_unavailable', silent)), timeout)
  const create = (factory: HubFactory, look: Look) => {
    try {
      const hub = factory({ display: options.display ?? 'modal', container: run.chrome.body, callbacks, ...look.hub })
      run.hub = hub
      created(hub)
    } catch (error) {
      failed(asConnectHubError(error, 'hub_unavailable'))
    }
  }
  const { look } = run
  const factory = options.hub ?? frameHub.get()?.frameHub(options.hubUrl)
  if (factory && !(look instanceof Promise)) create(factory, look)
  else
    Promise.all([look, options.hub ?? frameHub.load().then((module) => module.frameHub(options.hubUrl))]).then(
      ([ready, loaded]) => {
        if (run.attempt === attempt) create(loaded, ready)
      },
      (cause: unknown) => {
        if (run.attempt === attempt) {
          failed(new ConnectHubError('hub_unavailable', "the launcher's code could not be loaded — check the network and Retry", { cause }))
        }
      },
    )
}
