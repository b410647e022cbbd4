// Starts each engine once, opens a page and reads it back: `npm test` stops here, with the reason, when a browser
// is missing or cannot start, instead of failing later in every browser test. The three start side by side.
import { ENGINES } from './index.ts'
import { openBrowser } from './pages.ts'

const results = await Promise.all(
  ENGINES.map(async (engine) => {
    const started = Date.now()
    try {
      const browser = await openBrowser(engine)
      try {
        const page = await browser.newPage('data:text/html,<title>ok</title><button>Ready</button>')
        await page.getByRole('button', { name: 'Ready' }).click()
      } finally {
        await browser.close()
      }
      return { engine, ok: true, line: `${engine}: started and drove a page in ${Date.now() - started} ms` }
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).replace(/^react-connect-hub tests: /, '')
      return { engine, ok: false, line: `react-connect-hub tests: ${engine} could not be started: ${reason}` }
    }
  }),
)
for (const { ok, line } of results) (ok ? console.log : console.error)(line)
if (results.some(({ ok }) => !ok)) process.exit(1)
