import { existsSync } from 'node:fs'

/** Debian's Chromium: nothing here may download a browser of its own. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(path)) {
    throw new Error(
      `react-connect-hub tests: no Chromium at ${path}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    )
  }
  return path
}

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
