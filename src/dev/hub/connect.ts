import { errorDetail } from '../../errors.ts'
import { ApiError, type Connector, fieldsOf, guideOf, type HubApi, type Integration } from './api.ts'
import { type FormHandle, showForm } from './form.ts'
import type { Host } from './host.ts'
import { type OAuthFlow, startOAuthFlow } from './oauth.ts'
import { showCatalog, showMessage, showMode } from './screens.ts'
import type { Steps } from './steps.ts'
import { words } from './words/index.ts'

type Mode = 'create' | 'edit'
type Account = { id: string; provider: string }

/** What the hub does for one session: its API, its steps, the host it reports to, and the OAuth flow on screen. */
export interface Session {
  api: HubApi
  host: Host
  steps: Steps
  /** Left (abandoned) when the user goes back or cancels, and when the hub goes away. */
  oauth: OAuthFlow | undefined
}

/** The session's first screen: the account it edits, else the one provider it names, else the catalog. */
export async function load(session: Session): Promise<void> {
  const [settings, connectors] = await Promise.all([session.api.settings(), session.api.connectors()])
  const integrations = connectors.integrations.filter((integration) => integration.active)
  document.getElementById('badge')?.toggleAttribute('hidden', settings.session.type !== 'test')
  const accountId = settings.session.account_id
  showMode(accountId ? 'edit' : 'create')
  if (accountId) return edit(session, integrations, accountId)
  const only = settings.session.provider
    ? integrations.find((integration) => integration.provider === settings.session.provider)
    : undefined
  if (only) return open(session, only)
  if (integrations.length === 0) return session.steps.fail('no_integrations', words.noIntegrations)
  pick(session, integrations)
}

/** The catalog: a provider picked there gets a Back to it. */
function pick(session: Session, integrations: Integration[]): void {
  const back = () => {
    session.oauth?.abandon()
    pick(session, integrations)
  }
  showCatalog(integrations, (integration) => void session.steps.run(() => open(session, integration, back)))
}

async function open(session: Session, integration: Integration, onBack?: () => void): Promise<void> {
  const { api } = session
  const connector: Connector = await api.connector(integration.integration_id)
  if (integration.auth === 'oauth2') return connectByOAuth(session, integration, connector, 'create', onBack)
  showForm({
    integration,
    fields: fieldsOf(connector),
    guide: guideOf(connector),
    mode: 'create',
    values: {},
    storedSecrets: new Set(),
    ...(onBack ? { onBack } : {}),
    onSubmit: (values, form) =>
      void save(session, form, integration, 'create', () => api.createAccount(integration.integration_id, values)),
  })
}

async function edit(session: Session, integrations: Integration[], accountId: string): Promise<void> {
  const { api } = session
  const account = await api.account(accountId)
  const integration = integrations.find((candidate) => candidate.provider === account.provider)
  if (!integration) return session.steps.fail('unknown_provider', words.unknownProvider(account.provider))
  const connector = await api.connector(account.integrationId)
  if (integration.auth === 'oauth2') return connectByOAuth(session, integration, connector, 'edit')
  showForm({
    integration,
    fields: fieldsOf(connector),
    mode: 'edit',
    values: account.setupInformation,
    storedSecrets: new Set(Object.keys(account.secrets)),
    onSubmit: (values, form) => {
      // A blank secret means "keep the saved one": it is not sent at all.
      const changed = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''))
      void save(session, form, integration, 'edit', () => api.updateAccount(account.id, account.integrationId, changed))
    },
  })
}

function connectByOAuth(session: Session, integration: Integration, connector: Connector, mode: Mode, onBack?: () => void) {
  session.oauth = startOAuthFlow({
    api: session.api,
    integration,
    mode,
    guide: guideOf(connector),
    run: session.steps.run,
    onBack,
    onSuccess: (account, reported) => succeed(session.host, integration, account, reported),
  })
}

/** Sends a credentials form; a field the API refuses is shown by that field, and the form can be sent again. */
async function save(session: Session, form: FormHandle, integration: Integration, mode: Mode, send: () => Promise<Account>) {
  await session.steps.run(async () => {
    form.busy(true)
    try {
      succeed(session.host, integration, await send(), mode)
    } catch (error) {
      form.busy(false)
      if (error instanceof ApiError && error.status === 400) form.issues(error.issues, errorDetail(error.message))
      else throw error
    }
  })
}

function succeed(host: Host, integration: Integration, account: Account, mode: Mode) {
  host.post('success', { account: { id: account.id, provider: account.provider }, mode })
  const done = integration.auth === 'oauth2' ? (mode === 'edit' ? 'reconnected' : 'connected') : mode === 'edit' ? 'updated' : 'connected'
  showMessage('success', words.done[done](integration.name), words.canClose)
}
