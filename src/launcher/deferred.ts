import { type Lazy, lazy } from '../lazy.ts'
import type { ConnectHubOptions } from './types.ts'

// What the launcher loads when a button mounts (warm), never with the page, each part with an import() of its own
// and all in parallel: a click finds them loaded. One that comes first still shows its dialog at once.

/** The code a launcher loads lazily, each part on its own. Tests hand a launcher these already loaded. */
export interface LauncherModules {
  /** A run and all it drives: the phases, the dialog, the hub's messages. A click that comes first waits for it. */
  run: Lazy<typeof import('./run.ts')>
  /** The session schema (zod), the largest part of the library: every token request follows a validation. */
  schema: Lazy<typeof import('../session/parse.ts')>
  /** `getToken`'s call with its time limit and the checks of what it returns. */
  tokenRequest: Lazy<typeof import('../token/requestToken.ts')>
  /** The iframe hub and the protocol's parser: never loaded by a page whose buttons open a component hub. */
  frameHub: Lazy<typeof import('../hub/frameHub.ts')>
  /** The dialog's words in the button's language (each language a chunk of its own), the looks and the error texts. */
  looks: Lazy<typeof import('./look.ts')>
}

/** The real dynamic imports, shared by every launcher on the page: each chunk loads once. */
export const LAUNCHER_MODULES: LauncherModules = {
  run: lazy(() => import('./run.ts')),
  schema: lazy(() => import('../session/parse.ts')),
  tokenRequest: lazy(() => import('../token/requestToken.ts')),
  frameHub: lazy(() => import('../hub/frameHub.ts')),
  looks: lazy(() => import('./look.ts')),
}

/** Starts loading what a button needs before its first click, its language's words too: no iframe hub for a button with a component hub. */
export function preload(modules: LauncherModules, options: ConnectHubOptions): void {
  const { run, schema, tokenRequest, frameHub, looks } = modules
  for (const code of options.hub ? [run, schema, tokenRequest] : [run, schema, tokenRequest, frameHub]) code.load().catch(() => {})
  looks
    .load()
    .then((code) => code.loadLook(options))
    .catch(() => {})
}
