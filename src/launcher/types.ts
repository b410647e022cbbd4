import type { ConnectHubError } from '../errors.ts'
import type { HubFactory } from '../hub/types.ts'
import type { Appearance } from '../protocol/appearance.ts'
import type { ConnectMode, HubDisplay } from '../protocol/messages.ts'
import type { ConnectSessionOptions } from '../session/schema.ts'
import type { GetToken } from '../token/token.ts'
import type { ConnectHubLabels } from './labels.ts'

/** `tokenTimeout` and `hubTimeout` when not given, in ms. */
export const DEFAULT_TIMEOUT_MS = 15_000

export type ConnectHubStatus = 'idle' | 'fetching-token' | 'opening' | 'open' | 'error'

/** When to fetch the token and pre-load the hub before the user clicks. */
export type PrefetchStrategy = 'intent' | 'visible' | 'mount' | 'none'

/** What `onSuccess` receives: the account that was connected or edited. */
export interface ConnectSuccess {
  accountId: string
  provider: string
  mode: ConnectMode
}

interface EventBase<T extends string> {
  type: T
  /** Epoch milliseconds, sub-millisecond precision (`performance.timeOrigin + performance.now()`). */
  timestamp: number
}

/** The launcher's event stream, for analytics and timing. */
export type ConnectHubEvent =
  | EventBase<'token_requested' | 'token_received' | 'hub_opened' | 'hub_ready' | 'cancel' | 'close' | 'open_blocked'>
  | (EventBase<'token_refreshed'> & { reason: 'expired' | 'stale' })
  | (EventBase<'success'> & ConnectSuccess)
  | (EventBase<'error'> & { error: ConnectHubError })
  | (EventBase<'message_ignored'> & {
      /**
       * `origin`/`source`: not from the hub's frame; `shape`: not protocol v1 (or an analytics event whose `data` is not
       * plain JSON); `hidden`: success or cancel from a pre-loaded hub not yet shown. Only the launcher reports these.
       */
      reason: 'origin' | 'source' | 'shape' | 'hidden'
      origin: string
    })
  /** A hub's own analytics event, whatever its name; `data` is a plain JSON value. */
  | (EventBase<'hub_event'> & { name: string; data?: unknown })

export interface ConnectHubCallbacks {
  /** Called once per account connected or edited, before the hub closes. */
  onSuccess?: ((result: ConnectSuccess) => void) | undefined
  /** Called when the hub is dismissed without success (close control, Escape, the hub's cancel, `close()`). */
  onCancel?: (() => void) | undefined
  /** Called on every dismissal, after `onSuccess` or `onCancel`. */
  onClose?: (() => void) | undefined
  /** Called with every failure. Without it, each failure is logged once with `console.error`. */
  onError?: ((error: ConnectHubError) => void) | undefined
  /** Called with every event of the launcher, for analytics and timing. */
  onEvent?: ((event: ConnectHubEvent) => void) | undefined
}

/** Options of `useConnectHub` and `<ConnectButton>`, besides the connect-session options. */
export interface ConnectHubSettings extends ConnectHubCallbacks {
  /**
   * Asks your backend for a connect-session token. Called with the validated session options and an `AbortSignal`.
   * A pre-loaded hub belongs to the `getToken` it was made with: a new function (one bound to another organisation,
   * or an inline arrow re-created on every render) drops it before the click. Define it outside the component or in
   * `useCallback` to keep a prefetch across re-renders; within one open, a new function never asks twice.
   */
  getToken: GetToken
  /**
   * Who is signed in: a user or organisation id. A token serves one user and one open: when `identity` changes,
   * the launcher drops any token and any hub pre-loaded for the previous one, and closes a hub on screen.
   * @default undefined
   */
  identity?: string | number | null | undefined
  /** The URL of the hub page (protocol v1). Required unless `hub` is given. */
  hubUrl?: string | undefined
  /** Another kind of hub, e.g. `stackOneHub()` from `react-connect-hub/stackone`. Takes precedence over `hubUrl`. */
  hub?: HubFactory | undefined
  /** `'modal'`: a dialog over the page. `'inline'`: the hub in place (or in `container`). @default 'modal' */
  display?: HubDisplay | undefined
  /** Where an inline hub is rendered (an element, or a function returning it when the hub opens). @default the element `<ConnectButton>` renders after itself */
  container?: HTMLElement | null | (() => HTMLElement | null) | undefined
  /** When to fetch the token and pre-load the hub ahead of the click. @default 'intent' */
  prefetch?: PrefetchStrategy | undefined
  /** How long `getToken` may take before `token_timeout`, in ms. @default 15000 */
  tokenTimeout?: number | undefined
  /** How long the hub may take to say `ready` before `hub_unavailable`, in ms. @default 15000 */
  hubTimeout?: number | undefined
  /** The launcher's own strings (dialog name, close, loading, error, retry) and the end user's text of each error code. */
  labels?: Partial<ConnectHubLabels> | undefined
  /**
   * Shows the developer's message of an error (the `ConnectHubError`'s, without its prefix) in the dialog, under the
   * end user's text: for development, e.g. `showErrorDetails={import.meta.env.DEV}`. It always goes to `onError`, or to
   * the console without it.
   * @default false
   */
  showErrorDetails?: boolean | undefined
  /** Classes added to the dialog (or inline box), next to `rch-root rch-dialog` / `rch-inline`. */
  dialogClassName?: string | undefined
  /**
   * The language of the launcher's words and of the hub: a BCP 47 tag (`'fr'`, `'de-CH'`, `'ar'`). A tag without
   * built-in words falls back by its language (`de-CH` → `de`), then to English; `labels` still replaces any word.
   * @default the page's `<html lang>`, else `'en'`
   */
  locale?: string | undefined
  /**
   * The host's look, for the launcher's dialog and the hub: `colorScheme` (`'light'`, `'dark'`, `'system'`), `accent`,
   * `radius`, `fontFamily`. Invalid values are dropped; the `--rch-*` CSS variables still win on the dialog.
   * @default { colorScheme: 'system' }
   */
  appearance?: Appearance | undefined
}

/** Everything `useConnectHub` takes: the connect-session options and the launcher's settings. */
export type ConnectHubOptions = ConnectSessionOptions & ConnectHubSettings

export interface ConnectHubState {
  /** `idle`, `fetching-token` (opened, waiting for the token), `opening` (token here, hub loading), `open` or `error`. */
  status: ConnectHubStatus
  /** The last failure while open, cleared by Retry and on close. */
  error: ConnectHubError | null
  /** Whether the hub is on screen (a pre-loaded hub is not). */
  isOpen: boolean
}

/** The state of a launcher with no hub on screen, and of every launcher on the server. */
export const IDLE: ConnectHubState = { status: 'idle', error: null, isOpen: false }

/** The runtime list of `ConnectHubSettings` keys, to tell them apart from a component's other props. */
export const SETTINGS_KEYS = [
  'getToken',
  'identity',
  'hubUrl',
  'hub',
  'display',
  'container',
  'prefetch',
  'tokenTimeout',
  'hubTimeout',
  'labels',
  'showErrorDetails',
  'dialogClassName',
  'locale',
  'appearance',
  'onSuccess',
  'onCancel',
  'onClose',
  'onError',
  'onEvent',
] as const satisfies readonly (keyof ConnectHubSettings)[]

// Exhaustive by type: a new setting fails to compile here, naming itself, until it is listed above, so that
// <ConnectButton> never passes it on to the <button> as a DOM attribute.
type UnlistedSetting = Exclude<keyof ConnectHubSettings, (typeof SETTINGS_KEYS)[number]>
const everySettingListed: [UnlistedSetting] extends [never] ? true : UnlistedSetting = true
void everySettingListed
