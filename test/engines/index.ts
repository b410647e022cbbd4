import { existsSync, readdirSync } from 'node:fs'

/** The three engines every browser suite runs in: Chromium, Firefox (Gecko) and WebKit (Safari's engine). */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const
export type Engine = (typeof ENGINES)[number]

/** An executable that the environment names (`variable`) or Debian installs at `fallback`; a clear error when absent. */
function executable(variable: string, fallback: string, install: string): string {
  const path = process.env[variable] ?? fallback
  if (!existsSync(path)) {
    throw new Error(`react-connect-hub tests: no ${path}. Install Debian's ${install} (apt-get install -y ${install}) or set ${variable}.`)
  }
  return path
}

/** Debian's Chromium: nothing here may download a browser of its own. */
export const chromiumPath = (): string => executable('CHROMIUM_PATH', '/usr/bin/chromium', 'chromium')

/** Debian's Firefox ESR, driven over WebDriver BiDi (no geckodriver). */
export const firefoxPath = (): string => executable('FIREFOX_PATH', '/usr/bin/firefox-esr', 'firefox-esr')

/** Where Debian puts WebKitGTK's MiniBrowser: under the machine's multiarch directory (`x86_64-linux-gnu`, …). */
function miniBrowser(): string {
  const libraries = existsSync('/usr/lib') ? readdirSync('/usr/lib').filter((name) => name.endsWith('-linux-gnu')) : []
  const found = libraries.map((name) => `/usr/lib/${name}/webkit2gtk-4.1/MiniBrowser`).find((path) => existsSync(path))
  return found ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
}

/** WebKitGTK's WebDriver, its MiniBrowser, and the virtual X server they need to draw into. */
export const webkitPaths = () => ({
  driver: executable('WEBKIT_DRIVER_PATH', '/usr/bin/WebKitWebDriver', 'webkit2gtk-driver'),
  browser: executable('WEBKIT_BROWSER_PATH', miniBrowser(), 'webkit2gtk-driver'),
  xvfb: executable('XVFB_PATH', '/usr/bin/Xvfb', 'xvfb'),
})

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]
