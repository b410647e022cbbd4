import { lazy } from '../lazy.ts'

// What the launcher loads when a button mounts (warm), never with the page, each part with an import() of its own
// and all in parallel: a click finds them loaded. One that comes first still shows its dialog at once.

/** The session schema (zod), the largest part of the library: every token request follows a validation. */
export const schema = lazy(() => import('../session/parse.ts'))

/** `getToken`'s call with its time limit and the checks of what it returns. */
export const tokenRequest = lazy(() => import('../token/requestToken.ts'))

/** The iframe hub and the protocol's parser: never loaded by a page whose buttons open a component hub. */
export const frameHub = lazy(() => import('../hub/frameHub.ts'))

/** The end-user text of each error code: only an open dialog with an error shows it. */
export const errorTexts = lazy(() => import('./errorText.ts'))

/** Starts loading what a button needs before its first click: no iframe hub for a button with a component hub. */
export function preload(withFrameHub: boolean): void {
  for (const code of withFrameHub ? [schema, tokenRequest, errorTexts, frameHub] : [schema, tokenRequest, errorTexts])
    code.load().catch(() => {})
}
