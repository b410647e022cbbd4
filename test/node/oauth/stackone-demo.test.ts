import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  answer,
  type Demo,
  type EngineBrowser,
  launchBrowser,
  logLines,
  openHub,
  providerPage,
  startStack,
  windowOpenedBy,
} from './harness.ts'

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 })

let demo: Demo
let browser: EngineBrowser

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startStack('stackone'), launchBrowser()])
})

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close()])
})

beforeEach(async () => {
  demo.hub.store.reset()
})

afterEach(async () => {
  for (const page of await browser.pages()) await page.close()
})

describe("given the demo with StackOne's hub picked (?hub=stackone), as npm run dev serves it", () => {
  it('when an OAuth provider is connected → StackOne opens the provider window through the dev API, Allow → the page lists the account', async () => {
    const page = await openHub(browser, demo, { hub: 'stackone', provider: 'Xero' })
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Press "Connect" below to authenticate').waitFor()
    const window = await windowOpenedBy(browser, () => dialog.getByRole('button', { name: 'Connect' }).click())
    await answer(browser, await providerPage(window, 'Xero'), 'Allow')

    // StackOne's hub polls the attempt every 2 s, then reports onSuccess.
    await page.getByRole('row', { name: /Xero/ }).waitFor()
    const [account] = [...demo.hub.store.accounts.values()]
    expect(account).toMatchObject({ provider: 'xero', originOwnerId: 'demo-customer' })
    expect(await logLines(page)).toContain(`success xero ${account?.id} · mode create`)
  })
})
