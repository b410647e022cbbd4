import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { type Browser, chromium, type Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CHROMIUM_ARGS, chromiumPath } from '../engines/index.ts'
import { buildStorybook } from './build.ts'
import { installStoryDriver, type StoryOutcome } from './driver.ts'
import { type StaticServer, serveStatic } from './staticServer.ts'

// The output of `storybook build`, served as plain files (no Storybook, no Vite, no API behind it), with every story's
// play function run in Chromium: the stories connect through the reference hub page in the same folder, on the other
// loopback origin, with the dev API answered in each page by a service worker. Each story runs in a browser context
// of its own, a few at a time (the project's maxConcurrency): most of a story's time is spent loading and waiting.

const root = await buildStorybook()
const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8')) as {
  entries: Record<string, { id: string; type: string; title: string; name: string }>
}
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story')
const DEFAULT_STORY = 'launcher-connectbutton--default'

let server: StaticServer
/** Chromium as it ships: a frame on another site than its page gets no storage, so no service worker. */
let browser: Browser
/** Chromium letting cross-site frames keep storage, as browsers that still allow third-party cookies do. */
let lenientBrowser: Browser

const launch = (extra: string[] = []) =>
  chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extra], headless: true })

beforeAll(async () => {
  server = await serveStatic(root)
  ;[browser, lenientBrowser] = await Promise.all([
    launch(),
    launch(['--disable-features=TrackingProtection3pcd,ThirdPartyCookieDeprecation']),
  ])
})

afterAll(async () => {
  await Promise.all([browser?.close(), lenientBrowser?.close()])
  await server?.close()
  await rm(root, { recursive: true, force: true })
})

interface StoryRun {
  result: StoryOutcome
  requests: Request[]
  errors: string[]
  /** How each hub page that opened answered its API: `'service-worker'` or `'page'` (see .storybook/static/hub.ts). */
  hubApiModes: string[]
}

/** Opens one story in a fresh browser context, waits for Storybook to finish it, and hands over what happened. */
async function runStory(id: string, on: Browser, check: (run: StoryRun) => Promise<void>) {
  const context = await on.newContext({ viewport: { width: 1280, height: 1000 } })
  try {
    const run: StoryRun = { result: { event: 'storyMissing' }, requests: [], errors: [], hubApiModes: [] }
    context.on('request', (request) => run.requests.push(request))
    await installStoryDriver(context)
    await context.exposeFunction('__reportHubApi', (mode: string) => run.hubApiModes.push(mode))
    await context.addInitScript(() => {
      if (!location.pathname.endsWith('/connect-hub/')) return
      // From before the page has an element: watch the document for the attribute .storybook/static/hub.ts sets.
      new MutationObserver(() => {
        const mode = document.documentElement.dataset.devApi
        if (mode) (globalThis as unknown as { __reportHubApi(mode: string): void }).__reportHubApi(mode)
      }).observe(document, { subtree: true, attributeFilter: ['data-dev-api'] })
    })
    const page = await context.newPage()
    page.on('pageerror', (error) => run.errors.push(error.message))
    await page.goto(`${server.origins.localhost}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`)
    const outcome = await page.waitForFunction(() => globalThis.__storyOutcome?.event && globalThis.__storyOutcome, undefined, {
      timeout: 90_000,
    })
    run.result = (await outcome.jsonValue()) as StoryOutcome
    await check(run)
  } finally {
    await context.close()
  }
}

const failureOf = (result: StoryOutcome) =>
  result.playError?.message ??
  JSON.stringify(result.reporters?.filter((report) => report.status !== 'passed') ?? result.detail ?? result, null, 2)

function expectPassed({ result, errors }: { result: StoryOutcome; errors: string[] }) {
  expect(result.event, failureOf(result)).toBe('storyFinished')
  // Outside a test runner Storybook logs a play function's exception and still reports success: both are checked.
  expect(result.playError, failureOf(result)).toBeUndefined()
  expect(result.status, failureOf(result)).toBe('success')
  expect(errors).toEqual([])
}

/** Every request of a run that went anywhere but the static server's two origins. */
const leaving = (requests: Request[]) =>
  requests
    .map((request) => request.url())
    .filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'))
    .filter((url) => ![server.origins.localhost, server.origins.loopback].includes(new URL(url).origin))

describe.concurrent('the static Storybook, served as plain files', () => {
  test('holds the stories, the hub page and the service worker script, and no API', async () => {
    expect(stories.map((story) => story.id)).toContain(DEFAULT_STORY)
    const { origins } = server
    for (const path of ['/iframe.html', '/connect-hub/index.html', '/mockServiceWorker.js']) {
      expect((await fetch(`${origins.localhost}${path}`)).status, path).toBe(200)
    }
    // Nothing answers the API on the server: only the pages do.
    expect((await fetch(`${origins.localhost}/api/connect-session`, { method: 'POST', body: '{}' })).status).toBe(404)
    expect((await fetch(`${origins.loopback}/hub/settings`)).status).toBe(404)
  })

  test.each(stories.map((story) => [story.id]))('%s: its play function passes, with no request leaving the machine', async (id) => {
    await runStory(id, browser, async (run) => {
      expectPassed(run)
      expect(run.requests.length).toBeGreaterThan(0)
      expect(leaving(run.requests)).toEqual([])
    })
  })

  test('the default story connects through the hub page on the other origin; the token route is the service worker', async () => {
    await runStory(DEFAULT_STORY, browser, async (run) => {
      expectPassed(run)
      const hubPage = run.requests.find((request) => request.url().startsWith(`${server.origins.loopback}/connect-hub/?`))
      // The look parameters follow the protocol's three (the page's <html lang> gives locale=en); never a token.
      expect(hubPage?.url()).toMatch(/\/connect-hub\/\?v=1&origin=http%3A%2F%2Flocalhost%3A\d+&display=modal&locale=en$/)
      const token = run.requests.find((request) => request.url() === `${server.origins.localhost}/api/connect-session`)
      expect(token?.method()).toBe('POST')
      expect((await token?.response())?.fromServiceWorker()).toBe(true)
      // This Chromium gives the cross-site hub frame no storage: its page answers the hub's API itself.
      expect(run.hubApiModes).toEqual(['page'])
    })
  })

  test('where the hub frame may keep storage, its own service worker answers the hub API', async () => {
    await runStory(DEFAULT_STORY, lenientBrowser, async (run) => {
      expectPassed(run)
      const hubCalls = run.requests.filter((request) => request.url().startsWith(`${server.origins.loopback}/hub/`))
      expect(hubCalls.map((request) => `${request.method()} ${new URL(request.url()).pathname}`)).toEqual(
        expect.arrayContaining(['GET /hub/settings', 'POST /hub/accounts']),
      )
      for (const call of hubCalls) expect((await call.response())?.fromServiceWorker(), call.url()).toBe(true)
      expect(run.hubApiModes).toEqual(['service-worker'])
      expect(leaving(run.requests)).toEqual([])
    })
  })

  test('the hub page opens for its partner origin only', async () => {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      const hubFor = (origin: string) => `${server.origins.loopback}/connect-hub/?v=1&origin=${encodeURIComponent(origin)}&display=modal`
      // Any origin but the partner is refused before anything else is looked at…
      await page.goto(hubFor('http://localhost:1'))
      await page.getByText('This page may not open the hub').first().waitFor({ timeout: 30_000 })
      // …while the partner gets past that check (to the next: a hub runs inside a host page, not on its own).
      await page.goto(hubFor(server.origins.localhost))
      await page.getByText('Open the hub from your app').first().waitFor({ timeout: 30_000 })
    } finally {
      await context.close()
    }
  })
})
