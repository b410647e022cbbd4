// React 18.3 for the *-react18 test projects, from test/react18's own lock file: `npm ci` there when a package is
// missing or at another version than the lock names, nothing otherwise (a fresh clone, a changed lock).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const dir = new URL('../test/react18/', import.meta.url)
const lock = JSON.parse(readFileSync(new URL('package-lock.json', dir), 'utf8'))
const installed = (path) => {
  try {
    return JSON.parse(readFileSync(new URL(`${path}/package.json`, dir), 'utf8')).version
  } catch {
    return undefined
  }
}
const stale = Object.entries(lock.packages).filter(([path, entry]) => path && !entry.optional && installed(path) !== entry.version)
if (stale.length > 0) {
  console.log(`test/react18: ${stale.map(([path]) => path.replace(/^node_modules\//, '')).join(', ')} to install (npm ci)`)
  execFileSync('npm', ['ci', '--prefix', 'test/react18', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    cwd: new URL('..', import.meta.url),
  })
}
