import { base64, randomToken, toBase64url } from '../tokens.ts'
import type { DevSession, DevStore } from './store.ts'

/** Where the dev API keeps its sessions: it saves one per `POST /connect_sessions` and finds it again by token. */
export interface SessionKeeper {
  save(session: Omit<DevSession, 'token'>): Promise<DevSession>
  /** The session a token stands for, or `undefined` when it is unknown, forged or expired. */
  find(token: string): Promise<DevSession | undefined>
}

/** Sessions in the store, behind random tokens: what the dev servers use. */
export function storeSessions(store: DevStore): SessionKeeper {
  return {
    save: async (session) => {
      const saved = { ...session, token: randomToken('dev_cst_') }
      store.sessions.set(saved.token, saved)
      return saved
    },
    find: async (token) => store.sessionFor(token),
  }
}

const TOKEN = /^dev_cst_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/
const base64url = (bytes: ArrayBuffer) => toBase64url(new Uint8Array(bytes))
const fromBase64url = (text: string) => text.replace(/-/g, '+').replace(/_/g, '/')

/**
 * Sessions carried in their tokens, signed with HMAC-SHA-256: two pages that share no storage (a static Storybook's
 * page and its hub page, each answering the API in itself) agree on a session without a server. `secret` is no secret
 * there (it ships in both pages): the signature keeps a hand-edited or truncated token from passing as a session.
 */
export function signedSessions(secret: string, now: () => number = Date.now): SessionKeeper {
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
  const sign = async (payload: string) => base64url(await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(payload)))
  return {
    async save(session) {
      const payload = base64url(new TextEncoder().encode(JSON.stringify(session)).buffer as ArrayBuffer)
      return { ...session, token: `dev_cst_${payload}.${await sign(payload)}` }
    },
    async find(token) {
      const match = TOKEN.exec(token)
      if (!match?.[1] || match[2] !== (await sign(match[1]))) return undefined
      const session = JSON.parse(base64.decode(fromBase64url(match[1]))) as Omit<DevSession, 'token'>
      return now() < session.expiresAt ? { ...session, token } : undefined
    },
  }
}
