import type { Words } from '../labels.ts'

export const words: Words = {
  title: 'Konto verbinden',
  edit: 'Verbindung bearbeiten',
  close: 'Schließen',
  loading: 'Wird geladen…',
  error: 'Die Verbindung konnte nicht geöffnet werden.',
  retry: 'Erneut versuchen',
  errors: {
    invalid_session: 'Diese Verbindung ist nicht richtig eingerichtet. Bitte wenden Sie sich an den Support.',
    token_failed: 'Die Verbindung konnte nicht gestartet werden. Bitte versuchen Sie es erneut.',
    token_timeout: 'Der Start der Verbindung hat zu lange gedauert. Bitte versuchen Sie es erneut.',
    invalid_token: 'Die Verbindung konnte nicht gestartet werden. Bitte versuchen Sie es erneut.',
    token_expired: 'Ihre Sitzung ist abgelaufen. Bitte versuchen Sie es erneut.',
    hub_unavailable: 'Der Verbindungsdienst antwortet nicht. Bitte versuchen Sie es gleich noch einmal.',
    hub_error: 'Beim Verbindungsdienst ist ein Problem aufgetreten. Bitte versuchen Sie es erneut.',
    api_error: 'Beim Verbindungsdienst ist ein Problem aufgetreten. Bitte versuchen Sie es erneut.',
    network_error: 'Der Verbindungsdienst ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    unsupported_environment: 'Konten können hier nicht verbunden werden. Bitte verwenden Sie einen Webbrowser.',
  },
}
