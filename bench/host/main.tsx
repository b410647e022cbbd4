import { Profiler, useLayoutEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { ConnectButton, type ConnectHubEvent, type GetToken } from '../../src/index.ts'
import { stackOneHub } from '../../src/stackone/index.ts'
import { createProbe, type Strategy } from './probe.ts'
import { openSerially } from './serial.ts'

const params = new URLSearchParams(window.location.search)
const strategy = (params.get('strategy') ?? 'parallel') as Strategy
const hubUrl = params.get('hub') ?? ''
/** `reference`: the hub page in an iframe; `stackone`: StackOne's component against the dev API; `oauth`: the reference hub on an OAuth provider. */
const kind = params.get('kind') ?? 'reference'
const probe = createProbe(strategy)
window.bench = probe

const categories = ['hris' as const]
const hub = kind === 'stackone' ? { hub: stackOneHub({ baseUrl: params.get('api') ?? '', appUrl: params.get('app') ?? '' }) } : { hubUrl }
const session = kind === 'oauth' ? { provider: 'hubspot' } : { categories }

// The host's own backend route: the benchmark server delays it by the token latency T.
const getToken: GetToken = async (session, { signal }) => {
  const response = await fetch('/api/connect-session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(session),
    signal,
  })
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`)
  return (await response.json()) as { token: string; expiresAt: string }
}

const onEvent = (event: ConnectHubEvent) => probe.mark(event.type, event.timestamp)

function Trigger() {
  if (strategy === 'serial') {
    return (
      <button type="button" id="connect" onClick={() => void openSerially({ hubUrl, session: { categories }, getToken, probe })}>
        Connect
      </button>
    )
  }
  return (
    <ConnectButton
      id="connect"
      {...hub}
      getToken={getToken}
      {...session}
      prefetch={strategy === 'prefetched' ? 'intent' : 'none'}
      onEvent={onEvent}
    />
  )
}

/** A stand-in for the host's settings page: it must not re-render because the hub opens or closes. */
function App() {
  useLayoutEffect(() => {
    probe.hostRenders++
  })
  return (
    <main>
      <h1>Integrations</h1>
      <p>Connect your HR system to import employees.</p>
      <Profiler id="button" onRender={() => probe.buttonCommits++}>
        <Trigger />
      </Profiler>
    </main>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <Profiler id="host" onRender={() => probe.rootCommits++}>
    <App />
  </Profiler>,
)
requestAnimationFrame(() => {
  probe.mounted = true
})
