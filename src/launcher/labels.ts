import type { ConnectHubErrorCode } from '../errors.ts'
import type { ConnectHubOptions } from './types.ts'

/**
 * Every string the launcher itself shows. Built in for English, French, German, Spanish, Japanese and Arabic (picked
 * by `locale`); give the ones you want worded differently, or all of them for another language.
 */
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
  /**
   * What the person connecting an account reads for each error, in plain words. The developer's message (the
   * `ConnectHubError`'s) goes to `onError` or the console, and shows in the dialog only with `showErrorDetails`. Give
   * the codes you want to word differently; the others keep their defaults.
   * @default one sentence per code, e.g. `token_failed`: "We couldn't start the connection. Please try again.",
   * `hub_unavailable`: "The connection service isn't responding. Please try again in a moment." (docs/button-and-hook.md lists them)
   */
  errors?: Partial<Record<ConnectHubErrorCode, string>> | undefined
}

/** Every word of the launcher in one language: what a built-in language's module (`words/fr.ts`) gives. */
export interface Words extends Required<Omit<ConnectHubLabels, 'errors'>> {
  /** The dialog's name in edit mode. */
  edit: string
  errors: Record<ConnectHubErrorCode, string>
}

/** The English labels a run shows before its language's words are loaded (a click before they were); `error` and `errors` have their defaults where the error's words are written. */
export type ResolvedLabels = Omit<ConnectHubLabels, 'error'> & Partial<Pick<ConnectHubLabels, 'error'>>

/** The strings of `options.labels` over the English defaults; the title says "Edit connection" in edit mode (`accountId`). */
export function resolveLabels(options: ConnectHubOptions): ResolvedLabels {
  return {
    title: options.accountId === undefined ? 'Connect an account' : 'Edit connection',
    close: 'Close',
    loading: 'Loading…',
    retry: 'Retry',
    ...options.labels,
  }
}
