import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineBrowser } from '../../engines/pages.ts'
import { type Demo, logLines, openDemo, openEngine, startDemo } from './demo.ts'

let demo: Demo
// The same demo, but its routes send a key the dev API does not know.
let wrongKey: Demo
let browser: EngineBrowser

beforeAll(async () => {
  ;[demo, wrongKey, browser] = await Promise.all([
    startDemo('errors'),
    startDemo('errors', { routeApiKey: 'sk_not_the_dev_key' }),
    openEngine(),
  ])
})

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close(), wrongKey?.close()])
})

describe('given the demo, when the launcher fails', { timeout: 60_000 }, () => {
  it('with a wrong API key on the server → the accounts and the Connect button both say the session API refused it', async () => {
    const page = await openDemo(browser, wrongKey)
    await expect(page.getByText('The accounts could not be loaded.').isVisible()).resolves.toBe(true)
    await expect(page.getByRole('region', { name: 'Connected accounts' }).textContent()).resolves.toContain(
      'the session API answered 401 to GET /accounts',
    )

    await page.getByRole('button', { name: 'Connect an account' }).click()
    const banner = page.getByRole('alert').filter({ hasText: 'token_failed' })
    await banner.waitFor()
    await expect(banner.textContent()).resolves.toContain('could not create a connect session (it answered 401)')
    expect(await logLines(page)).toContain('error token_failed')
    expect(wrongKey.hub.store.sessions.size).toBe(0)
    await page.close()
  })

  it('with an invalid session option → the page names the field and no session is requested', async () => {
    const page = await openDemo(browser, demo)
    await page.getByLabel('Token lifetime (seconds)').fill('1.5')
    await page.getByRole('button', { name: 'Connect an account' }).click()

    const banner = page.getByRole('alert').filter({ hasText: 'invalid_session' })
    await banner.waitFor()
    await expect(banner.getByRole('listitem').textContent()).resolves.toMatch(/^expiresIn .*whole number/)
    expect(await logLines(page)).not.toContain('token_requested')
    expect(demo.hub.store.sessions.size).toBe(0)
    await page.close()
  })
})
