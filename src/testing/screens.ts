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

/** The test hub's words in one language: the glossary's, shared with the launcher and the reference hub. */
export interface ScreenWords {
  choose: string
  integrations: string
  /** `{name}` stands for the provider's name. */
  connectTo: string
  testAccount: string
  connect: string
  back: string
  /** `{name}` stands for the provider's name. */
  edit: string
  /** `{id}` stands for the account's id. */
  account: string
  save: string
  empty: string
  cancel: string
}

/** The test hub's English words; the others load with `translations.ts` for a button given another locale. */
export const ENGLISH: ScreenWords = {
  choose: 'Choose an integration',
  integrations: 'Integrations',
  connectTo: 'Connect {name}',
  testAccount: 'A test account: no credentials are needed.',
  connect: 'Connect',
  back: 'Back',
  edit: 'Edit {name}',
  account: 'Account {id}',
  save: 'Save',
  empty: 'No integration is available for this session.',
  cancel: 'Cancel',
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

/**
 * Replaces the hub's content with `screen`, in `words`: headings, plain buttons, nothing a screen reader or Testing
 * Library cannot name.
 */
export function renderScreen(root: HTMLElement, screen: Screen, actions: ScreenActions, words: ScreenWords): void {
  const cancel = button(words.cancel, actions.cancel)
  const content: Child[] = []
  switch (screen.name) {
    case 'catalog': {
      const list = el('ul')
      list.setAttribute('aria-label', words.integrations)
      for (const provider of screen.providers)
        list.append(
          el(
            'li',
            undefined,
            button(provider.name, () => actions.pick(provider)),
          ),
        )
      content.push(el('h3', words.choose), list)
      break
    }
    case 'connect':
      content.push(
        el('h3', words.connectTo.replace('{name}', screen.provider.name)),
        el('p', words.testAccount),
        button(words.connect, () => actions.connect(screen.provider)),
      )
      if (screen.back) content.push(button(words.back, actions.back))
      break
    case 'edit':
      content.push(
        el('h3', words.edit.replace('{name}', screen.provider.name)),
        el('p', words.account.replace('{id}', screen.accountId)),
        button(words.save, () => actions.connect(screen.provider)),
      )
      break
    case 'empty':
      content.push(el('p', words.empty))
  }
  root.replaceChildren(...content, cancel)
}
