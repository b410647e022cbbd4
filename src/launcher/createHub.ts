import { asConnectHubError, ConnectHubError } from '../errors.ts'
import type { HubCallbacks, HubFactory, HubInstance } from '../hub/types.ts'
import { frameHub } from './deferred.ts'
import { resolveLabels } from './labels.ts'
import type { Run } from './run.ts'
import { type ConnectHubOptions, DEFAULT_TIMEOUT_MS } from './types.ts'

/**
 * Creates the run's hub inside its chrome: the `hub` option's component hub, else the iframe hub at `hubUrl` (at
 * once when its code is loaded, which a mounted button has done, else as soon as it is), and gives it `hubTimeout`
 * to say ready. `created` runs once the hub exists; a hub that cannot be created (a `hubUrl` refused, a factory that
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
  const create = (factory: HubFactory) => {
    try {
      const hub = factory({
        display: options.display ?? 'modal',
        container: run.chrome.body,
        title: resolveLabels(options).title,
        callbacks,
      })
      run.hub = hub
      created(hub)
    } catch (error) {
      failed(asConnectHubError(error, 'hub_unavailable'))
    }
  }
  const loaded = frameHub.get()
  if (options.hub) create(options.hub)
  else if (loaded) create(loaded.frameHub(options.hubUrl))
  else
    frameHub.load().then(
      (module) => {
        if (run.attempt === attempt) create(module.frameHub(options.hubUrl))
      },
      (cause: unknown) => {
        if (run.attempt === attempt) {
          failed(new ConnectHubError('hub_unavailable', 'the iframe hub could not be loaded — check the network and Retry', { cause }))
        }
      },
    )
}
