import { type ReactNode, useMemo, useState } from 'react'
import { type HubOverride, HubOverrideContext } from '../react/hubOverride.ts'
import { createTestHub, type TestHub } from './testHub.ts'

export interface ConnectHubTestProviderProps {
  /**
   * The test hub every `ConnectButton` and `useConnectHub` beneath opens, with its token source: create it with
   * `createTestHub()` to drive it and read what it received.
   * @default a new `createTestHub()` of its own
   */
  testHub?: TestHub | undefined
  children?: ReactNode
}

/**
 * Every `ConnectButton` and `useConnectHub` beneath it opens the test hub with the test token source, whatever their
 * `hubUrl`, `hub` and `getToken`: your production components render unchanged in tests and stories (a Storybook
 * decorator: `(Story) => <ConnectHubTestProvider><Story /></ConnectHubTestProvider>`).
 */
export function ConnectHubTestProvider({ testHub, children }: ConnectHubTestProviderProps) {
  // Cheap when unused: a test hub makes no DOM until a button opens it.
  const [own] = useState(createTestHub)
  const used = testHub ?? own
  const value = useMemo<HubOverride>(() => ({ hub: used.hub, getToken: used.getToken }), [used])
  return <HubOverrideContext.Provider value={value}>{children}</HubOverrideContext.Provider>
}
