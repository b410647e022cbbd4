import type { ConnectHubError } from '../errors.ts'
import type { ConnectMode, HubDisplay } from '../protocol/messages.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'

/** What a hub reports back to the launcher. */
export interface HubCallbacks {
  ready(): void
  success(account: { id: string; provider: string }, mode: ConnectMode): void
  cancel(): void
  error(error: ConnectHubError): void
  tokenExpired(): void
  resize(height: number): void
  /** A message that was received and ignored, or a hub-defined analytics event. */
  event(name: string, data?: unknown): void
}

export interface HubContext {
  display: HubDisplay
  /** The element the hub renders into; it stays in place for the hub's whole life. */
  container: HTMLElement
  callbacks: HubCallbacks
  /** Accessible name for the hub's frame. */
  title: string
}

/** One running hub. The launcher drives every kind of hub (iframe or component) through this. */
export interface HubInstance {
  /** Hands the token and session over; called once the token is known (the hub may not be ready yet). */
  start(token: string, session: NormalizedConnectSessionOptions): void
  /** A refreshed token after `tokenExpired`. */
  refresh(token: string): void
  /** Focus the hub's content. */
  focus(): void
  /** Tells the hub it is closing and removes it. Safe to call twice. */
  destroy(): void
}

/** A kind of hub: creates a running instance inside a container. */
export type HubFactory = (context: HubContext) => HubInstance
