import type { Category } from '../session/schema.ts'

/** An integration the test hub lists. */
export interface TestProvider {
  /** The provider key `onSuccess` reports, e.g. `'bamboohr'`. */
  key: string
  /** The name the hub shows, e.g. `'BambooHR'`: its button's accessible name in the list. */
  name: string
  categories: readonly Category[]
}

/** The test hub's default catalog: a few well-known providers in the most used categories. */
export const TEST_PROVIDERS: readonly TestProvider[] = [
  { key: 'bamboohr', name: 'BambooHR', categories: ['hris'] },
  { key: 'hibob', name: 'HiBob', categories: ['hris'] },
  { key: 'workday', name: 'Workday', categories: ['hris'] },
  { key: 'greenhouse', name: 'Greenhouse', categories: ['ats'] },
  { key: 'lever', name: 'Lever', categories: ['ats'] },
  { key: 'salesforce', name: 'Salesforce', categories: ['crm'] },
  { key: 'hubspot', name: 'HubSpot', categories: ['crm', 'marketing'] },
  { key: 'xero', name: 'Xero', categories: ['accounting'] },
  { key: 'okta', name: 'Okta', categories: ['iam'] },
]

/** What a session may connect: its `provider` alone (named after its key when the catalog lacks it), else its `categories`' providers. */
export function providersFor(
  providers: readonly TestProvider[],
  session: { provider?: string | undefined; categories?: readonly string[] | undefined },
): TestProvider[] {
  const { provider, categories } = session
  if (provider !== undefined)
    return [providers.find((candidate) => candidate.key === provider) ?? { key: provider, name: provider, categories: [] }]
  if (!categories?.length) return [...providers]
  return providers.filter((candidate) => candidate.categories.some((category) => categories.includes(category)))
}
