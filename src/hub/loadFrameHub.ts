import type { HubFactory } from './types.ts'

type FrameHub = (hubUrl: string | undefined) => HubFactory

let loaded: FrameHub | undefined
let loading: Promise<FrameHub> | undefined

/**
 * Loads the iframe hub's code (the protocol's parser, the hubUrl check) when a button mounts, like the session
 * schema, rather than with the page: a click finds it loaded, and a page whose buttons open a component hub never
 * loads it. A failed load is tried again next time.
 */
export function loadFrameHub(): Promise<FrameHub> {
  loading ??= import('./frameHub.ts').then(
    (module) => (loaded = module.frameHub),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** The iframe hub, once its code has loaded. */
export const loadedFrameHub = (): FrameHub | undefined => loaded
