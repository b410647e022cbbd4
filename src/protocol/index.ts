// Protocol v1, for hub authors: no React, no 'use client'. Runs in a hub page, a server or a worker alike.
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
