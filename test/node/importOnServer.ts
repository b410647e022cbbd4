import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const trap = fileURLToPath(new URL('./browser-globals-trap.mjs', import.meta.url))

/**
 * Imports a built entry in a fresh Node process whose window, document and navigator throw when the package's own
 * code reads them (browser-globals-trap.mjs). Resolves with the names it exports, or rejects with what was read.
 */
export function importOnServer(entry: string): Promise<string[]> {
  const url = new URL(`../../dist/${entry}.js`, import.meta.url).href
  const script = `const m = await import(${JSON.stringify(url)}); console.log(JSON.stringify(Object.keys(m)))`
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', trap, '--input-type=module', '-e', script], (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.split('\n').find((line) => line.startsWith('Error: react-connect-hub:')) ?? stderr))
      else resolve(JSON.parse(stdout) as string[])
    })
  })
}
