import type { ConnectHubError } from '../errors.ts'
import type { ParsedAppearance } from '../protocol/appearance.ts'
import type { ConnectMode, HubDisplay } from '../protocol/messages.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'

/** Why a message was not acted on: not from the hub's origin, not from its window, or not protocol v1. */
export type RejectReason = 'origin' | 'source' | 'shape'

/**
 * What a hub reports to the launcher. The launcher ignores every call once the hub was replaced (Retry) or
 * removed, and `success`/`cancel` while the hub is pre-loaded and not on screen.
 */
export interface HubCallbacks {
  /**
   * The hub is loaded and can take the token: ends the loading state (and the `hubTimeout`). Said again, the hub
   * reloaded: the launcher hands it a fresh token and the session again (`start`); one that keeps reloading fails.
   */
  ready(): void
  /** An account was connected (`'create'`) or edited (`'edit'`): `onSuccess`, then the hub closes. */
  success(account: { id: string; provider: string }, mode: ConnectMode): void
  /** The user dismissed the hub from inside it: `onCancel` and `onClose`. */
  cancel(): void
  /** The hub failed: shown in the launcher with Retry, and passed to `onError`. */
  error(error: ConnectHubError): void
  /** The hub's API refused the token: the launcher fetches one new token and hands it over with `refresh`. */
  tokenExpired(): void
  /** The hub's content height in CSS pixels; an inline hub's box follows it. */
  resize(height: number): void
  /**
   * A hub-defined analytics event, passed to `onEvent` as `hub_event` with `name` and `data`, whatever its name.
   * `data` must be a plain JSON value of at most `LIMITS.data` characters as JSON: the iframe hub's parser drops a
   * message whose `data` is not (an `ArrayBuffer`, a `Map`, …) as malformed; a component hub passes plain JSON.
   */
  event(name: string, data?: unknown): void
  /**
   * A message the hub's transport refused (another origin, another window, not protocol v1), passed to `onEvent`
   * as `message_ignored`. Only this channel produces `message_ignored`: a hub's own `event` never does.
   */
  rejected(reason: RejectReason, origin: string): void
}

/** What a hub is given when the launcher creates it. */
export interface HubContext {
  /** `'modal'`: inside the launcher's dialog; `'inline'`: in the page, its height following `resize`. */
  display: HubDisplay
  /** The element the hub renders into. It stays in place for the hub's whole life: never move it (an iframe would reload). */
  container: HTMLElement
  /** Where the hub reports to the launcher. */
  callbacks: HubCallbacks
  /** The accessible name for the hub's frame or region (the dialog's title, in the launcher's language). */
  title: string
  /**
   * The language the host asked for: a BCP 47 tag (`locale`, else the page's `<html lang>`, else `'en'`), as given
   * (`'de-CH'`): pick the closest language you have with `pickLocale` from `react-connect-hub/protocol`.
   */
  locale: string
  /** The writing direction of `locale`: set it on the hub's root, so that its layout mirrors. */
  dir: 'ltr' | 'rtl'
  /** The host's look, every value checked (an invalid one is left out): `colorScheme` (always set), `accent`, `radius`, `fontFamily`. */
  appearance: ParsedAppearance
}

/** One running hub. The launcher drives every kind of hub (iframe or component) through this. */
export interface HubInstance {
  /**
   * Hands the token and the validated session over; called once the token is known (the hub may not be ready yet), and
   * again after the hub said ready again (it reloaded).
   */
  start(token: string, session: NormalizedConnectSessionOptions): void
  /** A new token, after `tokenExpired` or when the one handed over went stale before the hub was shown. */
  refresh(token: string): void
  /** Moves focus into the hub: called when a hub on screen says `ready`. */
  focus(): void
  /** Tells the hub it is closing and removes it. Safe to call twice. */
  destroy(): void
}

/**
 * A kind of hub: creates a running instance inside `context.container`. It may throw (a `ConnectHubError`, or any
 * error, reported as `hub_unavailable`): the launcher shows the failure with Retry.
 */
export type HubFactory = (context: HubContext) => HubInstance
