import type { Integration } from './api.ts'
import { h } from './dom.ts'
import { words } from './words/index.ts'

const screen = () => document.getElementById('screen') as HTMLElement
const status = () => document.getElementById('status') as HTMLElement

/** Announces a short status to assistive technology. */
export function announce(text: string): void {
  status().textContent = text
}

/** Screens with a Cancel of their own (it cancels the provider window, not the hub): the header's is hidden meanwhile. */
const OWN_CANCEL = new Set(['oauth-waiting', 'oauth-blocked'])

/** Replaces the current screen; focus moves to `focus` (or the heading) so keyboard users land in the new content. */
export function show(state: string, content: (Node | null)[], focus?: HTMLElement): void {
  document.getElementById('hub')?.setAttribute('data-state', state)
  const cancel = document.getElementById('cancel')
  if (cancel && state !== 'refused') cancel.hidden = OWN_CANCEL.has(state)
  screen().replaceChildren(...content.filter((node): node is Node => node !== null))
  const target = focus ?? screen().querySelector<HTMLElement>('h1')
  target?.focus()
}

export const heading = (text: string) => h('h1', { tabindex: -1 }, text)

/** How a provider connects, as a small label: in the catalog and on its screen. */
export const authBadge = (auth: Integration['auth']) =>
  h(
    'span',
    { class: 'auth', 'data-auth': auth, title: auth === 'oauth2' ? words.oauthBadgeTitle : words.credentialsBadgeTitle },
    auth === 'oauth2' ? words.oauthBadge : words.credentialsBadge,
  )

/** A catalog category's name in the page's language. */
const categoryName = (category: string) => (words.categories as Record<string, string | undefined>)[category] ?? category

export function tile(integration: Pick<Integration, 'initials' | 'color'>) {
  const element = h('span', { class: 'tile', 'aria-hidden': 'true' }, integration.initials)
  element.style.setProperty('--tile', integration.color)
  return element
}

export function showMessage(state: string, title: string, text: string, action?: { label: string; onClick: () => void }): void {
  show(state, [
    heading(title),
    h('p', {}, text),
    action ? h('button', { type: 'button', class: 'primary', onclick: action.onClick }, action.label) : null,
  ])
  announce(title)
}

/** The search's placeholder: names from this session's catalog only, never a provider the session filtered out. */
function examples(integrations: Integration[]): string {
  const names = integrations.slice(0, 2).map((integration) => integration.name)
  return integrations.length > 2 ? `${names.join(words.listSeparator)}…` : names.join(words.listSeparator)
}

/** The header's breadcrumb and the document's title follow the session's mode. */
export function showMode(mode: 'create' | 'edit'): void {
  const crumb = document.getElementById('crumb')
  if (crumb) crumb.textContent = words.crumb[mode]
  document.title = words.modeTitle[mode]
}

export function showCatalog(integrations: Integration[], onPick: (integration: Integration) => void): void {
  const list = h('ul', { class: 'catalog', 'aria-label': words.integrations })
  const empty = h('p', { class: 'muted', hidden: true })
  const search = h('input', { id: 'search', type: 'search', autocomplete: 'off', placeholder: examples(integrations) })
  const render = () => {
    const query = search.value.trim().toLowerCase()
    const matching = integrations.filter(
      (integration) =>
        !query ||
        integration.name.toLowerCase().includes(query) ||
        integration.categories.some((category) => category.includes(query) || categoryName(category).toLowerCase().includes(query)),
    )
    list.replaceChildren(
      ...matching.map((integration) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'integration', 'data-provider': integration.provider, onclick: () => onPick(integration) },
            tile(integration),
            h('span', { class: 'name' }, integration.name),
            h('span', { class: 'categories' }, integration.categories.map(categoryName).join(' · ')),
            authBadge(integration.auth),
          ),
        ),
      ),
    )
    empty.hidden = matching.length > 0
    empty.textContent = words.noMatch(search.value.trim())
    announce(words.matches(matching.length))
  }
  search.addEventListener('input', render)
  show(
    'catalog',
    [heading(words.catalogTitle), h('div', { class: 'field' }, h('label', { for: 'search' }, words.searchLabel), search), list, empty],
    search,
  )
  render()
}
