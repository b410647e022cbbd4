'use client'

export type { ConnectHubErrorCode, ConnectHubIssue } from './errors'
export { ConnectHubError, isConnectHubError } from './errors'
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
