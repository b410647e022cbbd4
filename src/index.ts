'use client'

export type { ConnectHubErrorCode, ConnectHubIssue } from './errors'
export { ConnectHubError, isConnectHubError } from './errors'
export { frameHub } from './hub/frameHub'
export type { HubCallbacks, HubContext, HubFactory, HubInstance } from './hub/types'
export type { ConnectHubLabels } from './launcher/labels'
export type {
  ConnectHubCallbacks,
  ConnectHubEvent,
  ConnectHubOptions,
  ConnectHubSettings,
  ConnectHubState,
  ConnectHubStatus,
  ConnectSuccess,
  PrefetchStrategy,
} from './launcher/types'
export type { ConnectMode, HostMessage, HubDisplay, HubMessage } from './protocol'
export {
  hostMessage,
  hubFrameUrl,
  hubMessage,
  PROTOCOL,
  PROTOCOL_VERSION,
  parseHostMessage,
  parseHubMessage,
} from './protocol'
export type { ConnectButtonProps } from './react/ConnectButton'
export { ConnectButton } from './react/ConnectButton'
export type { UseConnectHubResult } from './react/useConnectHub'
export { useConnectHub } from './react/useConnectHub'
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
} from './session'
export {
  ACCOUNT_TYPES,
  CATEGORIES,
  connectSessionCreateSchema,
  connectSessionOptionsSchema,
  fromConnectSessionRequest,
  METADATA_MAX_BYTES,
  parseConnectSessionCreate,
  parseConnectSessionOptions,
  toConnectSessionRequest,
} from './session'
export type { GetToken, TokenResult } from './token/tokenSource'
