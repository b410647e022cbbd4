import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  axeViolations,
  blockPopupsIn,
  type Demo,
  type EngineBrowser,
  hubFrame,
  launchBrowser,
  openHub,
  providerPage,
  startStack,
  windowOpenedBy,
} from './harness.ts'

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 })

let demo: Demo
let browser: EngineBrowser

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startStack('a11y'), launchBrowser()])
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

describe('given the OAuth screens of the reference hub and the provider page', () => {
  it('→ axe finds no violation in the catalog, the provider screen, the waiting and refused states, and the provider’s page', async () => {
    const page = await openHub(browser, demo)
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Connect an integration' }).waitFor()
    expect(await axeViolations(frame)).toEqual([])

    await frame.getByRole('button', { name: /Slack/ }).click()
    await frame.getByRole('button', { name: 'Connect' }).waitFor()
    expect(await axeViolations(frame)).toEqual([])

    const window = await providerPage(await windowOpenedBy(browser, () => frame.getByRole('button', { name: 'Connect' }).click()), 'Slack')
    await frame.getByRole('heading', { name: 'Waiting for Slack' }).waitFor()
    expect(await axeViolations(frame)).toEqual([])
    expect(await axeViolations(window)).toEqual([])

    await window.getByRole('button', { name: 'Deny' }).click()
    await frame.getByRole('heading', { name: 'Slack did not allow access' }).waitFor()
    expect(await axeViolations(frame)).toEqual([])
  })

  it('→ axe finds no violation in the blocked-window state', async () => {
    const page = await openHub(browser, demo, { provider: 'Asana' })
    const frame = hubFrame(page)
    await blockPopupsIn(frame)
    await frame.getByRole('button', { name: 'Connect' }).click()
    await frame.getByRole('link', { name: 'Open Asana in a new tab' }).waitFor()
    expect(await axeViolations(frame)).toEqual([])
  })
})
