export type { ConnectHubErrorCode, ConnectHubIssue } from '../errors.ts'
export { ConnectHubError, isConnectHubError } from '../errors.ts'
export { ACCOUNT_TYPES, CATEGORIES, CATEGORY_ALIASES } from './categories.ts'
export { DEFAULT_EXPIRES_IN, SESSION_FIELDS } from './fields.ts'
export type { JsonObject, JsonValue } from './metadata.ts'
export { METADATA_MAX_BYTES } from './metadata.ts'
export { parseConnectSessionCreate, parseConnectSessionOptions } from './parse.ts'
export type {
  AccountType,
  Category,
  ConnectSessionCreate,
  ConnectSessionOptions,
  ConnectSessionRequest,
  NormalizedConnectSessionCreate,
  NormalizedConnectSessionOptions,
} from './schema.ts'
export { connectSessionCreateSchema, connectSessionOptionsSchema } from './schema.ts'
export { fromConnectSessionRequest, toConnectSessionRequest, WIRE_NAMES } from './wire.ts'
