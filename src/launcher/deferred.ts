import { lazy } from '../lazy.ts'
import type { Look } from './look.ts'
import type { ConnectHubOptions } from './types.ts'

// What the launcher loads when a button mounts (warm), never with the page, each part with an import() of its own
// and all in parallel: a click finds them loaded. One that comes first still shows its dialog at once.

/** The session schema (zod), the largest part of the library: every token request follows a validation. */
export const schema = lazy(() => import('../session/parse.ts'))

/** `getToken`'s call with its time limit and the checks of what it returns. */
export const tokenRequest = lazy(() => import('../token/requestToken.ts'))

/** The iframe hub and the protocol's parser: never loaded by a page whose buttons open a component hub. */
export const frameHub = lazy(() => import('../hub/frameHub.ts'))

/** The dialog's words in the button's language (each language a chunk of its own), the looks and the error texts. */
export const looks = lazy(() => import('./look.ts'))

/** The look of a run for `options`: at once when its code and words are loaded (a mounted button loaded them), else a promise. */
export const lookFor = (options: ConnectHubOptions): Look | Promise<Look> =>
  looks.get()?.lookOf(options) ?? looks.load().then((code) => code.loadLook(options))

/** Starts loading what a button needs before its first click: no iframe hub for a button with a component hub. */
export function preload(options: ConnectHubOptions): void {
  for (const code of options.hub ? [schema, tokenRequest] : [schema, tokenRequest, frameHub]) code.load().catch(() => {})
  Promise.resolve(lookFor(options)).catch(() => {})
}
