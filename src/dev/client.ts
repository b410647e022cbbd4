// Types of the module the `connectHubDev()` Vite plugin serves. Reference them with
// `/// <reference types="react-connect-hub/dev/client" />` (or list them in `compilerOptions.types`).
// Under `vite` the addresses are the dev hub's; in `vite build`, the plugin's `production` ones (or VITE_CONNECT_HUB_*);
// under Vitest, addresses no server answers (the plugin's `test` option).
declare module 'virtual:connect-hub-dev' {
  /**
   * The hub page's URL: pass it as `hubUrl`. The reference hub under `vite`; `production.hubUrl` (`VITE_CONNECT_HUB_URL`)
   * in `vite build`; `'https://hub.connect-hub.invalid/'` under Vitest.
   */
  export const hubUrl: string
  /**
   * The session API's URL, e.g. for `stackOneHub({ baseUrl: apiUrl })`. The dev session API under `vite` (which also
   * serves StackOne's `/hub/*` endpoints to the Vite page); `production.apiUrl` (`VITE_CONNECT_HUB_API_URL`) in
   * `vite build`; `'https://api.connect-hub.invalid'` under Vitest.
   */
  export const apiUrl: string
  /**
   * Where OAuth providers send the window back to, for StackOne's hub: pass it as `stackOneHub({ appUrl })`. The dev
   * API under `vite` (it serves `/embedded/accounts/callback`); `production.appUrl` (`VITE_CONNECT_HUB_APP_URL`) in
   * `vite build`; `'https://app.connect-hub.invalid'` under Vitest.
   */
  export const appUrl: string
  /**
   * Where `getToken` posts the session options: `/api/connect-session` under `vite` (`createConnectSessionHandler` on
   * the dev server) and Vitest; `production.tokenUrl` (`VITE_CONNECT_HUB_TOKEN_URL`) in `vite build`.
   */
  export const tokenUrl: string
  /**
   * Where the signed-in owner's connected accounts are listed: `/api/accounts` under `vite` (the dev API's
   * `GET /accounts`, fetched server-side) and Vitest; `production.accountsUrl` (`VITE_CONNECT_HUB_ACCOUNTS_URL`) in `vite build`.
   */
  export const accountsUrl: string
  /**
   * The reference catalog: provider keys, names, categories and how each connects, e.g. for a provider picker. The
   * same everywhere.
   */
  export const providers: readonly { key: string; name: string; categories: readonly string[]; auth: 'oauth2' | 'credentials' }[]
}
