import { asConnectHubError } from '../errors.ts'
import type { HubContext, HubInstance } from '../hub/types.ts'
import type { LauncherModules } from './deferred.ts'
import type { ConnectHubOptions } from './types.ts'

type FrameHubModule = NonNullable<ReturnType<LauncherModules['frameHub']['get']>>

/**
 * The hub for `options` inside `context.container`: the `hub` option's component hub, else the iframe hub at `hubUrl`
 * (its code, `frame`, loaded). A hub that cannot be created (a `hubUrl` refused, a factory that throws) throws a
 * `ConnectHubError`, `hub_unavailable` unless it says otherwise.
 */
export function createHub(options: ConnectHubOptions, frame: FrameHubModule | undefined, context: HubContext): HubInstance {
  try {
    const factory = options.hub ?? (frame as FrameHubModule).frameHub(options.hubUrl)
    return factory(context)
  } catch (error) {
    throw asConnectHubError(error, 'hub_unavailable')
  }
}
