import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  answer,
  blockPopupsIn,
  type Demo,
  type EngineBrowser,
  hubFrame,
  launchBrowser,
  openHub,
  providerPage,
  recordServerRequests,
  startStack,
  windowOpenedBy,
} from './harness.ts'

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 })

let demo: Demo
let browser: EngineBrowser
let server: ReturnType<typeof recordServerRequests>

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startStack('urls'), launchBrowser()])
})

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close()])
})

beforeEach(async () => {
  demo.hub.store.reset()
  server = recordServerRequests()
})

afterEach(async () => {
  server.stop()
  for (const page of await browser.pages()) await page.close()
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
    const page = await openHub(browser, demo)
    const frame = hubFrame(page)
    await frame.getByRole('button', { name: /HubSpot/ }).click()
    const window = await providerPage(
      await windowOpenedBy(browser, () => frame.getByRole('button', { name: 'Connect' }).click()),
      'HubSpot',
    )
    await answer(browser, window, 'Deny')
    const again = await providerPage(
      await windowOpenedBy(browser, () => frame.getByRole('button', { name: 'Try again' }).click()),
      'HubSpot',
    )
    await answer(browser, again, 'Allow')
    await page.getByRole('status').filter({ hasText: 'Connected hubspot' }).waitFor()

    expectWholeFlowRecorded(server.urls, server.lines)
    expectNoTokenIn([...server.urls, ...server.lines, ...(await Promise.all((await browser.pages()).map((each) => each.url())))])
  })
})

describe('given a blocked window, completed in a new tab', () => {
  it('→ the session token is in no URL either', async () => {
    const page = await openHub(browser, demo, { provider: 'Slack' })
    const frame = hubFrame(page)
    await blockPopupsIn(frame)
    await frame.getByRole('button', { name: 'Connect' }).click()
    const tab = await providerPage(
      await windowOpenedBy(browser, () => frame.getByRole('link', { name: 'Open Slack in a new tab' }).click()),
      'Slack',
    )
    await answer(browser, tab, 'Allow')
    await page.getByRole('status').filter({ hasText: 'Connected slack' }).waitFor()

    expectWholeFlowRecorded(server.urls, server.lines)
    expectNoTokenIn([...server.urls, ...server.lines])
  })
})
