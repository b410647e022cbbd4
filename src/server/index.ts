export type { ConnectHubErrorCode, ConnectHubIssue } from '../errors.ts'
export { ConnectHubError, isConnectHubError } from '../errors.ts'
export type { ConnectSessionCreate, ConnectSessionOptions } from '../session/index.ts'
export type { ConnectSession } from './connectSessionResponse.ts'
export type { CreateConnectSessionOptions, CreatedConnectSession } from './createConnectSession.ts'
export { createConnectSession } from './createConnectSession.ts'
export type {
  ConnectSessionHandler,
  ConnectSessionHandlerErrorCode,
  ConnectSessionHandlerOptions,
  ConnectSessionOwner,
} from './createConnectSessionHandler.ts'
export { createConnectSessionHandler } from './createConnectSessionHandler.ts'
export type { NodeHandler } from './toNodeHandler.ts'
export { toNodeHandler } from './toNodeHandler.ts'
