import { ConnectHubError } from '../errors.ts'
import { hostMessage, hubFrameUrl, PROTOCOL, parseHubMessage } from '../protocol/messages.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'
import { checkHubUrl } from './hubUrl.ts'
import type { HubFactory } from './types.ts'

/** DOM implementations for tests, which say so in their user agent. */
const SIMULATED_DOM = /\b(jsdom|HappyDOM)\b/

/**
 * An iframe hub at `hubUrl`, spoken to with protocol v1. A message is acted on only when it comes
 * from the hub's exact origin, from this iframe's window, and parses; the token only ever travels by
 * `postMessage` to that origin.
 */
export function frameHub(hubUrl: string | undefined): HubFactory {
  return ({ display, container, callbacks, title, locale, appearance }) => {
    const simulated = SIMULATED_DOM.exec(navigator.userAgent)?.[0]
    if (simulated) {
      throw new ConnectHubError(
        'unsupported_environment',
        `${simulated} cannot host an iframe hub: it loads no page from another origin and has no cross-origin messaging — in tests and stories, render your components inside <ConnectHubTestProvider> from react-connect-hub/testing`,
      )
    }
    const hostOrigin = window.location.origin
    // Every frame goes through this check, on open and on Retry alike.
    const src = hubFrameUrl(checkHubUrl(hubUrl, hostOrigin).href, hostOrigin, display, locale, appearance)
    const hubOrigin = src.origin
    const frame = document.createElement('iframe')
    frame.className = 'rch-frame'
    frame.title = title
    frame.src = src.href
    frame.referrerPolicy = 'origin'
    // The hub needs its own origin (storage, fetch) and may open an OAuth popup; it may never navigate the host.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox')

    let ready = false
    let pending: { token: string; session: NormalizedConnectSessionOptions } | undefined
    let destroyed = false

    const post = (message: ReturnType<typeof hostMessage>) => frame.contentWindow?.postMessage(message, hubOrigin)
    const init = () => {
      if (ready && pending) {
        post(hostMessage('init', pending))
        pending = undefined
      }
    }

    function onMessage(event: MessageEvent) {
      if (event.source !== frame.contentWindow || event.origin !== hubOrigin) {
        // Messages meant for others are common (extensions, other widgets): only report those that claim to be ours.
        if ((event.data as { protocol?: unknown } | null)?.protocol === PROTOCOL) {
          callbacks.rejected(event.origin !== hubOrigin ? 'origin' : 'source', event.origin)
        }
        return
      }
      const message = parseHubMessage(event.data)
      if (!message) return callbacks.rejected('shape', event.origin)
      switch (message.type) {
        case 'ready':
          // Again after the first: the hub page reloaded (a crash recovery, a deploy) and waits for init again.
          ready = true
          callbacks.ready()
          init()
          return
        case 'success':
          return callbacks.success(message.account, message.mode)
        case 'cancel':
          return callbacks.cancel()
        case 'error':
          return callbacks.error(new ConnectHubError('hub_error', `the hub reported ${message.code}: ${message.message}`))
        case 'token_expired':
          return callbacks.tokenExpired()
        case 'resize':
          return callbacks.resize(message.height)
        case 'event':
          return callbacks.event(message.name, message.data)
      }
    }

    window.addEventListener('message', onMessage)
    container.append(frame)

    return {
      start(token, session) {
        pending = { token, session }
        init()
      },
      refresh(token) {
        if (ready) post(hostMessage('token', { token }))
        else if (pending) pending.token = token
      },
      focus() {
        frame.focus()
      },
      destroy() {
        if (destroyed) return
        destroyed = true
        window.removeEventListener('message', onMessage)
        if (ready) post(hostMessage('close', {}))
        frame.remove()
      },
    }
  }
}
