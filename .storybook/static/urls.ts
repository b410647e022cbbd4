import { PROVIDERS } from '../../src/dev/catalog.ts'
import { onPartner } from './origins.ts'

// What `virtual:connect-hub-dev` exports in a static Storybook (.storybook/main.ts points the import here): addresses
// in this Storybook's own folder, worked out where it is served. The hub page is the same folder on the partner origin.

/** The Storybook's folder: where iframe.html is. */
export const storybookRoot = () => new URL('./', location.href)

function hubPage(): string {
  const page = new URL('connect-hub/', storybookRoot())
  try {
    return onPartner(page).href
  } catch (error) {
    // Served where no partner origin is known: the stories still render, and opening a hub says why it cannot.
    console.error(error)
    return page.href
  }
}

export const hubUrl = hubPage()
export const tokenUrl = new URL('api/connect-session', storybookRoot()).pathname
export const accountsUrl = new URL('api/accounts', storybookRoot()).pathname
export const apiUrl = storybookRoot().origin
export const appUrl = storybookRoot().origin
export const providers = PROVIDERS.map(({ key, name, categories, auth }) => ({ key, name, categories, auth }))
