import { describe, expect, test } from 'vitest'
import { signedSessions } from '../../../src/dev/api/sessions.ts'
import type { DevSession } from '../../../src/dev/api/store.ts'

// A static Storybook's two pages share no storage: the story's page mints a token with the session signed into it,
// and the hub page finds the session in the token alone.

const session: Omit<DevSession, 'token'> = {
  id: 7,
  originOwnerId: 'demo-customer',
  originOwnerName: 'Acme Inc',
  categories: ['hris'],
  accountId: 'acc_storybook_bamboohr',
  type: 'production',
  expiresIn: 1800,
  multiple: false,
  createdAt: 1_000,
  expiresAt: 1_000 + 1_800_000,
}

const base64url = (text: string) => Buffer.from(text).toString('base64url')

describe('signedSessions', () => {
  test('another keeper with the same secret finds the session in the token', async () => {
    const { token, ...saved } = await signedSessions('shared', () => 2_000).save(session)
    expect(saved).toEqual(session)
    expect(token).toMatch(/^dev_cst_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect(await signedSessions('shared', () => 2_000).find(token)).toEqual({ ...session, token })
  })

  test('an edited session, another secret, a cut or unknown token: no session', async () => {
    // A clock inside the session's lifetime: only the token itself can make it unknown.
    const keeper = (secret: string) => signedSessions(secret, () => 2_000)
    const { token } = await keeper('shared').save(session)
    expect(await keeper('shared').find(token)).toBeDefined()
    const [payload, signature] = token.slice('dev_cst_'.length).split('.') as [string, string]
    const edited = base64url(JSON.stringify({ ...session, originOwnerId: 'another-customer' }))
    expect(payload).not.toBe(edited)
    expect(await keeper('shared').find(`dev_cst_${edited}.${signature}`)).toBeUndefined()
    expect(await keeper('another secret').find(token)).toBeUndefined()
    expect(await keeper('shared').find(token.slice(0, -2))).toBeUndefined()
    expect(await keeper('shared').find(`dev_cst_${payload}`)).toBeUndefined()
    expect(await keeper('shared').find('tok_expired_xxxxxxxx')).toBeUndefined()
  })

  test('an expired session is not found', async () => {
    const { token } = await signedSessions('shared').save(session)
    expect(await signedSessions('shared', () => session.expiresAt - 1).find(token)).toBeDefined()
    expect(await signedSessions('shared', () => session.expiresAt).find(token)).toBeUndefined()
  })
})
