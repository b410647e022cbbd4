import type { ConnectHubError } from 'react-connect-hub'

const summary = (error: ConnectHubError) => {
  const message = error.detail
  // With field issues, the list below says the rest.
  return error.issues?.length ? message.split(' — ')[0] : message
}

/** The last error a launcher reported, with its code and each field-level issue. */
export function ErrorBanner({ error, onDismiss }: { error: ConnectHubError | null; onDismiss: () => void }) {
  return (
    <div role="alert" className="error-slot">
      {error ? (
        <div className="error-banner" data-code={error.code}>
          <div>
            <p className="error-title">
              The connection could not be opened <code>{error.code}</code>
            </p>
            <p>{summary(error)}</p>
            {error.issues?.length ? (
              <ul>
                {error.issues.map((issue) => (
                  <li key={`${issue.path.join('.')}:${issue.message}`}>
                    <code>{issue.path.join('.') || '(session)'}</code> {issue.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <button type="button" className="ghost" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  )
}
