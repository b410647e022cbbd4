import { existsSync } from 'node:fs'

/** Global setup of the *-react18 projects: fail with what to run, rather than with a resolution error deep in a test. */
export default function checkReact18() {
  if (!existsSync(new URL('./node_modules/react-dom/package.json', import.meta.url))) {
    throw new Error(
      'react-connect-hub tests: React 18 is not installed for the react18 projects. Run `npm ci --prefix test/react18` first.',
    )
  }
}
