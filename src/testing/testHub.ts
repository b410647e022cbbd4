import { ConnectHubError } from '../errors.ts'
import type { HubCallbacks, HubFactory } from '../hub/types.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'
import type { GetToken } from '../token/token.ts'
import { providersFor, TEST_PROVIDERS, type TestProvider } from './providers.ts'
import { ENGLISH, renderScreen, type Screen, type ScreenWords } from './screens.ts'

/** Options of `createTestHub`. */
export interface TestHubOptions {
  /**
   * The integrations the hub lists, filtered by the session's `categories`, or its `provider` alone.
   * @default TEST_PROVIDERS (BambooHR, HiBob, Workday, Greenhouse, Lever, Salesforce, HubSpot, Xero, Okta)
   */
  providers?: readonly TestProvider[] | undefined
  /**
   * Existing accounts, for edit mode: a session whose `accountId` is one of them edits that account's provider.
   * @default []
   */
  accounts?: readonly { id: string; provider: string }[] | undefined
  /**
   * When the hub says it is ready: `'auto'` at once, `'manual'` on `ready()` (a slow hub: the launcher shows its loading
   * state until then), `'never'` (the launcher reports `hub_unavailable` after its `hubTimeout`).
   * @default 'auto'
   */
  ready?: 'auto' | 'manual' | 'never' | undefined
  /**
   * The token source every button beneath the provider uses instead of its own `getToken`.
   * @default resolves 'test_token_1', 'test_token_2', …
   */
  getToken?: GetToken | undefined
}

/** An in-process hub for tests and stories, and the controller for what a user cannot do from its screens. */
export interface TestHub {
  /** The hub itself: pass it as `hub`, or let `<ConnectHubTestProvider>` pass it to every button. */
  readonly hub: HubFactory
  /** The token source `<ConnectHubTestProvider>` puts in place of the host's `getToken`. */
  readonly getToken: GetToken
  /** Every token the hub received, in order: each open's first, then each one refreshed after `expireToken()`. */
  readonly tokens: readonly string[]
  /** Every session the hub was started with, normalised as the launcher validated it: assert `accountId` for edit mode. */
  readonly sessions: readonly NormalizedConnectSessionOptions[]
  /** Whether a hub is running: pre-loaded or on screen, until the launcher removes it. */
  readonly isRunning: boolean
  /** Connects an account, as the user would with Connect (or Save in edit mode). @default the account the screen shows, else a new `acc_test_N` of the first listed provider */
  connect(account?: { id?: string; provider?: string }): void
  /** Dismisses the hub from inside it, as its Cancel button does. */
  cancel(): void
  /** Fails the hub with a code of its own: the launcher shows it with Retry and calls `onError` with `hub_error`. */
  fail(code?: string, message?: string): void
  /** The hub's API refused the token: the launcher asks `getToken` again and hands the new one over (see `tokens`). */
  expireToken(): void
  /** Says ready, for a hub created with `ready: 'manual'`. */
  ready(): void
  /** Forgets the recorded tokens and sessions. */
  reset(): void
}

interface Running {
  callbacks: HubCallbacks
  session: NormalizedConnectSessionOptions | undefined
  shown: TestProvider | undefined
  ready(): void
  connect(provider: TestProvider, id?: string): void
}

/**
 * A hub that runs in the page, with no iframe, server or network: in jsdom and in real browsers. It renders inside
 * the launcher's own dialog (a catalog filtered by the session, a Connect step, Cancel), so a test drives it as a user
 * does; the returned controller does what a user cannot (connect a given account, fail, expire the token, be slow).
 */
export function createTestHub(options: TestHubOptions = {}): TestHub {
  const providers = options.providers ?? TEST_PROVIDERS
  const accounts = options.accounts ?? []
  const tokens: string[] = []
  const sessions: NormalizedConnectSessionOptions[] = []
  let issued = 0
  let connected = 0
  let running: Running | undefined

  const getToken: GetToken = options.getToken ?? (async () => `test_token_${++issued}`)

  const current = (action: string): Running => {
    if (!running)
      throw new Error(`react-connect-hub: testHub.${action}() needs a running hub — open one first (click the button) and await its dialog`)
    return running
  }

  const hub: HubFactory = ({ container, callbacks, title, locale }) => {
    // In the button's language: English at once, another's words with their chunk (the hub says ready once they are here).
    let words: ScreenWords | undefined = /^en\b/i.test(locale) ? ENGLISH : undefined
    const spoken = words
      ? Promise.resolve()
      : import('./translations.ts').then(
          (module) => {
            words = module.wordsFor(locale)
          },
          () => {
            words = ENGLISH
          },
        )
    const root = document.createElement('div')
    root.className = 'rch-frame rch-test-hub'
    root.setAttribute('role', 'group')
    root.setAttribute('aria-label', title)
    root.tabIndex = -1
    root.style.cssText = 'box-sizing:border-box;padding:1em;overflow:auto'
    container.append(root)

    let said = false
    let destroyed = false
    const show = (screen: Screen) => {
      if (!words) return void spoken.then(() => destroyed || show(screen))
      const focused = root.contains(document.activeElement)
      self.shown = screen.name === 'catalog' || screen.name === 'empty' ? undefined : screen.provider
      renderScreen(
        root,
        screen,
        {
          pick: (provider) => show({ name: 'connect', provider, back: true }),
          back: () => self.session && start(self.session),
          connect: (provider) => self.connect(provider),
          cancel: () => callbacks.cancel(),
        },
        words,
      )
      // Keep the keyboard user's place: a new screen takes the focus its last one had.
      if (focused) root.querySelector('button')?.focus()
    }
    const start = (session: NormalizedConnectSessionOptions) => {
      const listed = providersFor(providers, session)
      const account = session.accountId === undefined ? undefined : accounts.find((candidate) => candidate.id === session.accountId)
      const edited = account ? providersFor(providers, { provider: account.provider })[0] : listed[0]
      if (session.accountId !== undefined && edited) show({ name: 'edit', provider: edited, accountId: session.accountId })
      else if (session.provider !== undefined && listed[0]) show({ name: 'connect', provider: listed[0], back: false })
      else show(listed.length ? { name: 'catalog', providers: listed } : { name: 'empty' })
    }

    const self: Running = {
      callbacks,
      session: undefined,
      shown: undefined,
      ready() {
        if (said || destroyed) return
        said = true
        callbacks.ready()
      },
      connect(provider, id) {
        const session = self.session
        const mode = session?.accountId !== undefined ? 'edit' : 'create'
        callbacks.success({ id: id ?? session?.accountId ?? `acc_test_${++connected}`, provider: provider.key }, mode)
      },
    }
    running = self
    // After the launcher has taken the instance (a ready said during creation would reach no hub), and in its words.
    if ((options.ready ?? 'auto') === 'auto') spoken.then(() => self.ready())

    return {
      start(token, session) {
        tokens.push(token)
        sessions.push(session)
        self.session = session
        start(session)
      },
      refresh(token) {
        tokens.push(token)
      },
      focus() {
        ;(root.querySelector('button') ?? root).focus()
      },
      destroy() {
        if (destroyed) return
        destroyed = true
        if (running === self) running = undefined
        root.remove()
      },
    }
  }

  return {
    hub,
    getToken,
    tokens,
    sessions,
    get isRunning() {
      return running !== undefined
    },
    connect(account = {}) {
      const hub = current('connect')
      const listed = hub.session ? providersFor(providers, hub.session) : [...providers]
      const provider =
        account.provider !== undefined
          ? providersFor(providers, { provider: account.provider })[0]
          : (hub.shown ?? listed[0] ?? providers[0])
      if (!provider) throw new Error('react-connect-hub: testHub.connect() has no provider to connect — pass { provider }')
      hub.connect(provider, account.id)
    },
    cancel: () => current('cancel').callbacks.cancel(),
    fail(code = 'test_failure', message = 'the test hub failed') {
      current('fail').callbacks.error(new ConnectHubError('hub_error', `the hub reported ${code}: ${message}`))
    },
    expireToken: () => current('expireToken').callbacks.tokenExpired(),
    ready: () => current('ready').ready(),
    reset() {
      tokens.length = 0
      sessions.length = 0
    },
  }
}
