import { ConnectButton } from 'react-connect-hub'
import type { AccountsState, HubReporter } from './App.tsx'
import { getToken } from './api.ts'
import { type HubSettings, hubProps } from './hub.ts'
import { formatDate, initials, tileColor } from './labels.ts'

interface Props {
  state: AccountsState
  hub: HubSettings
  reporter: (source: string) => HubReporter
  onRetry: () => void
}

/** The owner's connected accounts, each with an Edit button that opens the hub in edit mode. */
export function AccountsTable({ state, hub, reporter, onRetry }: Props) {
  return (
    <section className="card" aria-labelledby="accounts-title" aria-busy={state.status === 'loading'}>
      <h2 id="accounts-title">Connected accounts</h2>
      {state.status === 'loading' ? <p className="muted">Loading accounts…</p> : null}
      {state.status === 'error' ? (
        <div className="inline-error">
          <p>
            <strong>The accounts could not be loaded.</strong> {state.message}
          </p>
          <button type="button" className="ghost" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : null}
      {state.status === 'ready' && state.accounts.length === 0 ? (
        <p className="empty">No accounts connected yet. Connect one below to start syncing.</p>
      ) : null}
      {state.status === 'ready' && state.accounts.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Label</th>
              <th scope="col">Connected</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.accounts.map((account) => {
              const on = reporter(`Edit ${account.provider_name}`)
              return (
                <tr key={account.id} data-account-id={account.id}>
                  <th scope="row">
                    <span className="provider">
                      <span className="tile" style={{ background: tileColor(account.provider) }} aria-hidden="true">
                        {initials(account.provider_name)}
                      </span>
                      {account.provider_name}
                    </span>
                  </th>
                  <td>{account.label ?? <span className="muted">—</span>}</td>
                  <td>
                    <time dateTime={account.created_at}>{formatDate(account.created_at)}</time>
                  </td>
                  <td>
                    <span className={`status status-${account.status}`}>{account.status}</span>
                    {account.type === 'test' ? <span className="badge-test">Test</span> : null}
                  </td>
                  <td className="actions">
                    <ConnectButton
                      className="secondary"
                      accountId={account.id}
                      {...hubProps(hub)}
                      getToken={getToken}
                      onClick={on.onClick}
                      onEvent={on.onEvent}
                      onError={on.onError}
                      onSuccess={on.onSuccess}
                      aria-label={`Edit ${account.provider_name}${account.label ? ` (${account.label})` : ''}`}
                    >
                      Edit
                    </ConnectButton>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
