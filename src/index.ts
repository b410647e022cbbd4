'use client'

export type { ConnectHubErrorCode, ConnectHubIssue } from './errors.ts'
export { ConnectHubError, isConnectHubError } from './errors.ts'
export { frameHub } from './hub/frameHub.ts'
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
export type { ConnectMode, HostMessage, HubDisplay, HubMessage } from './protocol/index.ts'
export {
  hostMessage,
  hubFrameUrl,
  hubMessage,
  PROTOCOL,
  PROTOCOL_VERSION,
  parseHostMessage,
  parseHubMessage,
} from './protocol/index.ts'
export type { ConnectButtonProps } from './react/ConnectButton.tsx'
export { ConnectButton } from './react/ConnectButton.tsx'
export type { UseConnectHubResult } from './react/useConnectHub.ts'
export { useConnectHub } from './react/useConnectHub.ts'
// The session schemas (zod) live in `react-connect-hub/session`: a page with a button does not carry them.
export { ACCOUNT_TYPES, CATEGORIES } from './session/categories.ts'
export type {
  AccountType,
  Category,
  ConnectSessionCreate,
  ConnectSessionOptions,
  ConnectSessionRequest,
  JsonObject,
  JsonValue,
  NormalizedConnectSessionCreate,
  NormalizedConnectSessionOptions,
} from './session/index.ts'
export type { GetToken, TokenResult } from './token/token.ts'
