import { apiUrl, appUrl, hubUrl } from 'virtual:connect-hub-dev'
import type { HubFactory } from 'react-connect-hub'
// Static on purpose: the adapter is small and loads @stackone/hub itself, with import(), when a hub first opens.
import { stackOneHub } from 'react-connect-hub/stackone'

/** Which hub the page's buttons open: the reference hub page (protocol v1) or StackOne's own component. */
export type HubChoice = 'reference' | 'stackone'

export const HUB_LABELS: Record<HubChoice, string> = { reference: 'Reference hub', stackone: 'StackOne hub' }

// Created once: the launcher reads `hub` when it opens, so one factory serves every button and every render.
// `appUrl`: where StackOne's OAuth window comes back to, served by the dev API like the rest.
const stackOne = stackOneHub({ baseUrl: apiUrl, appUrl })

/** The props that pick the hub: StackOne's component calls the dev API's `/hub/*` endpoints, which allow this page's origin. */
export const hubProps = (choice: HubChoice): { hub: HubFactory } | { hubUrl: string } =>
  choice === 'stackone' ? { hub: stackOne } : { hubUrl }

/** The choice in the page's URL (`?hub=stackone`), so that a reload keeps it. */
export const readHubChoice = (): HubChoice =>
  new URLSearchParams(window.location.search).get('hub') === 'stackone' ? 'stackone' : 'reference'

export function writeHubChoice(choice: HubChoice): void {
  const url = new URL(window.location.href)
  if (choice === 'stackone') url.searchParams.set('hub', 'stackone')
  else url.searchParams.delete('hub')
  window.history.replaceState(window.history.state, '', url)
}
