// Starts each engine once, opens a page and reads it back: `npm test` stops here, with the reason, when a browser
// is missing or cannot start, instead of failing later in every browser test.
import { ENGINES } from './index.ts'
import { openBrowser } from './pages.ts'

let failed = false
for (const engine of ENGINES) {
  const started = Date.now()
  try {
    const browser = await openBrowser(engine)
    try {
      const page = await browser.newPage('data:text/html,<title>ok</title><button>Ready</button>')
      await page.getByRole('button', { name: 'Ready' }).click()
    } finally {
      await browser.close()
    }
    console.log(`${engine}: started and drove a page in ${Date.now() - started} ms`)
  } catch (error) {
    failed = true
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^react-connect-hub tests: /, '')
    console.error(`react-connect-hub tests: ${engine} could not be started: ${reason}`)
  }
}
if (failed) process.exit(1)
