import { isConnectHubError } from '../../errors.ts'
import { checkHubUrl } from '../../hub/hubUrl.ts'
import { PROVIDERS } from '../catalog.ts'
import { DEV_ROUTES } from './routes.ts'
import type { BundleItemLike } from './types.ts'

/** The module browser code imports the hub's addresses from. */
export const VIRTUAL_MODULE_ID = 'virtual:connect-hub-dev'

/** The addresses `virtual:connect-hub-dev` exports: the dev hub's under `vite`, yours in `vite build`. */
export interface ConnectHubUrls {
  /** The hub page (`hubUrl` of `<ConnectButton>`), e.g. `'https://hub.example.com/connect'`. */
  hubUrl: string
  /** Where `getToken` posts the session options: your route with `createConnectSessionHandler`, e.g. `'/api/connect-session'`. */
  tokenUrl: string
  /** Where the page lists the signed-in owner's connected accounts, e.g. `'/api/accounts'`. */
  accountsUrl: string
  /** The session API, e.g. `'https://api.stackone.com'` for `stackOneHub({ baseUrl: apiUrl })`. */
  apiUrl: string
  /** Where OAuth providers send the window back to, e.g. `'https://app.stackone.com'` for `stackOneHub({ appUrl })`. */
  appUrl: string
}

/** The same addresses, each optional (an unset or `undefined` one counts as missing). */
export type ConnectHubUrlOptions = { [Name in keyof ConnectHubUrls]?: string | undefined }

type UrlName = keyof ConnectHubUrls

/** Each production address, the env variable that can set it, and an example for messages. */
const SETTINGS: Record<UrlName, { env: string; example: string; absolute: boolean }> = {
  hubUrl: { env: 'VITE_CONNECT_HUB_URL', example: 'https://hub.example.com/connect', absolute: true },
  tokenUrl: { env: 'VITE_CONNECT_HUB_TOKEN_URL', example: '/api/connect-session', absolute: false },
  accountsUrl: { env: 'VITE_CONNECT_HUB_ACCOUNTS_URL', example: '/api/accounts', absolute: false },
  apiUrl: { env: 'VITE_CONNECT_HUB_API_URL', example: 'https://api.stackone.com', absolute: true },
  appUrl: { env: 'VITE_CONNECT_HUB_APP_URL', example: 'https://app.stackone.com', absolute: true },
}
const NAMES = Object.keys(SETTINGS) as UrlName[]

/**
 * Under Vitest: addresses no server answers, so a test never reaches a dev hub (or production) by accident. `.invalid`
 * never resolves; the routes are the dev server's, for request mocks (MSW) written once for both.
 */
export const TEST_URLS: ConnectHubUrls = {
  hubUrl: 'https://hub.connect-hub.invalid/',
  tokenUrl: DEV_ROUTES.token,
  accountsUrl: DEV_ROUTES.accounts,
  apiUrl: 'https://api.connect-hub.invalid',
  appUrl: 'https://app.connect-hub.invalid',
}

/** The production addresses: the plugin's `production` option first, then the `VITE_CONNECT_HUB_…` env variables. */
export function productionUrls(option: ConnectHubUrlOptions, env: Record<string, unknown>): ConnectHubUrlOptions {
  const urls: ConnectHubUrlOptions = {}
  for (const name of NAMES) {
    const fromEnv = env[SETTINGS[name].env] ?? process.env[SETTINGS[name].env]
    const value = option[name] ?? (typeof fromEnv === 'string' ? fromEnv : undefined)
    if (value !== undefined && value.trim() !== '') urls[name] = value.trim()
  }
  return urls
}

/**
 * Why a production address cannot be used, if so. The hub's is held to the launcher's own rule (`checkHubUrl`: https,
 * or http on loopback only), so that a build never ships a hub every open would refuse.
 */
export function invalidUrl(name: UrlName, value: string): string | undefined {
  if (!SETTINGS[name].absolute) return undefined
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined
  if (protocol !== 'https:' && protocol !== 'http:') {
    return `react-connect-hub: the production ${name} ${JSON.stringify(value)} is not an http(s) URL — write it whole, e.g. ${JSON.stringify(SETTINGS[name].example)}`
  }
  if (name !== 'hubUrl') return undefined
  try {
    // The page's origin is not known at build time: 'null' (an opaque origin) is no hub's.
    checkHubUrl(value, 'null')
    return undefined
  } catch (error) {
    if (!isConnectHubError(error)) throw error
    return `react-connect-hub: the production hubUrl would be refused by every ConnectButton — ${error.detail}`
  }
}

/** The source of `virtual:connect-hub-dev` in `vite build`: the production addresses, each checked; a bad one fails the build. */
export function buildSource(option: ConnectHubUrlOptions, env: Record<string, unknown>): string {
  const urls = productionUrls(option, env)
  for (const [name, value] of Object.entries(urls) as [UrlName, string][]) {
    const problem = invalidUrl(name, value)
    if (problem) throw new Error(problem)
  }
  return moduleSource(urls)
}

// A missing production address becomes a pure call that carries this marker: tree-shaking drops it when the app does
// not use the address, and generateBundle fails the build when it is still there. A build never ships a guess.
const MISSING = 'react-connect-hub:missing-production-'
const MISSING_PATTERN = /react-connect-hub:missing-production-(hubUrl|tokenUrl|accountsUrl|apiUrl|appUrl)/g

/** The source of `virtual:connect-hub-dev`: every address given, a build-failing marker for each one missing. */
export function moduleSource(urls: ConnectHubUrlOptions): string {
  const providers = PROVIDERS.map(({ key, name, categories, auth }) => ({ key, name, categories, auth }))
  const lines = NAMES.map((name) => {
    const value = urls[name]
    return value === undefined
      ? `export const ${name} = /* @__PURE__ */ missing(${JSON.stringify(MISSING + name)})`
      : `export const ${name} = ${JSON.stringify(value)}`
  })
  const helper = NAMES.some((name) => urls[name] === undefined)
    ? [`function missing(name) { throw new Error('react-connect-hub: ' + name + ' — set it in connectHubDev({ production })') }`]
    : []
  return [...helper, ...lines, `export const providers = ${JSON.stringify(providers)}`, ''].join('\n')
}

/** The production addresses the built code uses but nobody set. */
export function missingInBundle(bundle: Record<string, BundleItemLike>): UrlName[] {
  const found = new Set<UrlName>()
  for (const item of Object.values(bundle)) {
    if (item.type !== 'chunk') continue
    for (const match of item.code.matchAll(MISSING_PATTERN)) found.add(match[1] as UrlName)
  }
  return NAMES.filter((name) => found.has(name))
}

/** What a build without `names` must say: which values to set, and the two ways to set them. */
export function missingMessage(names: UrlName[], importers: readonly string[]): string {
  const from = importers.length ? ` (imported by ${importers.join(', ')})` : ''
  const option = names.map((name) => `${name}: ${JSON.stringify(SETTINGS[name].example)}`).join(', ')
  const env = names.map((name) => `${SETTINGS[name].env}=…`).join(' ')
  return [
    `react-connect-hub: vite build has no production ${names.join(', ')} for ${VIRTUAL_MODULE_ID}${from}.`,
    '  The dev hub runs only under `vite` (serve), so its addresses are never built in. Set the production ones:',
    `  - in vite.config: connectHubDev({ production: { ${option} } })`,
    `  - or in the build's environment (or .env.production): ${env}`,
  ].join('\n')
}
