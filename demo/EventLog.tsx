import type { ConnectHubEvent } from 'react-connect-hub'

export type LogEntry =
  | { id: number; kind: 'click'; source: string; sinceClick: 0 }
  | { id: number; kind: 'event'; source: string; sinceClick: number | null; event: ConnectHubEvent }

function detail(event: ConnectHubEvent): string {
  switch (event.type) {
    case 'success':
      return `${event.provider} ${event.accountId} · mode ${event.mode}`
    case 'error':
      return event.error.code
    case 'token_refreshed':
      return event.reason
    case 'message_ignored':
      return `${event.reason} from ${event.origin}`
    case 'hub_event':
      return event.name
    default:
      return ''
  }
}

/** Every launcher event, with the time since the last click (negative: prefetched before it). */
export function EventLog({ entries, onClear }: { entries: LogEntry[]; onClear: () => void }) {
  return (
    <aside className="log" aria-labelledby="log-title">
      <div className="log-head">
        <h2 id="log-title">Event log</h2>
        <button type="button" className="ghost small" onClick={onClear} disabled={entries.length === 0}>
          Clear
        </button>
      </div>
      <p className="muted small">
        <code>onEvent</code>, in ms since the last click.
      </p>
      {entries.length === 0 ? <p className="muted small">No events yet: point at or click a Connect button.</p> : null}
      <ol role="log" aria-label="Launcher events">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.kind} data-type={entry.kind === 'click' ? 'click' : entry.event.type}>
            <span className="ms">{entry.sinceClick === null ? '—' : `${entry.sinceClick > 0 ? '+' : ''}${entry.sinceClick} ms`}</span>
            <span className="type">{entry.kind === 'click' ? 'click' : entry.event.type}</span>
            <span className="detail">{entry.kind === 'click' ? entry.source : detail(entry.event)}</span>
          </li>
        ))}
      </ol>
    </aside>
  )
}
