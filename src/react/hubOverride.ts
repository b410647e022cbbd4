import { createContext } from 'react'
import type { ConnectHubSettings } from '../launcher/types.ts'

/** What `<ConnectHubTestProvider>` (`react-connect-hub/testing`) puts in place of every launcher's hub and token source. */
export type HubOverride = Required<Pick<ConnectHubSettings, 'hub' | 'getToken'>>

/** Read by every `useConnectHub`: `null` outside a test provider, which is everywhere in production. */
export const HubOverrideContext = /* @__PURE__ */ createContext<HubOverride | null>(null)
