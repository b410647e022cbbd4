import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  axeViolations,
  type Browser,
  type BrowserContext,
  blockPopupsIn,
  type Demo,
  frameAt,
  hubFrame,
  launchBrowser,
  openHub,
  providerPage,
  startStack,
  windowOpenedBy,
} from './harness.ts'

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 })

let demo: Demo
let browser: Browser
let context: BrowserContext
let hubOrigin: string

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startStack('a11y'), launchBrowser()])
  hubOrigin = new URL(demo.hub.hubUrl).origin
})

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close()])
})

beforeEach(async () => {
  demo.hub.store.reset()
  context = await browser.newContext()
})

afterEach(async () => {
  await context?.close()
})

describe('given the OAuth screens of the reference hub and the provider page', () => {
  it('→ axe finds no violation in the catalog, the provider screen, the waiting and refused states, and the provider’s page', async () => {
    const page = await openHub(context, demo)
    const frame = hubFrame(page)
    await frame.getByRole('heading', { name: 'Connect an integration' }).waitFor()
    expect(await axeViolations(frameAt(page, hubOrigin))).toEqual([])

    await frame.getByRole('button', { name: /Slack/ }).click()
    await frame.getByRole('button', { name: 'Connect', exact: true }).waitFor()
    expect(await axeViolations(frameAt(page, hubOrigin))).toEqual([])

    const window = await providerPage(
      await windowOpenedBy(context, () => frame.getByRole('button', { name: 'Connect', exact: true }).click()),
      'Slack',
    )
    await frame.getByRole('heading', { name: 'Waiting for Slack' }).waitFor()
    expect(await axeViolations(frameAt(page, hubOrigin))).toEqual([])
    expect(await axeViolations(window)).toEqual([])

    await window.getByRole('button', { name: 'Deny', exact: true }).click()
    await frame.getByRole('heading', { name: 'Slack did not allow access' }).waitFor()
    expect(await axeViolations(frameAt(page, hubOrigin))).toEqual([])
  })

  it('→ axe finds no violation in the blocked-window state', async () => {
    await blockPopupsIn(context, hubOrigin)
    const page = await openHub(context, demo, { provider: 'Asana' })
    const frame = hubFrame(page)
    await frame.getByRole('button', { name: 'Connect', exact: true }).click()
    await frame.getByRole('link', { name: 'Open Asana in a new tab' }).waitFor()
    expect(await axeViolations(frameAt(page, hubOrigin))).toEqual([])
  })
})
