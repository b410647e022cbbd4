import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Browser, chromium, type Frame, type Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildHubPage } from '../../../demo/hubPage.ts'
import { type DevHub, startDevHub } from '../../../src/dev/index'
import { hostMessage } from '../../../src/protocol/messages'
import { CHROMIUM_ARGS, chromiumPath } from '../../engines/index.ts'

interface Received {
  origin: string
  fromFrame: boolean
  data: { type: string; [key: string]: unknown }
}
declare global {
  interface Window {
    received: Received[]
    send(message: unknown): void
  }
}

// A host page that speaks protocol v1 by hand: it iframes ?src and records every message it gets.
const HOST_PAGE = `<!doctype html><html><head><title>Host</title></head><body>
<script>
  const src = new URLSearchParams(location.search).get('src')
  const frame = document.createElement('iframe')
  frame.title = 'Connect hub'
  frame.style.width = '600px'
  frame.style.height = '600px'
  window.received = []
  window.addEventListener('message', (event) => {
    if (event.source === window) return
    window.received.push({ origin: event.origin, fromFrame: event.source === frame.contentWindow, data: event.data })
  })
  window.send = (message) => frame.contentWindow.postMessage(message, new URL(src).origin)
  frame.src = src
  document.body.append(frame)
</script></body></html>`

function startHost(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOST_PAGE)
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }))
  })
}

// Chromium, a hub page and its API on two busy cores: every wait is for an event, under a hang limit (not a speed
// limit). Playwright's own waits give up first, so a hang names what it waited for.
const HANG_MS = 60_000
vi.setConfig({ testTimeout: HANG_MS, hookTimeout: HANG_MS })

let clock = Date.parse('2025-01-01T00:00:00Z')
let hub: DevHub
let host: { server: Server; origin: string }
let rogue: { server: Server; origin: string }
let browser: Browser
let page: Page

beforeAll(async () => {
  const hubRoot = await buildHubPage()
  ;[host, rogue] = await Promise.all([startHost(), startHost()])
  hub = await startDevHub({ apiPort: 0, hubPort: 0, allowedOrigins: [host.origin], now: () => clock, hubRoot })
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  page = await browser.newPage()
  page.setDefaultTimeout(HANG_MS - 10_000)
})

afterAll(async () => {
  await browser?.close()
  await hub?.close()
  host?.server.close()
  rogue?.server.close()
})

beforeEach(() => hub.store.reset())

const basic = () => `Basic ${Buffer.from(`${hub.apiKey}:`).toString('base64')}`

async function createSession(body: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${hub.apiUrl}/connect_sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basic() },
    body: JSON.stringify({ origin_owner_id: 'customer-42', origin_owner_name: 'Acme Inc', ...body }),
  })
  return ((await response.json()) as { token: string }).token
}

function frameUrl(origin: string, display: 'modal' | 'inline' = 'modal') {
  const url = new URL(hub.hubUrl)
  url.search = new URLSearchParams({ v: '1', origin, display }).toString()
  return url.href
}

/** Opens the host page at `at`, whose iframe tells the hub it is `claimed`; resolves with the hub's frame. */
async function openHost(options: { at?: string; claimed?: string; display?: 'modal' | 'inline' } = {}): Promise<Frame> {
  const at = options.at ?? host.origin
  await page.goto(`${at}/?src=${encodeURIComponent(frameUrl(options.claimed ?? at, options.display))}`)
  const element = await page.waitForSelector('iframe')
  const frame = await element.contentFrame()
  if (!frame) throw new Error('the hub iframe has no frame')
  await frame.waitForSelector('#hub')
  return frame
}

async function waitForMessage(type: string): Promise<Received> {
  const handle = await page.waitForFunction((wanted) => {
    const found = window.received.find((message) => message.data.type === wanted)
    return found ? JSON.stringify(found) : false
  }, type)
  return JSON.parse((await handle.jsonValue()) as string) as Received
}

const received = () => page.evaluate(() => window.received)

/** A round trip through the host's own message queue: messages posted to it before now have been delivered. */
const flushMessages = () =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve()
        channel.port2.postMessage(null)
      }),
  )

/** Posts a message from the host page to the hub, as JSON text so that its type stays simple. */
const send = (message: object) => page.evaluate((json) => window.send(JSON.parse(json)), JSON.stringify(message))

async function init(token: string) {
  await waitForMessage('ready')
  await send(hostMessage('init', { token, session: { categories: ['crm'] } }))
}

describe('given a host on an allowed origin', () => {
  it('posts ready to that origin only, from the iframe', async () => {
    await openHost()
    const ready = await waitForMessage('ready')
    expect(ready).toMatchObject({ origin: new URL(hub.hubUrl).origin, fromFrame: true, data: { protocol: 'connect-hub', version: 1 } })
  })

  it('→ on init shows the catalog filtered by the server-side session, not the host message', async () => {
    const frame = await openHost()
    await init(await createSession({ categories: ['ats'] }))
    await frame.getByRole('heading', { name: 'Connect an integration' }).waitFor()
    const names = await frame.locator('.catalog button .name').allTextContents()
    expect(names.sort()).toEqual(['Greenhouse', 'Lever', 'Personio', 'Workable'])
    expect(await frame.getByText('TEST', { exact: true }).isVisible()).toBe(false)
    await expect.poll(() => frame.evaluate(() => document.activeElement?.id), { timeout: HANG_MS - 10_000 }).toBe('search')
  })

  it('→ the search placeholder names only providers this session allows, and the breadcrumb says Connect', async () => {
    const frame = await openHost()
    await init(await createSession({ categories: ['crm'] }))
    const search = frame.getByLabel('Search integrations')
    await search.waitFor()
    const listed = await frame.locator('.catalog button .name').allTextContents()
    const named = ((await search.getAttribute('placeholder')) ?? '').replace(/…$/, '').split(', ')
    expect(named.length).toBeGreaterThan(0)
    for (const name of named) expect(listed).toContain(name)
    expect(named).not.toContain('BambooHR')
    expect(await frame.locator('#crumb').textContent()).toBe('Connect')
  })

  it('→ connecting a provider by keyboard posts success with the new account, which GET /accounts lists', async () => {
    const frame = await openHost()
    await init(await createSession({ categories: ['ats'] }))
    const search = frame.getByLabel('Search integrations')
    await search.waitFor()
    await search.pressSequentially('work')
    expect(await frame.locator('.catalog button').count()).toBe(1)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await frame.getByRole('heading', { name: 'Connect Workable' }).waitFor()
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('field-subdomain')
    await page.keyboard.type('acme')
    await page.keyboard.press('Tab')
    await page.keyboard.type('wk-secret-token')
    await page.keyboard.press('Enter')

    const success = await waitForMessage('success')
    const account = success.data.account as { id: string; provider: string }
    expect(success.data.mode).toBe('create')
    expect(account.provider).toBe('workable')
    await frame.getByRole('heading', { name: 'Workable connected' }).waitFor()
    const listed = (await (
      await fetch(`${hub.apiUrl}/accounts?origin_owner_id=customer-42`, { headers: { authorization: basic() } })
    ).json()) as {
      id: string
    }[]
    expect(listed.map((item) => item.id)).toEqual([account.id])
  })

  it('→ shows field errors from the API next to the fields', async () => {
    const frame = await openHost()
    await init(await createSession({ provider: 'bamboohr' }))
    await frame.getByLabel('Subdomain').fill('Not Valid!')
    await frame.getByLabel('API key').fill('k')
    await frame.getByRole('button', { name: 'Connect' }).click()
    await frame.getByText('Subdomain has an invalid format').waitFor()
    expect(await frame.getByLabel('Subdomain').getAttribute('aria-invalid')).not.toBeNull()
  })

  it('→ a preselected provider skips the catalog, and edit mode prefills without secrets', async () => {
    const account = hub.store.addAccount({
      provider: 'jira',
      providerName: 'Jira',
      originOwnerId: 'customer-42',
      originOwnerName: 'Acme Inc',
      type: 'production',
      setupInformation: { subdomain: 'acme', username: 'jane@acme.test' },
      secrets: { api_key: 'jira-old-secret' },
    })
    const frame = await openHost()
    await init(await createSession({ account_id: account.id }))
    await frame.getByRole('heading', { name: 'Edit Jira' }).waitFor()
    expect(await frame.locator('#crumb').textContent()).toBe('Edit connection')
    expect(await frame.evaluate(() => document.title)).toBe('Edit connection')
    expect(await frame.getByLabel('Subdomain').inputValue()).toBe('acme')
    expect(await frame.getByLabel('Email').inputValue()).toBe('jane@acme.test')
    expect(await frame.getByLabel('API token').inputValue()).toBe('')
    expect(await frame.content()).not.toContain('jira-old-secret')

    await frame.getByLabel('Subdomain').fill('acme-eu')
    await frame.getByRole('button', { name: 'Save' }).click()
    const success = await waitForMessage('success')
    expect(success.data).toMatchObject({ mode: 'edit', account: { id: account.id, provider: 'jira' } })
    expect(hub.store.accounts.get(account.id)).toMatchObject({
      setupInformation: { subdomain: 'acme-eu' },
      secrets: { api_key: 'jira-old-secret' },
    })
  })

  it('→ shows a TEST badge for a test session', async () => {
    const frame = await openHost()
    await init(await createSession({ type: 'test', provider: 'slack' }))
    await frame.getByRole('heading', { name: 'Connect Slack' }).waitFor()
    expect(await frame.getByText('TEST', { exact: true }).isVisible()).toBe(true)
  })

  it('→ Cancel posts cancel, before and after init', async () => {
    const frame = await openHost()
    await waitForMessage('ready')
    await frame.getByRole('button', { name: 'Cancel' }).click()
    await waitForMessage('cancel')
    await page.evaluate(() => {
      window.received.length = 0
    })
    const token = await createSession({ provider: 'xero' })
    await send(hostMessage('init', { token, session: {} }))
    await frame.getByRole('heading', { name: 'Connect Xero' }).waitFor()
    await frame.getByRole('heading', { name: 'Connect Xero' }).press('Escape')
    await waitForMessage('cancel')
  })

  it('→ an expired token posts token_expired, and a new token continues', async () => {
    const frame = await openHost()
    const old = await createSession({ expires_in: 60, categories: ['crm'] })
    clock += 61_000
    await init(old)
    await waitForMessage('token_expired')
    await send(hostMessage('token', { token: await createSession({ categories: ['crm'] }) }))
    await frame.getByRole('heading', { name: 'Connect an integration' }).waitFor()
    expect((await frame.locator('.catalog button .name').allTextContents()).sort()).toEqual(['HubSpot', 'Pipedrive', 'Salesforce'])
  })

  it('→ inline display posts its height', async () => {
    await openHost({ display: 'inline' })
    const resize = await waitForMessage('resize')
    expect(resize.data.height).toBeGreaterThan(0)
  })
})

describe('given a host on an origin that is not allowed', () => {
  /** Opens the host page at `at` with the hub in a frame, claiming `claimed`; resolves once the browser refused to frame it. */
  async function openRefused(at: string, claimed: string) {
    const refused = page.waitForEvent('console', (message) => message.text().includes('frame-ancestors'))
    await page.goto(`${at}/?src=${encodeURIComponent(frameUrl(claimed))}`)
    await refused
  }

  it('→ the browser refuses to frame the hub (frame-ancestors), so nothing is posted', async () => {
    await openRefused(rogue.origin, rogue.origin)
    await flushMessages()
    expect(await received()).toEqual([])
  })

  it('→ claiming an allowed origin gets it nothing either: the frame is refused all the same', async () => {
    await openRefused(rogue.origin, host.origin)
    await flushMessages()
    expect(await received()).toEqual([])
    // Even a well-formed init finds no hub to talk to.
    await send(hostMessage('init', { token: await createSession(), session: {} }))
    await flushMessages()
    expect(await received()).toEqual([])
  })

  it('→ an allowed page claiming another origin gets a visible refusal that does not repeat it, and no message', async () => {
    const frame = await openHost({ at: host.origin, claimed: 'http://evil.example' })
    await frame.getByRole('heading', { name: 'This page may not open the hub' }).waitFor()
    expect(await frame.locator('body').textContent()).not.toContain('evil.example')
    await flushMessages()
    expect(await received()).toEqual([])
  })
})
