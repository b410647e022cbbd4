import { createApi } from './api.ts'
import { load, type Session } from './connect.ts'
import { connectToHost, type Host } from './host.ts'
import { applyLook } from './look.ts'
import { showMessage } from './screens.ts'
import { createSteps } from './steps.ts'
import { words } from './words/index.ts'

/** What the server tells the page: the API, and the requested host origin only if it is allowed (else `null`). */
interface Config {
  apiUrl: string
  origin: string | null
}

function readConfig(): Config {
  const raw = document.querySelector<HTMLMetaElement>('meta[name="connect-hub-config"]')?.content ?? ''
  try {
    const config = JSON.parse(raw) as Partial<Config>
    return { apiUrl: String(config.apiUrl), origin: typeof config.origin === 'string' ? config.origin : null }
  } catch {
    return { apiUrl: 'http://127.0.0.1:5175', origin: null }
  }
}

function refuse(title: string, text: string): void {
  document.getElementById('cancel')?.setAttribute('hidden', '')
  showMessage('refused', title, text)
}

/** Why the page will not start for this URL, if it will not. */
function refusalOf(params: URLSearchParams, origin: string, config: Config): [title: string, text: string] | undefined {
  if (params.get('v') !== '1') return [words.refused.protocolTitle, words.refused.protocolText]
  // The allow-list check comes before any message: a hub must never talk to an origin it was not told about. The
  // refusal does not repeat the origin: it came from the URL, so anyone could put words in it.
  if (origin === '' || config.origin !== origin) return [words.refused.originTitle, words.refused.originText]
  if (window.parent === window) return [words.refused.framedTitle, words.refused.framedText]
  return undefined
}

/** The page's own text (index.html is written in English) in the page's language; shown from then on. */
function applyWords(): void {
  document.title = words.pageTitle
  const text = (id: string, value: string) => {
    const element = document.getElementById(id)
    if (element) element.textContent = value
  }
  text('crumb', words.crumb.create)
  text('badge', words.testBadge)
  document.getElementById('badge')?.setAttribute('title', words.testBadgeTitle)
  text('cancel', words.cancel)
  text('loading', words.loading)
  document.documentElement.dataset.words = 'applied'
}

/** The header's Cancel, and Escape anywhere in the page. */
function listenForCancel(cancel: () => void): void {
  document.getElementById('cancel')?.addEventListener('click', cancel)
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancel()
  })
}

/** Inline, the launcher sizes the frame to the page: each new height is posted. */
function reportHeight(host: Host): void {
  let last = -1
  const root = document.getElementById('hub') as HTMLElement
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height)
    if (height !== last) {
      last = height
      host.post('resize', { height })
    }
  }).observe(root)
}

function start(): void {
  applyLook()
  applyWords()
  const config = readConfig()
  const params = new URLSearchParams(location.search)
  const origin = params.get('origin') ?? ''
  const display = params.get('display') === 'inline' ? 'inline' : 'modal'
  document.documentElement.dataset.display = display
  const refusal = refusalOf(params, origin, config)
  if (refusal) {
    refuse(...refusal)
    return
  }

  const host = connectToHost(origin, (message) => {
    if (message.type === 'init') steps.begin(message.token)
    else if (message.type === 'token') steps.renew(message.token)
    else if (message.type === 'close') session.oauth?.abandon()
  })
  const steps = createSteps(host, () => load(session))
  const session: Session = { api: createApi(config.apiUrl, steps.token), host, steps, oauth: undefined }
  // The frame is removed without a word when the launcher closes: an open provider window must not connect anyway.
  window.addEventListener('pagehide', () => session.oauth?.abandon())
  listenForCancel(() => {
    session.oauth?.abandon()
    host.post('cancel', {})
  })
  if (display === 'inline') reportHeight(host)
  host.post('ready', {})
}

start()
