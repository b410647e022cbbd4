'use client'

export type { ConnectHubErrorCode, ConnectHubIssue } from './errors.ts'
export { ConnectHubError, isConnectHubError } from './errors.ts'
export type { HubCallbacks, HubContext, HubFactory, HubInstance, RejectReason } from './hub/types.ts'
export type { ConnectHubLabels } from './launcher/labels.ts'
export type {
  ConnectHubCallbacks,
  ConnectHubEvent,
  ConnectHubOptions,
  ConnectHubSettings,
  ConnectHubState,
  ConnectHubStatus,
  ConnectSuccess,
  PrefetchStrategy,
} from './launcher/types.ts'
// Protocol v1's builders and parsers, for hub authors, live in `react-connect-hub/protocol`.
export type { Appearance, ColorScheme } from './protocol/appearance.ts'
export type { ConnectMode, HubDisplay } from './protocol/messages.ts'
export type { ConnectButtonProps } from './react/ConnectButton.tsx'
export { ConnectButton } from './react/ConnectButton.tsx'
export type { UseConnectHubResult } from './react/useConnectHub.ts'
export { useConnectHub } from './react/useConnectHub.ts'
// The session schemas (zod) live in `react-connect-hub/session`: a page with a button does not carry them.
export { ACCOUNT_TYPES, CATEGORIES } from './session/categories.ts'
// The server's session types (ConnectSessionCreate, ConnectSessionRequest) are in `react-connect-hub/session` too.
export type {
  AccountType,
  Category,
  ConnectSessionOptions,
  JsonObject,
  JsonValue,
  NormalizedConnectSessionOptions,
} from './session/index.ts'
export type { GetToken, TokenResult } from './token/token.ts'
