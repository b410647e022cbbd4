/** Every string the launcher itself shows, replaceable for translation. */
export interface ConnectHubLabels {
  /** The dialog's name and heading. @default 'Connect an account' ('Edit connection' in edit mode) */
  title: string
  /** The close control's accessible name. @default 'Close' */
  close: string
  /** Shown while the token and the hub load. @default 'Loading…' */
  loading: string
  /** Shown above the error's message. @default 'The connection could not be opened.' */
  error: string
  /** The button that tries again after an error. @default 'Retry' */
  retry: string
}

export function resolveLabels(labels: Partial<ConnectHubLabels> | undefined, editing: boolean): ConnectHubLabels {
  return {
    title: editing ? 'Edit connection' : 'Connect an account',
    close: 'Close',
    loading: 'Loading…',
    error: 'The connection could not be opened.',
    retry: 'Retry',
    ...labels,
  }
}
