import type { Category } from '../../../session/schema.ts'

/**
 * The reference hub's words in English: the shape every other language follows (`words/fr.ts` is typed by it, so a
 * missing or extra key fails to compile). Provider names, and what the API writes (guides, a provider's own refusal),
 * are not translated.
 */
export const en = {
  /** The document's title, before a session says which mode it is in. */
  pageTitle: 'Connect an integration',
  loading: 'Loading…',
  cancel: 'Cancel',
  back: 'Back',
  tryAgain: 'Try again',
  connect: 'Connect',
  connecting: 'Connecting…',
  save: 'Save',
  saving: 'Saving…',
  reconnect: 'Reconnect',
  /** The header's breadcrumb and the document's title, per mode. */
  crumb: { create: 'Connect', edit: 'Edit connection' },
  modeTitle: { create: 'Connect an integration', edit: 'Edit connection' },
  testBadge: 'TEST',
  testBadgeTitle: 'Test mode: this connects a sandbox account',

  refused: {
    protocolTitle: 'Unsupported host',
    protocolText: 'This hub speaks protocol version 1: load it as hubUrl?v=1&origin=<your origin>&display=modal|inline.',
    originTitle: 'This page may not open the hub',
    originText: "This page's origin is not allowed to use this hub. Add it to allowedOrigins.",
    framedTitle: 'Open the hub from your app',
    framedText: 'This hub runs inside a host page, which gives it a session token.',
  },
  failed: 'Something went wrong',
  refreshing: 'Refreshing the session…',
  networkError: (detail: string) => `The hub could not reach its API (${detail}).`,
  noIntegrations: 'No integration is available for this session.',
  unknownProvider: (provider: string) => `The account's provider ${provider} is not available.`,
  /** The success screen's title, by what happened to the account. */
  done: {
    connected: (name: string) => `${name} connected`,
    updated: (name: string) => `${name} updated`,
    reconnected: (name: string) => `${name} reconnected`,
  },
  canClose: 'You can close this window.',

  catalogTitle: 'Connect an integration',
  integrations: 'Integrations',
  searchLabel: 'Search integrations',
  /** Between the provider names of the search's placeholder. */
  listSeparator: ', ',
  noMatch: (query: string) => `No integration matches “${query}”.`,
  matches: (count: number) => `${count} integration${count === 1 ? '' : 's'}`,
  categories: {
    ats: 'ATS',
    hris: 'HRIS',
    'hris-legacy': 'HRIS (legacy)',
    crm: 'CRM',
    iam: 'IAM',
    marketing: 'Marketing',
    lms: 'LMS',
    stackone: 'StackOne',
    documents: 'Documents',
    ticketing: 'Ticketing',
    screening: 'Screening',
    messaging: 'Messaging',
    accounting: 'Accounting',
    scheduling: 'Scheduling',
  } satisfies Record<Category, string>,
  oauthBadge: 'OAuth',
  oauthBadgeTitle: 'Connects in the provider’s own window',
  credentialsBadge: 'Credentials',
  credentialsBadgeTitle: 'Connects with credentials',

  formTitle: { create: (name: string) => `Connect ${name}`, edit: (name: string) => `Edit ${name}` },
  credentialsLine: (name: string) => `${name} gives you these credentials; secrets are stored, never shown again.`,
  choose: 'Choose…',
  keptSecret: 'A value is saved. Leave blank to keep it.',
  required: (label: string) => `${label} is required`,
  fillRequired: 'Please fill in the required fields.',
  checkFields: 'Please check the highlighted fields',
  /** A field the API refused: English shows the API's own sentence, other languages say it in their words. */
  invalid: (_label: string, apiMessage: string) => apiMessage,
  /** The credential fields' labels as the catalog names them, and their hints; a label missing here is shown as it is. */
  fields: {
    'API key': 'API key',
    'API token': 'API token',
    'Access token': 'Access token',
    'Secret key': 'Secret key',
    'Demo key': 'Demo key',
    'Harvest API key': 'Harvest API key',
    Subdomain: 'Subdomain',
    Username: 'Username',
    Password: 'Password',
    Email: 'Email',
    Region: 'Region',
    Host: 'Host',
    'Tenant name': 'Tenant name',
    'Integration system user': 'Integration system user',
    'Service user ID': 'Service user ID',
    'Service user token': 'Service user token',
    'Client ID': 'Client ID',
    'Client secret': 'Client secret',
    'Okta domain': 'Okta domain',
  },
  subdomainHint: (domain: string) => `The first part of your ${domain} address`,

  oauth: {
    title: { create: (name: string) => `Connect ${name}`, edit: (name: string) => `Reconnect ${name}` },
    explain: (name: string) =>
      `You sign in at ${name} and allow access there, in a window of its own. This page never sees your ${name} password.`,
    keepsAccount: (name: string) => `The account keeps its settings and its id; only its access to ${name} is renewed.`,
    waitingTitle: (name: string) => `Waiting for ${name}`,
    waitingText: (name: string) => `Allow access in the ${name} window to finish. This page updates by itself.`,
    showWindow: (name: string) => `Show the ${name} window`,
    windowLost: (name: string) => `If the ${name} window is still open, finish there. If you closed it, try again.`,
    blockedTitle: (name: string) => `The ${name} window was blocked`,
    blockedText: (name: string) => `Your browser blocked the window in which you sign in to ${name}.`,
    blockedHelp: 'Open it in a new tab instead: this page carries on by itself once you have answered there.',
    openInTab: (name: string) => `Open ${name} in a new tab`,
    deniedTitle: (name: string) => `${name} did not allow access`,
    /** English shows the provider's own sentence when it gave one (the provider's page is English); others, their own. */
    deniedText: (name: string, providerText?: string) => providerText ?? `${name} refused access.`,
    expiredTitle: 'The request expired',
    expiredText: (name: string) => `The request to ${name} expired before it was answered.`,
    nothingConnected: 'Nothing was connected.',
  },
}

/** Every language of the reference hub has these words. */
export type Words = typeof en
