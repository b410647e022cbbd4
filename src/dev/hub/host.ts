import { type HostMessage, type HubMessage, type HubMessageType, hubMessage, parseHostMessage } from '../../protocol/messages.ts'

type Payload<T extends HubMessageType> = Omit<Extract<HubMessage, { type: T }>, 'protocol' | 'version' | 'type'>

/**
 * The hub's side of protocol v1. It posts only to the one origin it was given (already checked against the
 * allow-list) and accepts only messages from that origin, from the parent window, that parse.
 */
export function connectToHost(origin: string, onMessage: (message: HostMessage) => void) {
  const parent = window.parent
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== parent) return
    const message = parseHostMessage(event.data)
    if (message) onMessage(message)
  })
  return {
    post<T extends HubMessageType>(type: T, payload: Payload<T>) {
      parent.postMessage(hubMessage(type, payload as never), origin)
    },
  }
}

export type Host = ReturnType<typeof connectToHost>
