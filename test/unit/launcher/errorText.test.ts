import { expect, describe as group, it } from 'vitest'
import { ConnectHubError, type ConnectHubErrorCode } from '../../../src/errors.ts'
import { describe } from '../../../src/launcher/errorText.ts'
import { words as en } from '../../../src/launcher/words/en.ts'

const CODES: ConnectHubErrorCode[] = [
  'invalid_session',
  'token_failed',
  'token_timeout',
  'invalid_token',
  'token_expired',
  'hub_unavailable',
  'hub_error',
  'api_error',
  'network_error',
  'unsupported_environment',
]

/** The error box as the chrome makes it: Retry only, the words written above it. */
function box() {
  const element = document.createElement('div')
  element.append(Object.assign(document.createElement('button'), { textContent: 'Retry' }))
  return element
}
const lines = (element: HTMLElement) => [...element.children].map((child) => `${child.className}: ${child.textContent}`)

group('given the end user’s words for errors', () => {
  it('→ every code has a sentence in plain words: no code, no library name, no developer detail', () => {
    expect(Object.keys(en.errors).sort()).toEqual([...CODES].sort())
    for (const text of Object.values(en.errors)) {
      expect(text).toMatch(/^[A-Z].*\.$/)
      expect(text).not.toMatch(/react-connect-hub|_|getToken|hubUrl|\d{3}/)
    }
  })

  it('→ describe writes the title, the code’s words, and the detail only on request, above Retry', () => {
    const element = box()
    const error = new ConnectHubError('token_failed', 'getToken failed: the token endpoint answered 404')
    describe(error, element, en, false)
    expect(lines(element)).toEqual([
      'rch-error-title: The connection could not be opened.',
      "rch-error-message: We couldn't start the connection. Please try again.",
      ': Retry',
    ])
    describe(error, element, en, true)
    expect(lines(element)).toEqual([
      'rch-error-title: The connection could not be opened.',
      "rch-error-message: We couldn't start the connection. Please try again.",
      'rch-error-detail: getToken failed: the token endpoint answered 404',
      ': Retry',
    ])
  })

  it('→ the words given replace the title and the code’s words; the next error rewrites them', () => {
    const element = box()
    const labels = { error: 'Échec de la connexion.', errors: { ...en.errors, hub_error: 'Le service a rencontré un problème.' } }
    describe(new ConnectHubError('hub_error', 'The hub broke'), element, labels, false)
    expect(lines(element)).toEqual([
      'rch-error-title: Échec de la connexion.',
      'rch-error-message: Le service a rencontré un problème.',
      ': Retry',
    ])
    describe(new ConnectHubError('token_timeout', 'slow'), element, labels, false)
    expect(lines(element)).toEqual([
      'rch-error-title: Échec de la connexion.',
      'rch-error-message: Starting the connection took too long. Please try again.',
      ': Retry',
    ])
  })
})
