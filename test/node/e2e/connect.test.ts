import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PROVIDERS } from '../../../src/dev/index.ts'
import type { EngineBrowser, Page } from '../../engines/pages.ts'
import { type Demo, hubFrame, logLines, openDemo, openEngine, startDemo } from './demo.ts'

let demo: Demo
// One browser for the file: its HTTP cache keeps the page's modules between tests.
let browser: EngineBrowser
let page: Page
// The dev API's clock runs this far ahead of the real one: moving it past a token's lifetime expires the token.
let skewMs = 0

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startDemo('connect', { now: () => Date.now() + skewMs }), openEngine()])
})

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close()])
})

beforeEach(async () => {
  skewMs = 0
  demo.hub.store.reset()
})

afterEach(async () => {
  await page?.close()
})

const seedAccount = (overrides: Partial<Parameters<Demo['hub']['store']['addAccount']>[0]> = {}) =>
  demo.hub.store.addAccount({
    provider: 'bamboohr',
    providerName: 'BambooHR',
    originOwnerId: 'demo-customer',
    originOwnerName: 'Acme Inc',
    type: 'production',
    setupInformation: { subdomain: 'acme' },
    secrets: { api_key: 'bamboo-secret' },
    ...overrides,
  })

async function connectBamboo(frame = hubFrame(page)) {
  await frame.getByRole('heading', { name: 'Connect BambooHR' }).waitFor()
  await frame.getByRole('textbox', { name: 'Subdomain' }).fill('acme')
  await frame.getByLabel(/^API key/).fill('bamboo-secret')
  await frame.getByRole('button', { name: 'Connect' }).click()
}

describe('given the Integrations page of the demo, served by connectHubDev()', { timeout: 60_000 }, () => {
  it('when an account is connected through the reference hub → onSuccess reports it and the page lists it', async () => {
    page = await openDemo(browser, demo)
    await expect(page.getByText(/^No accounts connected yet/).isVisible()).resolves.toBe(true)

    await page.getByRole('button', { name: 'Connect an account' }).click()
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Connect an integration' }).waitFor()
    await frame.getByRole('button', { name: /BambooHR/ }).click()
    await connectBamboo(frame)

    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    const [account] = [...demo.hub.store.accounts.values()]
    expect(account).toMatchObject({ provider: 'bamboohr', originOwnerId: 'demo-customer', type: 'production' })
    await expect(page.getByRole('status').filter({ hasText: 'Connected' }).textContent()).resolves.toBe(
      `Connected bamboohr (${account?.id}).`,
    )
    const row = page.getByRole('row', { name: /BambooHR/ })
    await row.waitFor()
    await expect(row.getByText('active').isVisible()).resolves.toBe(true)
    expect(await logLines(page)).toContain(`success bamboohr ${account?.id} · mode create`)
  })

  it('when Edit is pressed on a listed account → the hub opens it in edit mode, saves, and the log shows mode edit', async () => {
    const account = seedAccount()
    page = await openDemo(browser, demo)

    await page.getByRole('button', { name: 'Edit BambooHR' }).click()
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Edit BambooHR' }).waitFor()
    await expect(frame.getByRole('textbox', { name: 'Subdomain' }).inputValue()).resolves.toBe('acme')
    await expect(frame.getByLabel(/^API key/).inputValue()).resolves.not.toBe('bamboo-secret')
    await frame.getByRole('textbox', { name: 'Subdomain' }).fill('acme-eu')
    await frame.getByRole('button', { name: 'Save' }).click()

    await page.getByRole('status').filter({ hasText: 'Updated' }).waitFor()
    expect(demo.hub.store.accounts.get(account.id)?.setupInformation.subdomain).toBe('acme-eu')
    expect(demo.hub.store.accounts.size).toBe(1)
    expect(await logLines(page)).toContain(`success bamboohr ${account.id} · mode edit`)
  })

  it('when categories are picked → the provider picker and the hub catalog offer only their providers', async () => {
    page = await openDemo(browser, demo)
    await page.getByRole('checkbox', { name: 'Accounting' }).check()
    await page.getByRole('checkbox', { name: 'Applicant tracking' }).check()
    const expected = PROVIDERS.filter((provider) => provider.categories.some((category) => category === 'accounting' || category === 'ats'))
      .map((provider) => provider.name)
      .sort()
    expect(expected.length).toBeLessThan(PROVIDERS.length)
    const options = await page.getByLabel('Provider').locator('option').allTextContents()
    expect(options.slice(1).sort()).toEqual(expected)

    await page.getByRole('button', { name: 'Connect an account' }).click()
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Connect an integration' }).waitFor()
    const names = await frame.locator('.catalog button .name').allTextContents()
    expect(names.sort()).toEqual(expected)
  })

  it('when a provider is preselected → the hub skips the catalog and opens its form', async () => {
    page = await openDemo(browser, demo)
    await page.getByLabel('Provider').selectOption({ label: 'BambooHR' })
    await page.getByRole('button', { name: 'Connect an account' }).click()
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Connect BambooHR' }).waitFor()
    await expect(frame.getByRole('button', { name: 'Back' }).count()).resolves.toBe(0)
    await expect(frame.getByRole('heading', { name: 'Connect an integration' }).count()).resolves.toBe(0)
    await connectBamboo(frame)
    await page.getByRole('row', { name: /BambooHR/ }).waitFor()
  })

  it('when the hub is cancelled → nothing is created and the log shows cancel then close', async () => {
    page = await openDemo(browser, demo)
    await page.getByRole('button', { name: 'Connect an account' }).click()
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Connect an integration' }).waitFor()
    await frame.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    // Focus returns to the button, which may prefetch the next token: look at what followed the cancel.
    const types = (await logLines(page)).map((line) => line.split(' ')[0])
    expect(types.slice(types.indexOf('cancel'), types.indexOf('cancel') + 2)).toEqual(['cancel', 'close'])
    expect(types).not.toContain('success')
    expect(demo.hub.store.accounts.size).toBe(0)
    await expect(page.getByText(/^No accounts connected yet/).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('alert').textContent()).resolves.toBe('')
  })

  it('when test mode is on → the hub shows its TEST badge and the account is listed as a test account', async () => {
    page = await openDemo(browser, demo)
    await page.getByRole('checkbox', { name: /Test mode/ }).check()
    await page.getByLabel('Provider').selectOption({ label: 'BambooHR' })
    await page.getByRole('button', { name: 'Connect an account' }).click()
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Connect BambooHR' }).waitFor()
    await expect(frame.getByText('TEST').isVisible()).resolves.toBe(true)
    await connectBamboo(frame)

    const row = page.getByRole('row', { name: /BambooHR/ })
    await row.getByText('Test').waitFor()
    expect([...demo.hub.store.accounts.values()].map((account) => account.type)).toEqual(['test'])
  })

  it("when the StackOne hub is picked → a reload keeps it, and an account connected through StackOne's UI is listed", async () => {
    page = await openDemo(browser, demo)
    await page.getByRole('radio', { name: 'StackOne hub' }).check()
    expect(new URL(await page.url()).searchParams.get('hub')).toBe('stackone')
    await page.reload()
    await page.locator('section[aria-labelledby="accounts-title"][aria-busy="false"]').waitFor()
    await expect(page.getByRole('radio', { name: 'StackOne hub' }).isChecked()).resolves.toBe(true)

    await page.getByRole('button', { name: 'Connect an account' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: /BambooHR/ }).click()
    await expect(dialog.locator('iframe').count()).resolves.toBe(0)
    await dialog.getByRole('textbox', { name: 'Subdomain' }).fill('acme')
    await dialog.getByLabel(/^API key/).fill('bamboo-secret')
    await dialog.getByRole('button', { name: 'Connect' }).click()

    await page.getByRole('row', { name: /BambooHR/ }).waitFor()
    const [account] = [...demo.hub.store.accounts.values()]
    expect(account).toMatchObject({ provider: 'bamboohr', originOwnerId: 'demo-customer', secrets: { api_key: 'bamboo-secret' } })
    expect(await logLines(page)).toContain(`success bamboohr ${account?.id} · mode create`)
  })

  it('when the token expires while the hub is open → the launcher fetches a new one and the hub carries on', async () => {
    page = await openDemo(browser, demo)
    await page.getByRole('button', { name: 'Connect an account' }).click()
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Connect an integration' }).waitFor()
    expect(demo.hub.store.sessions.size).toBe(1)
    const [expired] = [...demo.hub.store.sessions.keys()]

    skewMs = 31 * 60_000 // past the default 1800 s lifetime
    await frame.getByRole('button', { name: /BambooHR/ }).click()
    await connectBamboo(frame)

    await page.getByRole('row', { name: /BambooHR/ }).waitFor()
    expect(await logLines(page)).toContain('token_refreshed expired')
    // The expired session was dropped when it was refused. (Focus back on the button may prefetch the next one.)
    expect(demo.hub.store.sessions.has(expired as string)).toBe(false)
  })
})
