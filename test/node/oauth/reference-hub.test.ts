import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  answer,
  blockPopupsIn,
  countAnswers,
  type Demo,
  type EngineBrowser,
  hubFrame,
  launchBrowser,
  logLines,
  openHub,
  type Page,
  providerPage,
  recordWindowOpens,
  serverAnswered,
  startStack,
  windowOpenedBy,
  windowOpens,
} from './harness.ts'

// Several windows, a Vite-served page and a dev API per test, on two shared cores.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 })

let demo: Demo
// One browser for the file: its HTTP cache keeps the demo's modules between tests.
let browser: EngineBrowser
// The dev API's clock runs this far ahead of the real one: moving it past an attempt's lifetime expires the attempt.
let skewMs = 0

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startStack('reference', { now: () => Date.now() + skewMs }), launchBrowser()])
})

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close()])
})

beforeEach(async () => {
  skewMs = 0
  demo.hub.oauth.coop = false
  demo.hub.store.reset()
})

afterEach(async () => {
  // Every window goes, stale provider windows included: the hub names its window, and would reuse a leftover one.
  for (const page of await browser.pages()) await page.close()
})

interface WireAccount {
  id: string
  provider: string
  origin_owner_id: string
}

/** `GET /accounts` of the dev API, with its key, as the host's backend would call it. */
async function listedAccounts(): Promise<WireAccount[]> {
  const response = await fetch(`${demo.hub.apiUrl}/accounts`, {
    headers: { authorization: `Basic ${Buffer.from(`${demo.hub.apiKey}:`).toString('base64')}` },
  })
  return (await response.json()) as WireAccount[]
}

/** The launcher's onSuccess, as the demo reports it: its status line and its event log. */
async function reportedSuccess(page: Page, provider: string, mode: 'create' | 'edit'): Promise<string> {
  const status = page.getByRole('status').filter({ hasText: mode === 'edit' ? 'Updated' : 'Connected' })
  await status.waitFor()
  const id = /\((acc_[^)]+)\)/.exec((await status.textContent()) ?? '')?.[1] ?? ''
  expect(await logLines(page)).toContain(`success ${provider} ${id} · mode ${mode}`)
  return id
}

const connectButton = (page: Page) => hubFrame(page).getByRole('button', { name: 'Connect' })

describe.each([
  { coop: false, label: 'without COOP' },
  { coop: true, label: 'with Cross-Origin-Opener-Policy: same-origin' },
])('given an OAuth provider whose authorisation page is served $label', ({ coop }) => {
  beforeEach(() => {
    demo.hub.oauth.coop = coop
  })

  it('when the user allows → the window closes itself, onSuccess reports the new account and GET /accounts lists it', async () => {
    const page = await openHub(browser, demo, { provider: 'HubSpot' })
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Connect HubSpot' }).waitFor()
    await expect(frame.getByText('OAuth').isVisible()).resolves.toBe(true)

    const window = await providerPage(await windowOpenedBy(browser, () => connectButton(page).click()), 'HubSpot')
    await frame.getByRole('heading', { name: 'Waiting for HubSpot' }).waitFor()
    const provider = await window.evaluate(() => ({ origin: location.origin, opener: self.opener !== null }))
    expect(provider.origin).toBe(demo.hub.providerUrl)
    // COOP cuts the window off from the hub that opened it: the outcome must come from the API.
    expect(provider.opener).toBe(!coop)
    await expect(window.getByRole('listitem').allTextContents()).resolves.toContain('crm.objects.contacts.read')
    await answer(browser, window, 'Allow')

    const id = await reportedSuccess(page, 'hubspot', 'create')
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    expect(await listedAccounts()).toMatchObject([{ id, provider: 'hubspot', origin_owner_id: 'demo-customer' }])
    await page.getByRole('row', { name: /HubSpot/ }).waitFor()
  })

  it('when the user denies → the hub shows the refusal with Try again, nothing is connected; Try again then Allow connects', async () => {
    const page = await openHub(browser, demo, { provider: 'Xero' })
    const frame = hubFrame(page)
    const first = await providerPage(await windowOpenedBy(browser, () => connectButton(page).click()), 'Xero')
    await answer(browser, first, 'Deny')

    await frame.getByRole('heading', { name: 'Xero did not allow access' }).waitFor()
    await expect(frame.getByRole('alert').textContent()).resolves.toBe('You denied Lumen access to your Xero account.')
    expect(await listedAccounts()).toEqual([])
    expect((await logLines(page)).some((line) => line.startsWith('success'))).toBe(false)

    const second = await providerPage(await windowOpenedBy(browser, () => frame.getByRole('button', { name: 'Try again' }).click()), 'Xero')
    await answer(browser, second, 'Allow')
    await reportedSuccess(page, 'xero', 'create')
    expect(await listedAccounts()).toHaveLength(1)
  })

  it('when the window is closed without an answer → the hub keeps waiting and offers Try again, which reopens it', async () => {
    const page = await openHub(browser, demo, { provider: 'Slack' })
    const frame = hubFrame(page)
    const first = await providerPage(await windowOpenedBy(browser, () => connectButton(page).click()), 'Slack')
    await first.close()

    const again = frame.getByRole('button', { name: 'Try again' })
    await again.waitFor()
    expect(await frame.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true)
    const second = await providerPage(await windowOpenedBy(browser, () => again.click()), 'Slack')
    await answer(browser, second, 'Allow')
    await reportedSuccess(page, 'slack', 'create')
    expect(await listedAccounts()).toMatchObject([{ provider: 'slack' }])
  })

  it('when the hub cancels and the stale window is allowed afterwards → nothing is connected and the hub stays usable', async () => {
    const page = await openHub(browser, demo, { provider: 'Salesforce' })
    const frame = hubFrame(page)
    const stale = await providerPage(await windowOpenedBy(browser, () => connectButton(page).click()), 'Salesforce')
    await frame.getByRole('heading', { name: 'Waiting for Salesforce' }).waitFor()
    await frame.getByRole('button', { name: 'Cancel' }).click()
    await frame.getByRole('heading', { name: 'Connect Salesforce' }).waitFor()

    await stale.getByRole('button', { name: 'Allow' }).click()
    await stale.getByRole('heading', { name: 'Nothing was connected' }).waitFor()
    await expect(stale.getByText(/cancelled in the app/).isVisible()).resolves.toBe(true)
    expect(await listedAccounts()).toEqual([])
    expect(demo.hub.store.accounts.size).toBe(0)
    await expect(connectButton(page).isEnabled()).resolves.toBe(true)
    expect((await logLines(page)).some((line) => line.startsWith('success'))).toBe(false)
  })
})

describe('given the hub opening provider windows', () => {
  it('→ every window.open runs inside the click that asked for it, with the attempt id as the only parameter', async () => {
    const page = await openHub(browser, demo, { provider: 'HubSpot' })
    const frame = hubFrame(page)
    await recordWindowOpens(frame)
    await answer(browser, await providerPage(await windowOpenedBy(browser, () => connectButton(page).click()), 'HubSpot'), 'Deny')
    const again = await providerPage(
      await windowOpenedBy(browser, () => frame.getByRole('button', { name: 'Try again' }).click()),
      'HubSpot',
    )
    await again.close()
    const third = await providerPage(
      await windowOpenedBy(browser, () => frame.getByRole('button', { name: 'Try again' }).click()),
      'HubSpot',
    )
    // Read while the hub is still open: it goes away with the dialog once connected.
    const opens = await windowOpens(frame)
    await answer(browser, third, 'Allow')
    await reportedSuccess(page, 'hubspot', 'create')

    expect(opens).toHaveLength(3)
    for (const open of opens) {
      expect(open.inClick).toBe(true)
      expect([...new URL(open.url).searchParams.keys()]).toEqual(['connection_attempt_id'])
    }
  })
})

describe('given a provider window left open', () => {
  it('when the launcher is closed meanwhile → the attempt is cancelled: a later Allow in that window connects nothing', async () => {
    const page = await openHub(browser, demo, { provider: 'Pipedrive' })
    const frame = hubFrame(page)
    const stale = await providerPage(await windowOpenedBy(browser, () => connectButton(page).click()), 'Pipedrive')
    await frame.getByRole('heading', { name: 'Waiting for Pipedrive' }).waitFor()
    // Sent with keepalive as the hub's frame goes away: only the server sees it through.
    const cancelled = serverAnswered((line) => line.startsWith('DELETE /hub/oauth_attempts/'))
    await page.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    await cancelled

    await stale.getByRole('button', { name: 'Allow' }).click()
    await stale.getByText(/cancelled in the app/).waitFor()
    expect(demo.hub.store.accounts.size).toBe(0)
  })
})

describe('given a host page that sends Cross-Origin-Opener-Policy: same-origin itself', () => {
  let isolated: Demo
  beforeAll(async () => {
    isolated = await startStack('host-coop', {}, { 'cross-origin-opener-policy': 'same-origin' })
  })
  afterAll(async () => {
    await isolated?.close()
  })

  it('when the user allows → the window had no opener, and the hub still connects: it asks its API, not the window', async () => {
    const page = await openHub(browser, isolated, { provider: 'Gusto' })
    const window = await providerPage(await windowOpenedBy(browser, () => connectButton(page).click()), 'Gusto')
    expect(await window.evaluate(() => self.opener === null)).toBe(true)
    await answer(browser, window, 'Allow')
    await reportedSuccess(page, 'gusto', 'create')
    expect([...isolated.hub.store.accounts.values()]).toMatchObject([{ provider: 'gusto' }])
  })
})

describe('given a browser that blocks the provider window', () => {
  it('when Connect is clicked → the hub says so and its link opens the same attempt in a new tab, which completes it', async () => {
    const page = await openHub(browser, demo, { provider: 'QuickBooks' })
    const frame = hubFrame(page)
    await blockPopupsIn(frame)
    await connectButton(page).click()

    await frame.getByRole('heading', { name: 'The QuickBooks window was blocked' }).waitFor()
    const link = frame.getByRole('link', { name: 'Open QuickBooks in a new tab' })
    const href = (await link.getAttribute('href')) ?? ''
    expect(new URL(href).searchParams.get('connection_attempt_id')).toMatch(/^ca_/)
    const tab = await providerPage(await windowOpenedBy(browser, () => link.click()), 'QuickBooks')
    await answer(browser, tab, 'Allow')

    await reportedSuccess(page, 'quickbooks', 'create')
    expect(await listedAccounts()).toMatchObject([{ provider: 'quickbooks' }])
  })
})

describe('given a connected OAuth account', () => {
  it('when Edit is pressed and the user allows again → the same account is re-authorised and onSuccess reports mode edit', async () => {
    const account = demo.hub.store.addAccount({
      provider: 'google_drive',
      providerName: 'Google Drive',
      originOwnerId: 'demo-customer',
      originOwnerName: 'Acme Inc',
      type: 'production',
      setupInformation: {},
      secrets: { access_token: 'old-access', refresh_token: 'old-refresh' },
    })
    const page = await browser.newPage(demo.url)
    await page.getByRole('button', { name: 'Edit Google Drive' }).click()
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Reconnect Google Drive' }).waitFor()

    const window = await providerPage(
      await windowOpenedBy(browser, () => frame.getByRole('button', { name: 'Reconnect' }).click()),
      'Google Drive',
    )
    await answer(browser, window, 'Allow')

    expect(await reportedSuccess(page, 'google_drive', 'edit')).toBe(account.id)
    expect(await listedAccounts()).toMatchObject([{ id: account.id, provider: 'google_drive' }])
    expect(demo.hub.store.accounts.get(account.id)?.secrets.access_token).toMatch(/^google_drive_at_/)
  })
})

describe('given an attempt that outlives its lifetime', () => {
  it('when the stale window is allowed → nothing is connected, the hub says the request expired, and Try again connects', async () => {
    const page = await openHub(browser, demo, { provider: 'Calendly' })
    const frame = hubFrame(page)
    const stale = await providerPage(await windowOpenedBy(browser, () => connectButton(page).click()), 'Calendly')
    skewMs = 301_000 // past the default 300 s, within the session's 1800 s

    await stale.getByRole('button', { name: 'Allow' }).click()
    await stale.getByText(/expired: nothing was connected/).waitFor()
    await frame.getByRole('heading', { name: 'The request expired' }).waitFor()
    expect(demo.hub.store.accounts.size).toBe(0)

    // The hub names its window: a new attempt opens in the one still showing the stale answer.
    await frame.getByRole('button', { name: 'Try again' }).click()
    await stale.waitForURL((url) => url.origin === demo.hub.providerUrl)
    await answer(browser, await providerPage(stale, 'Calendly'), 'Allow')
    await reportedSuccess(page, 'calendly', 'create')
    expect(await browser.pages()).toHaveLength(1)
  })
})

describe('given a provider screen left open longer than an attempt lives', () => {
  // Attempts of 8 s: the hub renews its prepared one at 80 % of that, without being asked.
  const TTL_S = 8
  let shortLived: Demo
  beforeAll(async () => {
    shortLived = await startStack('short-ttl', { oauth: { attemptTtlSeconds: TTL_S } })
  })
  afterAll(async () => {
    await shortLived?.close()
  })

  it('→ the prepared attempt is renewed before it expires: a click after its lifetime opens a live one, inside the click', async () => {
    const created = countAnswers((line) => line === 'POST /hub/oauth_attempts')
    try {
      const page = await openHub(browser, shortLived, { provider: 'HubSpot' })
      const frame = hubFrame(page)
      await frame.getByRole('heading', { name: 'Connect HubSpot' }).waitFor()
      await recordWindowOpens(frame)
      // The first attempt and two renewals: the second comes 1.6 lifetimes in, past the first one's expiry.
      await created.reached(3)
      const window = await providerPage(await windowOpenedBy(browser, () => connectButton(page).click()), 'HubSpot')
      const opens = await windowOpens(frame)
      await answer(browser, window, 'Allow')
      await reportedSuccess(page, 'hubspot', 'create')
      expect(opens).toHaveLength(1)
      expect(opens[0]?.inClick).toBe(true)
      expect([...new URL(opens[0]?.url ?? '').searchParams.keys()]).toEqual(['connection_attempt_id'])
    } finally {
      created.stop()
    }
  }, 90_000)
})

describe('given a click that finds no fresh attempt (timers held back, as on a computer waking up)', () => {
  it('→ the window opens at once on the API’s waiting page, inside the click, and goes on to the provider; Allow connects', async () => {
    const page = await openHub(browser, demo, { provider: 'Slack' })
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Connect Slack' }).waitFor()
    await recordWindowOpens(frame)
    // Its attempt is prepared: the button says so.
    await frame.locator('button.primary[aria-busy="false"]').waitFor()
    // The hub's clock jumps an hour ahead: its prepared attempt is past its freshness, and no renewal ran.
    await frame.evaluate(() => {
      const real = performance.now.bind(performance)
      performance.now = () => real() + 3_600_000
    })
    const window = await providerPage(await windowOpenedBy(browser, () => connectButton(page).click()), 'Slack')
    const opens = await windowOpens(frame)
    expect(opens).toHaveLength(1)
    expect(opens[0]?.inClick).toBe(true)
    expect(new URL(opens[0]?.url ?? '').pathname).toBe('/connect/waiting')
    await answer(browser, window, 'Allow')
    await reportedSuccess(page, 'slack', 'create')
    expect(await listedAccounts()).toMatchObject([{ provider: 'slack' }])
  })
})
