import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import { waitForSelector } from './.storybook/vitest.commands.ts'
import { tempDirOfProcess } from './demo/tempDir.ts'
import { CHROMIUM_ARGS, chromiumPath, ENGINES } from './test/engines/index.ts'
import { engines } from './test/engines/vitest.ts'
import { answerProvider } from './test/stackone/commands.ts'
import { HANG_MS } from './test/stackone/limits.ts'

// Every temporary file of a run (consumer apps, builds, browser profiles) goes into one directory of the run's own,
// removed when the run ends, or by the next run if this one was killed: test files need not each clean up after
// themselves, and an interrupted run leaves one directory, not dozens. Vitest reads this file once per project.
process.env.RCH_TEST_TMPDIR ??= tempDirOfProcess('rch-tests-')
process.env.TMPDIR = process.env.RCH_TEST_TMPDIR

const browserProvider = () => playwright({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } })

const react18 = (path: string) => fileURLToPath(new URL(`./test/react18/node_modules/${path}`, import.meta.url))
/** React 18.3 (and a Testing Library bound to it) from the nested test/react18 package (`npm ci --prefix test/react18`) in place of the root's React 19. */
const react18Alias = [
  { find: /^react$/, replacement: react18('react/index.js') },
  { find: /^react\/(.*)$/, replacement: react18('react/$1') },
  { find: /^react-dom$/, replacement: react18('react-dom/index.js') },
  { find: /^react-dom\/(.*)$/, replacement: react18('react-dom/$1') },
  // Its own Testing Library, so that what it requires from React (CommonJS, outside Vite's aliases) is React 18 too.
  { find: /^@testing-library\/react$/, replacement: react18('@testing-library/react/dist/index.js') },
]

/** The tests that drive a whole app in a browser from Node: the demo's, and OAuth through the provider's window. */
const e2eTests = ['test/node/e2e/**/*.test.ts', 'test/node/oauth/{reference-hub,token-urls,accessibility,stackone-demo}.test.ts']

/** Unit test files that replace a module (`vi.mock`) or stub a global: each needs a module graph of its own. */
const unitDir = fileURLToPath(new URL('./test/unit/', import.meta.url))
const unitWithMocks = readdirSync(unitDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.test\.tsx?$/.test(file) && /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/.test(readFileSync(unitDir + file, 'utf8')))
  .map((file) => `test/unit/${file}`)

/** The launcher's browser tests and the hardening suites, run in every engine. */
const browserSuites = {
  include: ['test/browser/**/*.test.{ts,tsx}'],
  setupFiles: ['test/setup.ts'],
  globalSetup: ['test/browser/global-setup.ts'],
}

/**
 * One test file at a time in each browser project, as on a 2-core machine before: a file's tests check focus and
 * timing in the one page they have. The browser projects still run beside each other and beside the Node projects.
 */
const oneFileAtATime = { fileParallelism: false }

export default defineConfig({
  plugins: [react()],
  test: {
    // Every project in one group, two Node test files at a time, beside the browser projects: most of a Node file's time
    // is spent waiting on a browser, a dev server or npm, so a second one keeps the second core busy. (Vitest's default
    // on two cores is one at a time, and projects in separate groups wait for each other.) Four at a time kept both
    // cores as busy, took as long (1,034 s against 1,085 s) and tripped hang limits that two never reach.
    maxWorkers: 2,
    // Hang limits for a busy machine, above Testing Library's 15 s waits (test/setup.ts), so that a wait that fails
    // says what it waited for. Projects that wait on more (npm, StackOne's polling) set their own.
    testTimeout: 30_000,
    projects: [
      {
        // One jsdom and one module graph for all these files: a fresh one per file was most of the project's time
        // (44 s and 76 CPU-s alone; now 20 s and 31). They leave no global or module state behind: they passed in ten
        // shuffled orders (`--sequence.shuffle`, seeds 1–10).
        extends: true,
        test: {
          name: 'unit',
          isolate: false,
          include: ['test/unit/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...unitWithMocks],
          environment: 'jsdom',
          setupFiles: ['test/setup.ts'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        // The unit test files that replace a module or stub a global: each in a fresh module graph, as a mock needs.
        extends: true,
        test: {
          name: 'unit-isolated',
          include: unitWithMocks,
          environment: 'jsdom',
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/node/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...e2eTests],
          environment: 'node',
        },
      },
      // The demo's end-to-end tests, driven from Node, once per engine: `e2e (chromium)`, `e2e (firefox)`, `e2e (webkit)`.
      ...ENGINES.map(
        (engine): TestProjectInlineConfiguration => ({
          extends: true,
          test: {
            name: `e2e (${engine})`,
            include: e2eTests,
            environment: 'node',
            provide: { engine },
            globalSetup: ['test/node/e2e/global-setup.ts'],
            // Starting the demo and a browser (Firefox's first start takes ~10 s) while other projects load both cores.
            hookTimeout: 60_000,
          },
        }),
      ),
      {
        extends: true,
        test: {
          ...browserSuites,
          name: 'browser',
          browser: { ...oneFileAtATime, enabled: true, headless: true, provider: browserProvider(), instances: [{ browser: 'chromium' }] },
        },
      },
      // The same suites in Firefox and WebKit, a project each: the provider drives one page at a time, so two projects
      // let the two engines run side by side.
      ...(['firefox', 'webkit'] as const).map(
        (engine): TestProjectInlineConfiguration => ({
          extends: true,
          test: {
            ...browserSuites,
            name: `browser-${engine}`,
            browser: {
              ...oneFileAtATime,
              enabled: true,
              headless: true,
              provider: engines(),
              screenshotFailures: false,
              instances: [{ browser: engine, name: `browser (${engine})` }],
            },
          },
        }),
      ),
      {
        // The hook unit tests on React 18.3, every tree under StrictMode.
        extends: true,
        resolve: { alias: react18Alias },
        test: {
          name: 'unit-react18',
          include: ['test/unit/react/**/*.test.tsx', 'test/react18/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/setup.ts', 'test/react18/setup.ts'],
          globalSetup: ['test/react18/check.ts'],
        },
      },
      {
        // The launcher's browser tests on React 18.3, every tree under StrictMode.
        extends: true,
        resolve: { alias: react18Alias },
        test: {
          name: 'browser-react18',
          include: ['test/browser/launcher.test.tsx', 'test/react18/**/*.test.tsx'],
          setupFiles: ['test/setup.ts', 'test/react18/setup.ts'],
          globalSetup: ['test/react18/check.ts', 'test/browser/global-setup.ts'],
          browser: {
            ...oneFileAtATime,
            enabled: true,
            headless: true,
            provider: browserProvider(),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'stackone',
          include: ['test/stackone/**/*.test.{ts,tsx}'],
          // A limit for hangs, not a speed check: a test fills StackOne's forms twice and waits on its 630 KB bundle,
          // while the other projects' browsers share the same two cores.
          testTimeout: 60_000,
          // expect.element and expect.poll wait on the network and on StackOne's 2 s polling: a hang limit, not 1 s.
          expect: { poll: { timeout: HANG_MS } },
          setupFiles: ['test/setup.ts'],
          globalSetup: ['test/stackone/global-setup.ts'],
          browser: {
            ...oneFileAtATime,
            enabled: true,
            headless: true,
            provider: browserProvider(),
            instances: [{ browser: 'chromium' }],
            // StackOne's OAuth window is a window of its own: Playwright answers the provider's page in it.
            commands: { answerProvider },
          },
        },
      },
      {
        // The packed package (npm pack of dist/) installed with plain npm install into fresh apps. Hits the npm registry.
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          environment: 'node',
          // apps-setup: the README's Vite app (React 19 and 18.3) and an app without Vite, installed once per run.
          globalSetup: ['test/package/global-setup.ts', 'test/package/apps-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        // The output of storybook build, served as plain files, every story's play function run in Chromium against it.
        extends: true,
        test: {
          name: 'storybook-static',
          include: ['test/storybook-static-site/**/*.test.ts'],
          environment: 'node',
          // stories.test.ts builds the Storybook as it loads (a few minutes at most, on a loaded machine), then opens
          // three stories at a time.
          maxConcurrency: 3,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Every story in stories/ as a test in Chromium: its play function, then an axe check (addon-a11y).
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          setupFiles: ['.storybook/vitest.setup.ts'],
          // A story's play function connects through a real hub while the other engines' suites load both cores: a
          // limit for a hang, not a speed check (the Default story once ran past 15 s under that load).
          testTimeout: 60_000,
          browser: {
            ...oneFileAtATime,
            enabled: true,
            headless: true,
            // Large enough for Storybook's 1200×900 test viewport: a scaled-down test frame would put Playwright's
            // clicks inside the hub's nested iframe off target.
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
              contextOptions: { viewport: { width: 1280, height: 1000 } },
            }),
            instances: [{ browser: 'chromium' }],
            commands: { waitForSelector },
          },
        },
      },
    ],
  },
})
