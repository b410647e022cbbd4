import { useCallback, useEffect, useRef, useState } from 'react'
import { type ConnectHubError, type ConnectHubEvent, type ConnectSuccess, isConnectHubError } from 'react-connect-hub'
import { AccountsTable } from './AccountsTable.tsx'
import { type Account, fetchAccounts } from './api.ts'
import { ErrorBanner } from './ErrorBanner.tsx'
import { EventLog, type LogEntry } from './EventLog.tsx'
import { HubSwitch } from './HubSwitch.tsx'
import { type HubSettings, readHubSettings, writeHubSettings } from './hub.ts'
import { LookSwitch } from './LookSwitch.tsx'
import { NewConnection } from './NewConnection.tsx'

export type AccountsState = { status: 'loading' } | { status: 'ready'; accounts: Account[] } | { status: 'error'; message: string }

const now = () => performance.timeOrigin + performance.now()

/** What every ConnectButton on the page reports to: the event log, the error banner, the status line. */
export interface HubReporter {
  onClick(): void
  onEvent(event: ConnectHubEvent): void
  onError(error: ConnectHubError): void
  onSuccess(result: ConnectSuccess): void
}

export function App() {
  const [accounts, setAccounts] = useState<AccountsState>({ status: 'loading' })
  const [log, setLog] = useState<LogEntry[]>([])
  const [error, setError] = useState<ConnectHubError | null>(null)
  const [notice, setNotice] = useState('')
  const [hub, setHub] = useState<HubSettings>(readHubSettings)
  const clickedAt = useRef<number | null>(null)
  const nextId = useRef(0)

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      setAccounts({ status: 'ready', accounts: await fetchAccounts(signal) })
    } catch (cause) {
      if (signal?.aborted) return
      setAccounts({
        status: 'error',
        message: isConnectHubError(cause) ? cause.detail : cause instanceof Error ? cause.message : String(cause),
      })
    }
  }, [])

  useEffect(() => {
    const controller = new AbortController()
    void reload(controller.signal)
    return () => controller.abort()
  }, [reload])

  const reporter = useCallback(
    (source: string): HubReporter => ({
      onClick: () => {
        clickedAt.current = now()
        setError(null)
        setNotice('')
        setLog((entries) => [...entries, { id: nextId.current++, kind: 'click', source, sinceClick: 0 }])
      },
      onEvent: (event) => {
        const sinceClick = clickedAt.current === null ? null : Math.round(event.timestamp - clickedAt.current)
        setLog((entries) => [...entries, { id: nextId.current++, kind: 'event', source, sinceClick, event }])
      },
      onError: setError,
      onSuccess: (result) => {
        setNotice(`${result.mode === 'edit' ? 'Updated' : 'Connected'} ${result.provider} (${result.accountId}).`)
        void reload()
      },
    }),
    [reload],
  )

  const chooseHub = (settings: HubSettings) => {
    writeHubSettings(settings)
    setHub(settings)
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            L
          </span>
          Lumen
        </span>
        <nav className="topnav" aria-label="Product">
          <a href="#main">People</a>
          <a href="#main">Payroll</a>
          <a href="#main">Reports</a>
        </nav>
        <span className="who">
          Dana Reyes <span className="muted">· Acme Inc</span>
        </span>
      </header>
      <div className="layout">
        <nav className="sidebar" aria-label="Settings">
          <h2>Settings</h2>
          <a href="#main">General</a>
          <a href="#main">Members</a>
          <a href="#main">Billing</a>
          <a href="#main" aria-current="page">
            Integrations
          </a>
          <a href="#main">API keys</a>
        </nav>
        <main id="main" tabIndex={-1}>
          <h1>Integrations</h1>
          <p className="lede">Connect the tools Acme Inc already uses, so Lumen can sync employees, candidates and invoices.</p>
          <HubSwitch value={hub.choice} onChange={(choice) => chooseHub({ ...hub, choice })} />
          <LookSwitch value={hub} onChange={chooseHub} />
          <p className="notice" role="status">
            {notice}
          </p>
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
          <AccountsTable state={accounts} hub={hub} reporter={reporter} onRetry={() => void reload()} />
          <NewConnection hub={hub} reporter={reporter('New connection')} />
        </main>
        <EventLog entries={log} onClear={() => setLog([])} />
      </div>
    </>
  )
}
