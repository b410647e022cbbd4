import { errorDetail } from '../../errors.ts'
import { ApiError, type Connector, createApi, fieldsOf, guideOf, type HubSettings, type Integration, TokenExpired } from './api.ts'
import { type FormHandle, showForm } from './form.ts'
import { connectToHost, type Host } from './host.ts'
import { applyLook } from './look.ts'
import { startOAuthFlow } from './oauth.ts'
import { announce, showCatalog, showMessage, showMode } from './screens.ts'
import { words } from './words/index.ts'

/** What the server tells the page: the API, and the requested host origin only if it is allowed (else `null`). */
interface Config {
  apiUrl: string
  origin: string | null
}

function readConfig(): Config {
  const raw = document.querySelector<HTMLMetaElement>('meta[name="connect-hub-config"]')?.content ?? ''
  try {
    const config = JSON.parse(raw) as Partial<Config>
    return { apiUrl: String(config.apiUrl), origin: typeof config.origin === 'string' ? config.origin : null }
  } catch {
    return { apiUrl: 'http://127.0.0.1:5175', origin: null }
  }
}

function refuse(title: string, text: string): void {
  document.getElementById('cancel')?.setAttribute('hidden', '')
  showMessage('refused', title, text)
}

/** The page's own text (index.html is written in English) in the page's language; shown from then on. */
function applyWords(): void {
  document.title = words.pageTitle
  const text = (id: string, value: string) => {
    const element = document.getElementById(id)
    if (element) element.textContent = value
  }
  text('crumb', words.crumb.create)
  text('badge', words.testBadge)
  document.getElementById('badge')?.setAttribute('title', words.testBadgeTitle)
  text('cancel', words.cancel)
  text('loading', words.loading)
  document.documentElement.dataset.words = 'applied'
}

function start(): void {
  applyLook()
  applyWords()
  const config = readConfig()
  const params = new URLSearchParams(location.search)
  const origin = params.get('origin') ?? ''
  const display = params.get('display') === 'inline' ? 'inline' : 'modal'
  document.documentElement.dataset.display = display

  if (params.get('v') !== '1') {
    refuse(words.refused.protocolTitle, words.refused.protocolText)
    return
  }
  // The allow-list check comes before any message: a hub must never talk to an origin it was not told about. The
  // refusal does not repeat the origin: it came from the URL, so anyone could put words in it.
  if (origin === '' || config.origin !== origin) {
    refuse(words.refused.originTitle, words.refused.originText)
    return
  }
  if (window.parent === window) {
    refuse(words.refused.framedTitle, words.refused.framedText)
    return
  }

  let token = ''
  let pending: (() => Promise<void>) | undefined
  let loaded = false
  let oauth: { abandon(): void } | undefined
  const api = createApi(config.apiUrl, () => token)
  const host: Host = connectToHost(origin, (message) => {
    if (message.type === 'init' && !loaded) {
      loaded = true
      token = message.token
      void run(load)
    } else if (message.type === 'token') {
      token = message.token
      const retry = pending
      pending = undefined
      if (retry) void run(retry)
    } else if (message.type === 'close') {
      oauth?.abandon()
    }
  })
  // The frame is removed without a word when the launcher closes: an open provider window must not connect anyway.
  window.addEventListener('pagehide', () => oauth?.abandon())

  const cancel = () => {
    oauth?.abandon()
    host.post('cancel', {})
  }
  document.getElementById('cancel')?.addEventListener('click', cancel)
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancel()
  })

  const fail = (code: string, message: string) => {
    host.post('error', { code, message })
    showMessage('error', words.failed, message, { label: words.tryAgain, onClick: () => void run(load) })
  }

  /** Runs a step; a refused token pauses it until the host sends a new one. */
  async function run(step: () => Promise<void>): Promise<void> {
    try {
      await step()
    } catch (error) {
      if (error instanceof TokenExpired) {
        pending = step
        announce(words.refreshing)
        host.post('token_expired', {})
      } else if (error instanceof ApiError) {
        fail('api_error', error.message)
      } else {
        fail('network_error', words.networkError(String(error)))
      }
    }
  }

  let settings: HubSettings
  let integrations: Integration[] = []

  async function load(): Promise<void> {
    const [loadedSettings, connectors] = await Promise.all([api.settings(), api.connectors()])
    settings = loadedSettings
    integrations = connectors.integrations.filter((integration) => integration.active)
    document.getElementById('badge')?.toggleAttribute('hidden', settings.session.type !== 'test')
    const accountId = settings.session.account_id
    showMode(accountId ? 'edit' : 'create')
    if (accountId) return edit(accountId)
    const only = settings.session.provider
      ? integrations.find((integration) => integration.provider === settings.session.provider)
      : undefined
    if (only) return open(only, false)
    if (integrations.length === 0) return fail('no_integrations', words.noIntegrations)
    showCatalog(integrations, (integration) => void run(() => open(integration, true)))
  }

  function connectByOAuth(integration: Integration, connector: Connector, mode: 'create' | 'edit', onBack?: () => void) {
    oauth = startOAuthFlow({
      api,
      integration,
      mode,
      guide: guideOf(connector),
      run,
      onBack,
      onSuccess: (account, reported) => succeed(integration, account, reported),
    })
  }

  async function open(integration: Integration, fromCatalog: boolean): Promise<void> {
    const connector: Connector = await api.connector(integration.integration_id)
    const back = () => {
      oauth?.abandon()
      showCatalog(integrations, (next) => void run(() => open(next, true)))
    }
    if (integration.auth === 'oauth2') return connectByOAuth(integration, connector, 'create', fromCatalog ? back : undefined)
    showForm({
      integration,
      fields: fieldsOf(connector),
      guide: guideOf(connector),
      mode: 'create',
      values: {},
      storedSecrets: new Set(),
      ...(fromCatalog ? { onBack: back } : {}),
      onSubmit: (values, form) => void submit(form, () => api.createAccount(integration.integration_id, values), integration, 'create'),
    })
  }

  async function edit(accountId: string): Promise<void> {
    const account = await api.account(accountId)
    const integration = integrations.find((candidate) => candidate.provider === account.provider)
    if (!integration) return fail('unknown_provider', words.unknownProvider(account.provider))
    const connector = await api.connector(account.integrationId)
    if (integration.auth === 'oauth2') return connectByOAuth(integration, connector, 'edit')
    showForm({
      integration,
      fields: fieldsOf(connector),
      mode: 'edit',
      values: account.setupInformation,
      storedSecrets: new Set(Object.keys(account.secrets)),
      onSubmit: (values, form) => {
        // A blank secret means "keep the saved one": it is not sent at all.
        const changed = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''))
        void submit(form, () => api.updateAccount(account.id, account.integrationId, changed), integration, 'edit')
      },
    })
  }

  async function submit(
    form: FormHandle,
    save: () => Promise<{ id: string; provider: string }>,
    integration: Integration,
    mode: 'create' | 'edit',
  ): Promise<void> {
    const attempt = async () => {
      form.busy(true)
      try {
        succeed(integration, await save(), mode)
      } catch (error) {
        form.busy(false)
        if (error instanceof ApiError && error.status === 400) form.issues(error.issues, errorDetail(error.message))
        else throw error
      }
    }
    await run(attempt)
  }

  function succeed(integration: Integration, account: { id: string; provider: string }, mode: 'create' | 'edit') {
    host.post('success', { account: { id: account.id, provider: account.provider }, mode })
    const done = integration.auth === 'oauth2' ? (mode === 'edit' ? 'reconnected' : 'connected') : mode === 'edit' ? 'updated' : 'connected'
    showMessage('success', words.done[done](integration.name), words.canClose)
  }

  if (display === 'inline') {
    let last = -1
    const root = document.getElementById('hub') as HTMLElement
    new ResizeObserver(() => {
      const height = Math.ceil(root.getBoundingClientRect().height)
      if (height !== last) {
        last = height
        host.post('resize', { height })
      }
    }).observe(root)
  }

  host.post('ready', {})
}

start()
