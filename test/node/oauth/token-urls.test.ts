import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  answer,
  type Browser,
  type BrowserContext,
  blockPopupsIn,
  type Demo,
  hubFrame,
  launchBrowser,
  openHub,
  providerPage,
  recordBrowserUrls,
  recordServerRequestLines,
  startStack,
  windowOpenedBy,
} from './harness.ts'

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 })

let demo: Demo
let browser: Browser
let context: BrowserContext
let browserUrls: string[]
let server: ReturnType<typeof recordServerRequestLines>

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startStack('urls'), launchBrowser()])
})

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close()])
})

beforeEach(async () => {
  demo.hub.store.reset()
  context = await browser.newContext()
  browserUrls = recordBrowserUrls(context)
  server = recordServerRequestLines()
})

afterEach(async () => {
  server.stop()
  await context?.close()
})

/** Every session token minted during the test: none may show up in a URL, as it is or percent-encoded. */
function expectNoTokenIn(urls: string[]) {
  const tokens = [...demo.hub.store.sessions.keys()]
  expect(tokens.length).toBeGreaterThan(0)
  for (const token of tokens) {
    const leaks = urls.filter((url) => url.includes(token) || url.includes(encodeURIComponent(token)))
    expect(leaks, `token ${token.slice(0, 12)}… in a URL`).toEqual([])
  }
}

/** The windows and requests were seen: the hub page, the dev API's window entry, the provider page and the callback. */
function expectWholeFlowRecorded(urls: string[], lines: string[]) {
  const apiHost = new URL(demo.hub.apiUrl).host
  const providerHost = new URL(demo.hub.providerUrl).host
  expect(urls.some((url) => url.startsWith(demo.hub.hubUrl))).toBe(true)
  expect(urls.some((url) => url.startsWith(`${demo.hub.apiUrl}/connect/oauth2/`))).toBe(true)
  expect(urls.some((url) => url.startsWith(`${demo.hub.providerUrl}/`) && url.includes('/oauth/authorize'))).toBe(true)
  expect(urls.some((url) => url.startsWith(`${demo.hub.apiUrl}/oauth/callback`))).toBe(true)
  expect(lines.some((line) => line.startsWith('GET /connect/oauth2/') && line.endsWith(`(${apiHost})`))).toBe(true)
  expect(lines.some((line) => line.startsWith('POST /') && line.includes('/oauth/decision') && line.endsWith(`(${providerHost})`))).toBe(
    true,
  )
  expect(lines.some((line) => line.startsWith('GET /hub/oauth_attempts/'))).toBe(true)
}

describe.each([false, true])('given the reference hub connecting by OAuth (provider page COOP: %s)', (coop) => {
  it('→ the session token is in no URL of any window, frame or request, and in no request line the servers received', async () => {
    demo.hub.oauth.coop = coop
    const page = await openHub(context, demo)
    const frame = hubFrame(page)
    await frame.getByRole('button', { name: /HubSpot/ }).click()
    const window = await providerPage(
      await windowOpenedBy(context, () => frame.getByRole('button', { name: 'Connect', exact: true }).click()),
      'HubSpot',
    )
    await answer(window, 'Deny')
    const again = await providerPage(
      await windowOpenedBy(context, () => frame.getByRole('button', { name: 'Try again' }).click()),
      'HubSpot',
    )
    await answer(again, 'Allow')
    await page.getByRole('status').filter({ hasText: 'Connected hubspot' }).waitFor()

    expectWholeFlowRecorded(browserUrls, server.lines)
    expectNoTokenIn([...browserUrls, ...server.lines, ...context.pages().map((each) => each.url())])
  })
})

describe('given a blocked window, completed in a new tab', () => {
  it('→ the session token is in no URL either', async () => {
    await blockPopupsIn(context, new URL(demo.hub.hubUrl).origin)
    const page = await openHub(context, demo, { provider: 'Slack' })
    const frame = hubFrame(page)
    await frame.getByRole('button', { name: 'Connect', exact: true }).click()
    const tab = await providerPage(
      await windowOpenedBy(context, () => frame.getByRole('link', { name: 'Open Slack in a new tab' }).click()),
      'Slack',
    )
    await answer(tab, 'Allow')
    await page.getByRole('status').filter({ hasText: 'Connected slack' }).waitFor()

    expectWholeFlowRecorded(browserUrls, server.lines)
    expectNoTokenIn([...browserUrls, ...server.lines])
  })
})
