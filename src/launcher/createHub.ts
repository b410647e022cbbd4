import { ConnectHubError, isConnectHubError } from '../errors.ts'
import { loadedFrameHub, loadFrameHub } from '../hub/loadFrameHub.ts'
import type { HubCallbacks, HubFactory, HubInstance } from '../hub/types.ts'
import { resolveLabels } from './labels.ts'
import type { Run } from './run.ts'
import type { ConnectHubOptions } from './types.ts'

/**
 * Creates the run's hub inside its chrome: the `hub` option's component hub, else the iframe hub at `hubUrl` (at
 * once when its code is loaded, which a mounted button has done, else as soon as it is). `created` runs once the
 * hub exists; a hub that cannot be created (a `hubUrl` refused, a factory that throws) goes to `failed`.
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
  const create = (factory: HubFactory) => {
    try {
      const hub = factory({
        display: options.display ?? 'modal',
        container: run.chrome.body,
        title: resolveLabels(options.labels, options.accountId !== undefined).title,
        callbacks,
      })
      run.hub = hub
      created(hub)
    } catch (error) {
      failed(isConnectHubError(error) ? error : new ConnectHubError('hub_unavailable', String(error), { cause: error }))
    }
  }
  const frameHub = loadedFrameHub()
  if (options.hub) create(options.hub)
  else if (frameHub) create(frameHub(options.hubUrl))
  else
    loadFrameHub().then(
      (load) => {
        if (run.attempt === attempt) create(load(options.hubUrl))
      },
      (cause: unknown) => {
        if (run.attempt === attempt) {
          failed(new ConnectHubError('hub_unavailable', 'the iframe hub could not be loaded — check the network and Retry', { cause }))
        }
      },
    )
}
