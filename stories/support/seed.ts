import type { DevStore } from '../../src/dev/api/store.ts'

/** The label of the BambooHR account every dev store of the stories holds, for the edit-mode story. */
export const SEEDED_ACCOUNT_LABEL = 'storybook-edit-mode'

/**
 * Puts the account the edit-mode story opens in `store`, as one a customer connected last week. Its id is fixed: a
 * static Storybook keeps a store in each of its two pages (the story's and the hub's), and both must know it.
 */
export function seedAccounts(store: DevStore): DevStore {
  store.addAccount({
    id: 'acc_storybook_bamboohr',
    provider: 'bamboohr',
    providerName: 'BambooHR',
    originOwnerId: 'demo-customer',
    originOwnerName: 'Acme Inc',
    label: SEEDED_ACCOUNT_LABEL,
    type: 'production',
    setupInformation: { subdomain: 'acme' },
    secrets: { api_key: 'bamboo-secret-key' },
  })
  return store
}
