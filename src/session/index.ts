export { ACCOUNT_TYPES, CATEGORIES, CATEGORY_ALIASES } from './categories'
export type { JsonObject, JsonValue } from './metadata'
export { METADATA_MAX_BYTES } from './metadata'
export {
  fromConnectSessionRequest,
  parseConnectSessionCreate,
  parseConnectSessionOptions,
  toConnectSessionRequest,
} from './parse'
export type {
  AccountType,
  Category,
  ConnectSessionCreate,
  ConnectSessionOptions,
  ConnectSessionRequest,
  NormalizedConnectSessionCreate,
  NormalizedConnectSessionOptions,
} from './schema'
export { connectSessionCreateSchema, connectSessionOptionsSchema, WIRE_NAMES } from './schema'
