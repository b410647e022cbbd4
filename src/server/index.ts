export type { ConnectHubErrorCode, ConnectHubIssue } from '../errors'
export { ConnectHubError, isConnectHubError } from '../errors'
export type { ConnectSessionCreate, ConnectSessionOptions } from '../session'
export type { ConnectSession } from './connectSessionResponse'
export type { CreateConnectSessionOptions, CreatedConnectSession } from './createConnectSession'
export { createConnectSession } from './createConnectSession'
export type {
  ConnectSessionHandler,
  ConnectSessionHandlerErrorCode,
  ConnectSessionHandlerOptions,
  ConnectSessionOwner,
} from './createConnectSessionHandler'
export { createConnectSessionHandler } from './createConnectSessionHandler'
export type { NodeHandler } from './toNodeHandler'
export { toNodeHandler } from './toNodeHandler'
