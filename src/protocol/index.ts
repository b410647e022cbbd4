// Protocol v1, for hub authors: no React, no 'use client'. Runs in a hub page, a server or a worker alike.
export type { Appearance, ColorScheme, HubLook, ParsedAppearance } from './appearance.ts'
export { colorScheme, cssColor, directionOf, localeTag, lookParams, parseAppearance, pickLocale, readLook } from './appearance.ts'
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
