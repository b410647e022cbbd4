import type { Category } from '../session/schema.ts'

/** One credential a provider asks for. Secrets are stored but never sent back. */
export interface CredentialField {
  key: string
  label: string
  type: 'text' | 'password' | 'number' | 'select'
  required: boolean
  secret: boolean
  placeholder?: string
  description?: string
  /** For `select` fields. */
  options?: { value: string; label: string }[]
  /** An HTML `pattern` the value must match. */
  pattern?: string
}

/** One integration of the reference catalog. */
export interface Provider {
  /** The provider key, as in `session.provider` and on accounts, e.g. `'bamboohr'`. */
  key: string
  name: string
  /** Up to two letters drawn on a coloured tile: the catalog uses no remote images. */
  initials: string
  color: string
  categories: Category[]
  fields: CredentialField[]
  guide: string
}

const apiKey = (label = 'API key'): CredentialField => ({ key: 'api_key', label, type: 'password', required: true, secret: true })
const subdomain = (domain: string): CredentialField => ({
  key: 'subdomain',
  label: 'Subdomain',
  type: 'text',
  required: true,
  secret: false,
  placeholder: 'acme',
  description: `The first part of your ${domain} address`,
  pattern: '[a-z0-9][a-z0-9-]*',
})
const username = (label = 'Username'): CredentialField => ({ key: 'username', label, type: 'text', required: true, secret: false })
const password = (label = 'Password'): CredentialField => ({ key: 'password', label, type: 'password', required: true, secret: true })
const region = (values: string[]): CredentialField => ({
  key: 'region',
  label: 'Region',
  type: 'select',
  required: true,
  secret: false,
  options: values.map((value) => ({ value, label: value.toUpperCase() })),
})

/** About twenty realistic providers; every category has at least one. */
export const PROVIDERS: readonly Provider[] = [
  {
    key: 'bamboohr',
    name: 'BambooHR',
    initials: 'BH',
    color: '#5b8c1a',
    categories: ['hris'],
    fields: [subdomain('bamboohr.com'), apiKey()],
    guide: 'Create an API key under your BambooHR profile → API Keys.',
  },
  {
    key: 'hibob',
    name: 'HiBob',
    initials: 'HB',
    color: '#d6336c',
    categories: ['hris', 'hris-legacy'],
    fields: [username('Service user ID'), password('Service user token')],
    guide: 'Create a service user in Bob under Settings → Integrations → Service users.',
  },
  {
    key: 'personio',
    name: 'Personio',
    initials: 'PE',
    color: '#1f2a44',
    categories: ['hris', 'ats'],
    fields: [
      { key: 'client_id', label: 'Client ID', type: 'text', required: true, secret: false },
      { key: 'client_secret', label: 'Client secret', type: 'password', required: true, secret: true },
    ],
    guide: 'Generate API credentials in Personio under Settings → Integrations → API credentials.',
  },
  {
    key: 'workday',
    name: 'Workday',
    initials: 'WD',
    color: '#0a6ebd',
    categories: ['hris', 'hris-legacy'],
    fields: [
      { key: 'tenant', label: 'Tenant name', type: 'text', required: true, secret: false, placeholder: 'acme_prod' },
      { key: 'host', label: 'Host', type: 'text', required: true, secret: false, placeholder: 'wd5-services1.myworkday.com' },
      username('Integration system user'),
      password(),
    ],
    guide: 'Use an Integration System User with the HR domain permissions.',
  },
  {
    key: 'greenhouse',
    name: 'Greenhouse',
    initials: 'GH',
    color: '#24a47f',
    categories: ['ats'],
    fields: [apiKey('Harvest API key')],
    guide: 'Create a Harvest API key under Configure → Dev Center → API Credential Management.',
  },
  {
    key: 'lever',
    name: 'Lever',
    initials: 'LV',
    color: '#3b4b5c',
    categories: ['ats'],
    fields: [apiKey()],
    guide: 'Create an API key under Settings → Integrations and API → API Credentials.',
  },
  {
    key: 'workable',
    name: 'Workable',
    initials: 'WK',
    color: '#1a8fa3',
    categories: ['ats'],
    fields: [subdomain('workable.com'), apiKey('Access token')],
    guide: 'Generate an access token under Settings → Integrations → Apps.',
  },
  {
    key: 'salesforce',
    name: 'Salesforce',
    initials: 'SF',
    color: '#0b74b8',
    categories: ['crm'],
    fields: [
      {
        key: 'instance_url',
        label: 'Instance URL',
        type: 'text',
        required: true,
        secret: false,
        placeholder: 'https://acme.my.salesforce.com',
      },
      username(),
      password(),
      { key: 'security_token', label: 'Security token', type: 'password', required: true, secret: true },
    ],
    guide: 'Reset your security token under Settings → My Personal Information.',
  },
  {
    key: 'hubspot',
    name: 'HubSpot',
    initials: 'HS',
    color: '#c2410c',
    categories: ['crm', 'marketing'],
    fields: [apiKey('Private app token')],
    guide: 'Create a private app under Settings → Integrations → Private Apps.',
  },
  {
    key: 'pipedrive',
    name: 'Pipedrive',
    initials: 'PD',
    color: '#1b7a3d',
    categories: ['crm'],
    fields: [subdomain('pipedrive.com'), apiKey('API token')],
    guide: 'Find your personal API token under Personal preferences → API.',
  },
  {
    key: 'okta',
    name: 'Okta',
    initials: 'OK',
    color: '#00297a',
    categories: ['iam'],
    fields: [
      { key: 'domain', label: 'Okta domain', type: 'text', required: true, secret: false, placeholder: 'acme.okta.com' },
      apiKey('API token'),
    ],
    guide: 'Create an API token under Security → API → Tokens.',
  },
  {
    key: 'mailchimp',
    name: 'Mailchimp',
    initials: 'MC',
    color: '#8a6d00',
    categories: ['marketing'],
    fields: [apiKey(), region(['us1', 'us6', 'us21'])],
    guide: 'Create an API key under Profile → Extras → API keys; the region is the suffix of the key.',
  },
  {
    key: 'talentlms',
    name: 'TalentLMS',
    initials: 'TL',
    color: '#6d28d9',
    categories: ['lms'],
    fields: [subdomain('talentlms.com'), apiKey()],
    guide: 'Enable the API under Account & Settings → Integrations → API.',
  },
  {
    key: 'stackone_demo',
    name: 'StackOne Demo',
    initials: 'S1',
    color: '#047857',
    categories: ['stackone'],
    fields: [apiKey('Demo key')],
    guide: 'Any value works: this provider exists for demonstrations.',
  },
  {
    key: 'google_drive',
    name: 'Google Drive',
    initials: 'GD',
    color: '#1a73e8',
    categories: ['documents'],
    fields: [
      { key: 'client_email', label: 'Service account email', type: 'text', required: true, secret: false },
      { key: 'private_key', label: 'Private key', type: 'password', required: true, secret: true },
    ],
    guide: 'Create a service account with domain-wide delegation in the Google Cloud console.',
  },
  {
    key: 'jira',
    name: 'Jira',
    initials: 'JI',
    color: '#0052cc',
    categories: ['ticketing'],
    fields: [subdomain('atlassian.net'), username('Email'), apiKey('API token')],
    guide: 'Create an API token at id.atlassian.com → Security → API tokens.',
  },
  {
    key: 'zendesk',
    name: 'Zendesk',
    initials: 'ZD',
    color: '#03363d',
    categories: ['ticketing', 'messaging'],
    fields: [subdomain('zendesk.com'), username('Email'), apiKey('API token')],
    guide: 'Enable token access under Admin Center → Apps and integrations → Zendesk API.',
  },
  {
    key: 'checkr',
    name: 'Checkr',
    initials: 'CK',
    color: '#0f5f9e',
    categories: ['screening'],
    fields: [apiKey('Secret key')],
    guide: 'Find your secret key in the Checkr dashboard under Account Settings → Developer Settings.',
  },
  {
    key: 'slack',
    name: 'Slack',
    initials: 'SL',
    color: '#4a154b',
    categories: ['messaging'],
    fields: [apiKey('Bot token')],
    guide: 'Install a Slack app to your workspace and copy its bot user OAuth token.',
  },
  {
    key: 'xero',
    name: 'Xero',
    initials: 'XE',
    color: '#0b6c8f',
    categories: ['accounting'],
    fields: [
      { key: 'client_id', label: 'Client ID', type: 'text', required: true, secret: false },
      { key: 'client_secret', label: 'Client secret', type: 'password', required: true, secret: true },
    ],
    guide: 'Create a custom connection app in the Xero developer portal.',
  },
  {
    key: 'quickbooks',
    name: 'QuickBooks',
    initials: 'QB',
    color: '#2c7a2c',
    categories: ['accounting'],
    fields: [
      { key: 'realm_id', label: 'Company ID', type: 'number', required: true, secret: false, pattern: '[0-9]+' },
      { key: 'refresh_token', label: 'Refresh token', type: 'password', required: true, secret: true },
    ],
    guide: 'Find the company ID under Settings → Account and settings → Billing & subscription.',
  },
  {
    key: 'calendly',
    name: 'Calendly',
    initials: 'CA',
    color: '#006bff',
    categories: ['scheduling'],
    fields: [apiKey('Personal access token')],
    guide: 'Create a personal access token under Integrations → API & Webhooks.',
  },
]

/** The providers a session may connect: limited by its `provider` and `categories`, in catalog order. */
export function providersFor(session: { provider?: string | undefined; categories?: readonly Category[] | undefined }): Provider[] {
  return PROVIDERS.filter(
    (provider) =>
      (session.provider === undefined || provider.key === session.provider) &&
      (session.categories === undefined ||
        session.categories.length === 0 ||
        provider.categories.some((category) => session.categories?.includes(category))),
  )
}

export function findProvider(key: string): Provider | undefined {
  return PROVIDERS.find((provider) => provider.key === key)
}

/** Why `credentials` do not satisfy the provider's fields: one message per field key. Empty when they do. */
export function credentialProblems(provider: Provider, credentials: Record<string, unknown>): Record<string, string> {
  const problems: Record<string, string> = {}
  const known = new Set(provider.fields.map((field) => field.key))
  for (const key of Object.keys(credentials)) {
    if (!known.has(key)) problems[key] = `is not a ${provider.name} credential`
  }
  for (const field of provider.fields) {
    const value = credentials[field.key]
    if (value === undefined || value === '') {
      if (field.required) problems[field.key] = `${field.label} is required`
      continue
    }
    if (typeof value !== 'string') problems[field.key] = `${field.label} must be a string`
    else if (value.length > 4096) problems[field.key] = `${field.label} is too long`
    else if (field.pattern && !new RegExp(`^(?:${field.pattern})$`).test(value))
      problems[field.key] = `${field.label} has an invalid format`
    else if (field.options && !field.options.some((option) => option.value === value))
      problems[field.key] = `${field.label} must be one of ${field.options.map((option) => option.value).join(', ')}`
  }
  return problems
}
