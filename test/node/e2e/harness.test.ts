import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { EngineBrowser } from '../../engines/pages.ts'
import { openEngine } from './demo.ts'

// The shape of an OAuth connection, on two origins of one server: the app (localhost) frames a hub (127.0.0.1),
// a button inside the hub opens the provider's consent page as a popup, the popup reports back to its opener
// and closes. What the OAuth tests need from every engine: a click inside a cross-origin frame, the popup it
// opens, its URL, input inside it, and the message it sends on its way out.
// The hub frame carries the launcher's sandbox, so every engine is seen to let such a frame open the popup.
const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox'
const PAGES: Record<string, (other: string) => string> = {
  '/app': (other) =>
    `<!doctype html><title>App</title><h1>App</h1><p role="status"></p>
     <iframe title="Hub" src="${other}/hub" sandbox="${SANDBOX}"></iframe>
     <script>addEventListener('message', (event) => { document.querySelector('[role=status]').textContent = event.data })</script>`,
  '/hub': (other) =>
    `<!doctype html><title>Hub</title><button type="button">Sign in with Provider</button><p role="status"></p>
     <script>
       document.querySelector('button').onclick = () => open('${other}/consent?state=abc', 'consent', 'popup,width=480,height=640')
       addEventListener('message', (event) => {
         document.querySelector('[role=status]').textContent = event.data
         parent.postMessage('hub heard: ' + event.data, '*')
       })
     </script>`,
  '/consent': () =>
    `<!doctype html><title>Consent</title><label>Account <input name="account"></label>
     <button type="button">Allow</button>
     <script>
       document.querySelector('button').onclick = () => {
         opener.postMessage('granted ' + document.querySelector('input').value, '*')
         close()
       }
     </script>`,
}

let server: Server
let app: string
let hub: string
let browser: EngineBrowser

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const page = PAGES[url.pathname]
    // Each origin links to the other: the app to the hub, the hub to the provider.
    const other = request.headers.host?.startsWith('localhost') ? hub : app
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
    response.end(page ? page(other) : 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  app = `http://localhost:${port}`
  hub = `http://127.0.0.1:${port}`
  browser = await openEngine()
})

afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
})

describe('given the engine harness', { timeout: 60_000 }, () => {
  it('when a button inside a cross-origin frame opens a popup → the test reads its URL, types and clicks in it, and the message reaches the frame and the page', async () => {
    const page = await browser.newPage(`${app}/app`)
    const frame = page.frame('iframe[title="Hub"]')

    const popup = await browser.waitForPage(() => frame.getByRole('button', { name: 'Sign in with Provider' }).click())
    await popup.getByRole('button', { name: 'Allow' }).waitFor()
    const url = new URL(await popup.url())
    expect(url.origin).toBe(app)
    expect(url.searchParams.get('state')).toBe('abc')

    await popup.getByRole('textbox', { name: 'Account' }).fill('acme')
    await popup.getByRole('button', { name: 'Allow' }).click()

    await frame.getByRole('status').filter({ hasText: 'granted acme' }).waitFor()
    await page.getByRole('status').filter({ hasText: 'hub heard: granted acme' }).waitFor()
    // The popup closed itself; the engine forgets it when it is gone.
    await vi.waitFor(async () => expect(await browser.pages()).not.toContain(popup), { timeout: 20_000, interval: 50 })
    await page.close()
  })
})
