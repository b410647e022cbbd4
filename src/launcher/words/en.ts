import type { Words } from '../labels.ts'

export const words: Words = {
  title: 'Connect an account',
  edit: 'Edit connection',
  close: 'Close',
  loading: 'Loading…',
  error: 'The connection could not be opened.',
  retry: 'Retry',
  errors: {
    invalid_session: "This connection isn't set up correctly. Please contact support.",
    token_failed: "We couldn't start the connection. Please try again.",
    token_timeout: 'Starting the connection took too long. Please try again.',
    invalid_token: "We couldn't start the connection. Please try again.",
    token_expired: 'Your session expired. Please try again.',
    hub_unavailable: "The connection service isn't responding. Please try again in a moment.",
    hub_error: 'The connection service ran into a problem. Please try again.',
    api_error: 'The connection service ran into a problem. Please try again.',
    network_error: "We couldn't reach the connection service. Check your internet connection and try again.",
    unsupported_environment: "Connecting accounts isn't available here. Please use a web browser.",
  },
}
