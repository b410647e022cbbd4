import type { GetToken, NormalizedConnectSessionOptions } from '../../src/index.ts'
import { hostMessage, hubFrameUrl, parseHubMessage } from '../../src/protocol/index.ts'
import type { Probe } from './probe.ts'

/**
 * How most hub launchers open: await the token, then create the dialog and the iframe, then wait for the
 * hub's `ready` and post `init`. Built on the library's protocol helpers so that only the order differs.
 */
export async function openSerially(options: {
  hubUrl: string
  session: NormalizedConnectSessionOptions
  getToken: GetToken
  probe: Probe
}) {
  const { hubUrl, session, getToken, probe } = options
  probe.mark('token_requested')
  const result = await getToken(session, { signal: new AbortController().signal })
  const token = typeof result === 'string' ? result : result.token
  probe.mark('token_received')

  const src = hubFrameUrl(hubUrl, window.location.origin, 'modal')
  const dialog = document.createElement('dialog')
  dialog.style.cssText = 'width: min(560px, 100vw); padding: 0; border: 0'
  const frame = document.createElement('iframe')
  frame.style.cssText = 'display: block; width: 100%; height: min(640px, 90vh); border: 0'
  frame.title = 'Connect an account'
  frame.src = src.href
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox')
  window.addEventListener('message', function onMessage(event) {
    if (event.source !== frame.contentWindow || event.origin !== src.origin || parseHubMessage(event.data)?.type !== 'ready') return
    window.removeEventListener('message', onMessage)
    probe.mark('hub_ready')
    frame.contentWindow?.postMessage(hostMessage('init', { token, session }), src.origin)
  })
  dialog.append(frame)
  document.body.append(dialog)
  dialog.showModal()
  probe.mark('hub_opened')
}
