import { apiUrl, appUrl, hubUrl } from 'virtual:connect-hub-dev'
import type { ColorScheme, HubFactory } from 'react-connect-hub'
// Static on purpose: the adapter is small and loads @stackone/hub itself, with import(), when a hub first opens.
import { stackOneHub } from 'react-connect-hub/stackone'

/** Which hub the page's buttons open: the reference hub page (protocol v1) or StackOne's own component. */
export type HubChoice = 'reference' | 'stackone'

export const HUB_LABELS: Record<HubChoice, string> = { reference: 'Reference hub', stackone: 'StackOne hub' }

/** The languages the launcher and the reference hub have words for, each named in itself. */
export const LANGUAGES = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', ja: '日本語', ar: 'العربية' } as const

export const SCHEMES: Record<ColorScheme, string> = { system: 'As the system', light: 'Light', dark: 'Dark' }

/** What every button on the page opens: which hub, in which language and colour scheme. */
export interface HubSettings {
  choice: HubChoice
  locale: keyof typeof LANGUAGES
  colorScheme: ColorScheme
}

// Created once: the launcher reads `hub` when it opens, so one factory serves every button and every render.
// `appUrl`: where StackOne's OAuth window comes back to, served by the dev API like the rest.
const stackOne = stackOneHub({ baseUrl: apiUrl, appUrl })

/** The button props for the settings. StackOne's component calls the dev API's `/hub/*` endpoints, which allow this page's origin. */
export const hubProps = ({ choice, locale, colorScheme }: HubSettings) => ({
  ...(choice === 'stackone' ? { hub: stackOne as HubFactory } : { hubUrl }),
  locale,
  appearance: { colorScheme },
})

const oneOf = <K extends string>(value: string | null, keys: Record<K, string>, fallback: K): K =>
  value !== null && Object.hasOwn(keys, value) ? (value as K) : fallback

/** The settings in the page's URL (`?hub=stackone&locale=fr&scheme=dark`), so that a reload keeps them. */
export function readHubSettings(): HubSettings {
  const params = new URLSearchParams(window.location.search)
  return {
    choice: oneOf(params.get('hub'), HUB_LABELS, 'reference'),
    locale: oneOf(params.get('locale'), LANGUAGES, 'en'),
    colorScheme: oneOf(params.get('scheme'), SCHEMES, 'system'),
  }
}

export function writeHubSettings({ choice, locale, colorScheme }: HubSettings): void {
  const url = new URL(window.location.href)
  const set = (name: string, value: string, fallback: string) =>
    value === fallback ? url.searchParams.delete(name) : url.searchParams.set(name, value)
  set('hub', choice, 'reference')
  set('locale', locale, 'en')
  set('scheme', colorScheme, 'system')
  window.history.replaceState(window.history.state, '', url)
}
