import type { TestProvider } from './providers.ts'

/** What the test hub shows: the catalog, one provider's Connect step, the edit step, or why nothing can be connected. */
export type Screen =
  | { name: 'catalog'; providers: readonly TestProvider[] }
  | { name: 'connect'; provider: TestProvider; back: boolean }
  | { name: 'edit'; provider: TestProvider; accountId: string }
  | { name: 'empty' }

export interface ScreenActions {
  pick(provider: TestProvider): void
  back(): void
  connect(provider: TestProvider): void
  cancel(): void
}

type Child = Node | string

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  node.append(...children)
  return node
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const node = el('button', text)
  node.type = 'button'
  node.addEventListener('click', onClick)
  return node
}

/** Replaces the hub's content with `screen`: headings, plain buttons, nothing a screen reader or Testing Library cannot name. */
export function renderScreen(root: HTMLElement, screen: Screen, actions: ScreenActions): void {
  const cancel = button('Cancel', actions.cancel)
  const content: Child[] = []
  switch (screen.name) {
    case 'catalog': {
      const list = el('ul')
      list.setAttribute('aria-label', 'Integrations')
      for (const provider of screen.providers)
        list.append(
          el(
            'li',
            undefined,
            button(provider.name, () => actions.pick(provider)),
          ),
        )
      content.push(el('h3', 'Choose an integration'), list)
      break
    }
    case 'connect':
      content.push(
        el('h3', `Connect ${screen.provider.name}`),
        el('p', 'A test account: no credentials are needed.'),
        button('Connect', () => actions.connect(screen.provider)),
      )
      if (screen.back) content.push(button('Back', actions.back))
      break
    case 'edit':
      content.push(
        el('h3', `Edit ${screen.provider.name}`),
        el('p', `Account ${screen.accountId}`),
        button('Save', () => actions.connect(screen.provider)),
      )
      break
    case 'empty':
      content.push(el('p', 'No integration is available for this session.'))
  }
  root.replaceChildren(...content, cancel)
}
