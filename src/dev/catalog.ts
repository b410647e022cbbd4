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

/** How a provider connects: at the provider's own authorisation page (OAuth 2.0), or with credentials typed into the hub. */
export type AuthKind = 'oauth2' | 'credentials'

/** One integration of the reference catalog. */
export interface Provider {
  /** The provider key, as in `session.provider` and on accounts, e.g. `'bamboohr'`. */
  key: string
  name: string
  /** Up to two letters drawn on a coloured tile: the catalog uses no remote images. */
  initials: string
  color: string
  categories: Category[]
  /** `oauth2`: the user allows access on the provider's page (simulated by the dev hub); `credentials`: the hub's form. */
  auth: AuthKind
  /** What an OAuth provider's page asks the user to allow, in the provider's own scope names. Empty for credentials. */
  scopes: string[]
  /** The credentials form; empty for an OAuth provider. */
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

type Entry = Omit<Provider, 'auth' | 'scopes' | 'fields'>

/** A provider connected with the credentials its real product hands out. */
const credentials = (entry: Entry, fields: CredentialField[]): Provider => ({ ...entry, auth: 'credentials', scopes: [], fields })
/** A provider connected by OAuth 2.0 (authorisation code), asking for `scopes` as the real one names them. */
const oauth = (entry: Entry, scopes: string[]): Provider => ({ ...entry, auth: 'oauth2', scopes, fields: [] })

/** Twenty-five realistic providers; every category has at least one, and eleven connect by OAuth as their real products do. */
export const PROVIDERS: readonly Provider[] = [
  credentials(
    {
      key: 'bamboohr',
      name: 'BambooHR',
      initials: 'BH',
      color: '#4d7a17',
      categories: ['hris'],
      guide: 'Create an API key under your BambooHR profile → API Keys.',
    },
    [subdomain('bamboohr.com'), apiKey()],
  ),
  credentials(
    {
      key: 'hibob',
      name: 'HiBob',
      initials: 'HB',
      color: '#d6336c',
      categories: ['hris', 'hris-legacy'],
      guide: 'Create a service user in Bob under Settings → Integrations → Service users.',
    },
    [username('Service user ID'), password('Service user token')],
  ),
  credentials(
    {
      key: 'personio',
      name: 'Personio',
      initials: 'PE',
      color: '#1f2a44',
      categories: ['hris', 'ats'],
      guide: 'Generate API credentials in Personio under Settings → Integrations → API credentials.',
    },
    [
      { key: 'client_id', label: 'Client ID', type: 'text', required: true, secret: false },
      { key: 'client_secret', label: 'Client secret', type: 'password', required: true, secret: true },
    ],
  ),
  credentials(
    {
      key: 'workday',
      name: 'Workday',
      initials: 'WD',
      color: '#0a6ebd',
      categories: ['hris', 'hris-legacy'],
      guide: 'Use an Integration System User with the HR domain permissions.',
    },
    [
      { key: 'tenant', label: 'Tenant name', type: 'text', required: true, secret: false, placeholder: 'acme_prod' },
      { key: 'host', label: 'Host', type: 'text', required: true, secret: false, placeholder: 'wd5-services1.myworkday.com' },
      username('Integration system user'),
      password(),
    ],
  ),
  oauth(
    {
      key: 'gusto',
      name: 'Gusto',
      initials: 'GU',
      color: '#b3372f',
      categories: ['hris'],
      guide: 'Sign in to Gusto as an admin and allow access to your company.',
    },
    ['employees:read', 'companies:read', 'payrolls:read'],
  ),
  credentials(
    {
      key: 'greenhouse',
      name: 'Greenhouse',
      initials: 'GH',
      color: '#1a7f64',
      categories: ['ats'],
      guide: 'Create a Harvest API key under Configure → Dev Center → API Credential Management.',
    },
    [apiKey('Harvest API key')],
  ),
  credentials(
    {
      key: 'lever',
      name: 'Lever',
      initials: 'LV',
      color: '#3b4b5c',
      categories: ['ats'],
      guide: 'Create an API key under Settings → Integrations and API → API Credentials.',
    },
    [apiKey()],
  ),
  credentials(
    {
      key: 'workable',
      name: 'Workable',
      initials: 'WK',
      color: '#137a8c',
      categories: ['ats'],
      guide: 'Generate an access token under Settings → Integrations → Apps.',
    },
    [subdomain('workable.com'), apiKey('Access token')],
  ),
  oauth(
    {
      key: 'salesforce',
      name: 'Salesforce',
      initials: 'SF',
      color: '#0b74b8',
      categories: ['crm'],
      guide: 'Sign in to Salesforce with a user who may use the API, and allow access.',
    },
    ['api', 'refresh_token', 'id'],
  ),
  oauth(
    {
      key: 'hubspot',
      name: 'HubSpot',
      initials: 'HS',
      color: '#c2410c',
      categories: ['crm', 'marketing'],
      guide: 'Sign in to HubSpot as a super admin of the account to connect, and allow access.',
    },
    ['oauth', 'crm.objects.contacts.read', 'crm.objects.companies.read', 'crm.objects.deals.read'],
  ),
  oauth(
    {
      key: 'pipedrive',
      name: 'Pipedrive',
      initials: 'PD',
      color: '#1b7a3d',
      categories: ['crm'],
      guide: 'Sign in to Pipedrive and allow access to your company account.',
    },
    ['base', 'deals:read', 'contacts:read'],
  ),
  credentials(
    {
      key: 'okta',
      name: 'Okta',
      initials: 'OK',
      color: '#00297a',
      categories: ['iam'],
      guide: 'Create an API token under Security → API → Tokens.',
    },
    [
      { key: 'domain', label: 'Okta domain', type: 'text', required: true, secret: false, placeholder: 'acme.okta.com' },
      apiKey('API token'),
    ],
  ),
  credentials(
    {
      key: 'mailchimp',
      name: 'Mailchimp',
      initials: 'MC',
      color: '#8a6d00',
      categories: ['marketing'],
      guide: 'Create an API key under Profile → Extras → API keys; the region is the suffix of the key.',
    },
    [apiKey(), region(['us1', 'us6', 'us21'])],
  ),
  credentials(
    {
      key: 'talentlms',
      name: 'TalentLMS',
      initials: 'TL',
      color: '#6d28d9',
      categories: ['lms'],
      guide: 'Enable the API under Account & Settings → Integrations → API.',
    },
    [subdomain('talentlms.com'), apiKey()],
  ),
  credentials(
    {
      key: 'stackone_demo',
      name: 'StackOne Demo',
      initials: 'S1',
      color: '#047857',
      categories: ['stackone'],
      guide: 'Any value works: this provider exists for demonstrations.',
    },
    [apiKey('Demo key')],
  ),
  oauth(
    {
      key: 'google_drive',
      name: 'Google Drive',
      initials: 'GD',
      color: '#1a73e8',
      categories: ['documents'],
      guide: 'Sign in with the Google Workspace account whose files to share, and allow access.',
    },
    ['https://www.googleapis.com/auth/drive.readonly', 'https://www.googleapis.com/auth/userinfo.email'],
  ),
  credentials(
    {
      key: 'jira',
      name: 'Jira',
      initials: 'JI',
      color: '#0052cc',
      categories: ['ticketing'],
      guide: 'Create an API token at id.atlassian.com → Security → API tokens.',
    },
    [subdomain('atlassian.net'), username('Email'), apiKey('API token')],
  ),
  oauth(
    {
      key: 'asana',
      name: 'Asana',
      initials: 'AS',
      color: '#c92c54',
      categories: ['ticketing'],
      guide: 'Sign in to Asana and allow access to your workspace.',
    },
    ['default', 'openid', 'email'],
  ),
  credentials(
    {
      key: 'zendesk',
      name: 'Zendesk',
      initials: 'ZD',
      color: '#03363d',
      categories: ['ticketing', 'messaging'],
      guide: 'Enable token access under Admin Center → Apps and integrations → Zendesk API.',
    },
    [subdomain('zendesk.com'), username('Email'), apiKey('API token')],
  ),
  credentials(
    {
      key: 'checkr',
      name: 'Checkr',
      initials: 'CK',
      color: '#0f5f9e',
      categories: ['screening'],
      guide: 'Find your secret key in the Checkr dashboard under Account Settings → Developer Settings.',
    },
    [apiKey('Secret key')],
  ),
  oauth(
    {
      key: 'slack',
      name: 'Slack',
      initials: 'SL',
      color: '#4a154b',
      categories: ['messaging'],
      guide: 'Sign in to the Slack workspace to connect and allow the app in.',
    },
    ['channels:read', 'chat:write', 'users:read', 'users:read.email'],
  ),
  oauth(
    {
      key: 'microsoft_teams',
      name: 'Microsoft Teams',
      initials: 'MT',
      color: '#4b53bc',
      categories: ['messaging'],
      guide: 'Sign in with a Microsoft 365 account of the tenant to connect, and allow access.',
    },
    ['offline_access', 'Team.ReadBasic.All', 'Channel.ReadBasic.All', 'User.Read.All'],
  ),
  oauth(
    {
      key: 'xero',
      name: 'Xero',
      initials: 'XE',
      color: '#0b6c8f',
      categories: ['accounting'],
      guide: 'Sign in to Xero and pick the organisation to connect.',
    },
    ['offline_access', 'accounting.transactions.read', 'accounting.contacts.read', 'accounting.settings.read'],
  ),
  oauth(
    {
      key: 'quickbooks',
      name: 'QuickBooks',
      initials: 'QB',
      color: '#2c7a2c',
      categories: ['accounting'],
      guide: 'Sign in to QuickBooks Online as an admin and pick the company to connect.',
    },
    ['com.intuit.quickbooks.accounting', 'openid'],
  ),
  oauth(
    {
      key: 'calendly',
      name: 'Calendly',
      initials: 'CA',
      color: '#006bff',
      categories: ['scheduling'],
      guide: 'Sign in to Calendly and allow access to your organisation.',
    },
    ['default'],
  ),
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
  // Nothing typed into a hub may stand in for the provider's own consent.
  if (provider.auth === 'oauth2') return { auth: `${provider.name} connects by OAuth, not with credentials: start a connection attempt` }
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
