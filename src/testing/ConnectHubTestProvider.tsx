import { type ReactNode, useEffect, useMemo, useState } from 'react'
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

let warned = false

/**
 * Whether the app was built for production. Bundlers write the value of `process.env.NODE_ENV` in its place; where
 * nothing did and there is no `process` (a browser page loading the package as it is), the expression throws.
 */
export function isProductionBuild(): boolean {
  try {
    return process.env.NODE_ENV === 'production'
  } catch {
    return false
  }
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
  useEffect(() => {
    // It silently replaces every button's hub and token source: in a shipped app that is a mistake worth one line.
    if (warned || !isProductionBuild()) return
    warned = true
    console.warn(
      'react-connect-hub: <ConnectHubTestProvider> is mounted in a production build — every button beneath it opens the test hub with test tokens, not your hub; render it only in tests and stories',
    )
  }, [])
  return <HubOverrideContext.Provider value={value}>{children}</HubOverrideContext.Provider>
}
