export type { ConnectMode, HostMessage, HostMessageType, HubDisplay, HubMessage, HubMessageType } from './messages.ts'
export {
  hostMessage,
  hubFrameUrl,
  hubMessage,
  LIMITS,
  PROTOCOL,
  PROTOCOL_VERSION,
  parseHostMessage,
  parseHubMessage,
} from './messages.ts'
