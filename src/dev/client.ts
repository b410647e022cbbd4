// Types of the module the `connectHubDev()` Vite plugin serves. Reference them with
// `/// <reference types="react-connect-hub/dev/client" />` (or list them in `compilerOptions.types`).
declare module 'virtual:connect-hub-dev' {
  /** The reference hub page's URL: pass it as `hubUrl`. */
  export const hubUrl: string
  /**
   * The dev session API's URL, which also serves StackOne's `/hub/*` endpoints: pass it as `stackOneHub({ baseUrl })`.
   * The Vite page's own origin may call it (CORS).
   */
  export const apiUrl: string
  /**
   * Where OAuth providers send the window back to, for StackOne's hub: pass it as `stackOneHub({ appUrl })`
   * (the dev API serves `/embedded/accounts/callback`).
   */
  export const appUrl: string
  /** Where `getToken` posts the session options (`createConnectSessionHandler` on the dev server). */
  export const tokenUrl: string
  /** Where the signed-in owner's connected accounts are listed (the dev API's `GET /accounts`, fetched server-side). */
  export const accountsUrl: string
  /** The reference catalog: provider keys, names, categories and how each connects, e.g. for a provider picker. */
  export const providers: readonly { key: string; name: string; categories: readonly string[]; auth: 'oauth2' | 'credentials' }[]
}
