import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts'
import { installStoryDriver, type StoryOutcome } from './driver.ts'
import { type StaticServer, serveStatic } from './staticServer.ts'

// The output of `storybook build`, served as plain files (no Storybook, no Vite, no API behind it), with every story's
// play function run in Chromium: the stories connect through the reference hub page in the same folder, on the other
// loopback origin, with the dev API answered in each page by a service worker.

const root = inject('storybookStatic')
const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8')) as {
  entries: Record<string, { id: string; type: string; title: string; name: string }>
}
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story')

let server: StaticServer
let browser: Browser

beforeAll(async () => {
  server = await serveStatic(root)
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Opens one story in a fresh browser context, waits for Storybook to finish it, and returns what happened. */
async function runStory(id: string, origin: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
  const requests: string[] = []
  const errors: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  await installStoryDriver(context)
  try {
    const page = await context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`)
    const outcome = await page.waitForFunction(() => globalThis.__storyOutcome?.event && globalThis.__storyOutcome, undefined, {
      timeout: 90_000,
    })
    const result = (await outcome.jsonValue()) as StoryOutcome
    const hubFrames = page.frames().filter((frame) => frame.url().includes('/connect-hub/')).length
    return { result, requests, errors, hubFrames, page, context }
  } catch (error) {
    await context.close()
    throw error
  }
}

const failureOf = (result: StoryOutcome) =>
  result.playError?.message ??
  JSON.stringify(result.reporters?.filter((report) => report.status !== 'passed') ?? result.detail ?? result, null, 2)

describe('the static Storybook, served as plain files', () => {
  test('holds the stories, the hub page and the service worker script', async () => {
    expect(stories.map((story) => story.id)).toContain('launcher-connectbutton--default')
    const { origins } = server
    for (const path of ['/iframe.html', '/connect-hub/index.html', '/mockServiceWorker.js']) {
      expect((await fetch(`${origins.localhost}${path}`)).status, path).toBe(200)
    }
    // Nothing answers the API on the server: only the pages' service workers do.
    expect((await fetch(`${origins.localhost}/api/connect-session`, { method: 'POST', body: '{}' })).status).toBe(404)
  })

  test.each(stories.map((story) => [story.id, story] as const))('%s: its play function passes', { timeout: 120_000 }, async (id) => {
    const origins = [server.origins.localhost, server.origins.loopback]
    const { result, requests, errors, context } = await runStory(id, server.origins.localhost)
    try {
      expect(result.event, failureOf(result)).toBe('storyFinished')
      // Outside a test runner Storybook logs a play function's exception and still reports success: both are checked.
      expect(result.playError, failureOf(result)).toBeUndefined()
      expect(result.status, failureOf(result)).toBe('success')
      expect(errors).toEqual([])
      // No request leaves the machine: the story's page, the hub page and their workers ask only the static server.
      expect(requests.length).toBeGreaterThan(0)
      expect(
        requests.filter((url) => !origins.includes(new URL(url).origin) && !url.startsWith('data:') && !url.startsWith('blob:')),
      ).toEqual([])
    } finally {
      await context.close()
    }
  })
})
