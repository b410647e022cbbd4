import { StackOne } from '@stackone/stackone-client-ts'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildHubPage } from '../../../demo/hubPage.ts'
import { type DevHub, startDevHub } from '../../../src/dev/index'

let clock = Date.parse('2025-01-01T00:00:00Z')
let hub: DevHub
let sdk: StackOne

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`

async function post(path: string, body: unknown, authorization: string | null = basic(hub.apiKey)) {
  const response = await fetch(`${hub.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

beforeAll(async () => {
  hub = await startDevHub({ apiPort: 0, hubPort: 0, apiKey: 'dev_sk_test', now: () => clock, hubRoot: await buildHubPage() })
  sdk = new StackOne({ security: { username: hub.apiKey, password: '' }, serverURL: hub.apiUrl, retryConfig: { strategy: 'none' } })
})
afterAll(() => hub?.close())
beforeEach(() => hub.store.reset())

const owner = { originOwnerId: 'customer-42', originOwnerName: 'Acme Inc' }

function seedAccount(provider = 'bamboohr', originOwnerId = owner.originOwnerId) {
  return hub.store.addAccount({
    provider,
    providerName: provider,
    originOwnerId,
    originOwnerName: 'Acme Inc',
    type: 'production',
    setupInformation: { subdomain: 'acme' },
    secrets: { api_key: 'secret-value-1' },
  })
}

describe('given the official StackOne SDK pointed at the dev API', () => {
  it('creates a connect session: 201 with the fields of its response model', async () => {
    const result = await sdk.connectSessions.createConnectSession({
      ...owner,
      categories: ['hris' as never],
      provider: 'hibob',
      label: 'HR',
    })
    const session = result.connectSessionTokenAuthLink
    expect(result.statusCode).toBe(201)
    expect(session).toMatchObject({
      organizationId: 1,
      projectId: 'dev_project',
      originOwnerId: 'customer-42',
      originOwnerName: 'Acme Inc',
      provider: 'hibob',
      categories: ['hris'],
      label: 'HR',
      type: 'production',
    })
    expect(session?.id).toEqual(expect.any(Number))
    expect(session?.createdAt).toEqual(new Date(clock))
    expect(session?.token).toMatch(/^dev_cst_/)
    expect(session?.authLinkUrl.startsWith(hub.hubUrl)).toBe(true)
    expect(hub.store.sessions.get(session?.token ?? '')?.originOwnerId).toBe('customer-42')
  })

  it('authenticates a session token back into the session', async () => {
    const created = await sdk.connectSessions.createConnectSession({ ...owner, accountId: 'acc_1', type: 'test' as never })
    const token = created.connectSessionTokenAuthLink?.token ?? ''
    const result = await sdk.connectSessions.authenticateConnectSession({ token })
    expect(result.statusCode).toBe(201)
    expect(result.connectSession).toMatchObject({ id: created.connectSessionTokenAuthLink?.id, accountId: 'acc_1', type: 'test', ...owner })
  })

  it('lists accounts filtered by owner and provider, with page size', async () => {
    const mine = seedAccount('bamboohr')
    seedAccount('slack')
    seedAccount('bamboohr', 'someone-else')
    const byOwner = await sdk.accounts.listLinkedAccounts({ originOwnerId: 'customer-42' })
    expect(byOwner.classes?.map((account) => account.provider).sort()).toEqual(['bamboohr', 'slack'])
    const byBoth = await sdk.accounts.listLinkedAccounts({ originOwnerId: 'customer-42', provider: 'bamboohr' })
    expect(byBoth.classes?.map((account) => account.id)).toEqual([mine.id])
    const paged = await sdk.accounts.listLinkedAccounts({ pageSize: 2, page: 2 })
    expect(paged.classes).toHaveLength(1)
  })

  it('gets, updates and deletes an account, never returning its secrets', async () => {
    const account = seedAccount()
    const got = await sdk.accounts.getAccount({ id: account.id })
    expect(got.linkedAccount).toMatchObject({ id: account.id, provider: 'bamboohr', status: 'active', setupInformation: {} })
    const raw = await fetch(`${hub.apiUrl}/accounts/${account.id}`, { headers: { authorization: basic(hub.apiKey) } })
    expect(await raw.text()).not.toContain('secret-value-1')

    clock += 1000
    const updated = await sdk.accounts.updateAccount({
      id: account.id,
      patchAccountExternalDto: { originOwnerName: 'Acme Corp', originUsername: 'jane' },
    })
    expect(updated.linkedAccount).toMatchObject({ originOwnerName: 'Acme Corp', originUsername: 'jane', updatedAt: new Date(clock) })

    const deleted = await sdk.accounts.deleteAccount({ id: account.id })
    expect(deleted.linkedAccount?.id).toBe(account.id)
    expect(hub.store.accounts.has(account.id)).toBe(false)
    await expect(sdk.accounts.getAccount({ id: account.id })).rejects.toMatchObject({ statusCode: 404 })
  })

  it('is refused with 401 when the key is wrong', async () => {
    const wrong = new StackOne({
      security: { username: 'not-the-key', password: '' },
      serverURL: hub.apiUrl,
      retryConfig: { strategy: 'none' },
    })
    await expect(wrong.connectSessions.createConnectSession(owner)).rejects.toMatchObject({ statusCode: 401 })
    await expect(wrong.accounts.listLinkedAccounts({})).rejects.toMatchObject({ statusCode: 401 })
  })
})

describe('POST /connect_sessions', () => {
  it('answers 401 without an Authorization header', async () => {
    const { status, body } = await post('/connect_sessions', { origin_owner_id: 'c', origin_owner_name: 'C' }, null)
    expect(status).toBe(401)
    expect(body).toMatchObject({ statusCode: 401, message: expect.stringMatching(/^react-connect-hub: /) })
  })

  it('answers 400 naming every invalid field by its wire name', async () => {
    const { status, body } = await post('/connect_sessions', { origin_owner_name: '', categories: ['hr'], acount_id: 'x' })
    expect(status).toBe(400)
    const paths = (body.issues as { path: string[] }[]).map((issue) => issue.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['origin_owner_id', 'origin_owner_name', 'categories.0', 'acount_id']))
    expect(body.message).toContain('origin_owner_id')
  })

  it('gives tokens that expire after expires_in seconds of the injected clock', async () => {
    const { body } = await post('/connect_sessions', { origin_owner_id: 'c', origin_owner_name: 'C', expires_in: 60 })
    const token = body.token as string
    clock += 59_000
    expect((await post('/connect_sessions/authenticate', { token })).status).toBe(201)
    clock += 1_000
    expect((await post('/connect_sessions/authenticate', { token })).status).toBe(401)
  })

  it('defaults the token lifetime to 1800 seconds', async () => {
    const { body } = await post('/connect_sessions', { origin_owner_id: 'c', origin_owner_name: 'C' })
    clock += 1_799_000
    expect((await post('/connect_sessions/authenticate', { token: body.token })).status).toBe(201)
    clock += 1_000
    expect((await post('/connect_sessions/authenticate', { token: body.token })).status).toBe(401)
  })
})
