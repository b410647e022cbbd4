import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { inject } from 'vitest'
import { type ConsumerApp, noViteApp, react18App, readmeApp } from './apps.ts'

/** The consumer apps that more than one test file uses: the README's Vite app (React 19 and 18.3), an app without Vite. */
const APPS = { react19: readmeApp, react18: react18App, noVite: noViteApp }
export type SharedApp = keyof typeof APPS

/** How long a test file waits for another to finish making an app: npm installs on a loaded machine, not a speed check. */
const HANG_MS = 600_000

/**
 * The consumer app `name`, made from the packed package once per run for every test file that asks for it: the first
 * file to ask takes a lock (an atomic `mkdir`) and installs it; the others, in other workers, wait for its record.
 */
export async function sharedApp(name: SharedApp): Promise<ConsumerApp> {
  const root = inject('consumerAppsRoot')
  const record = join(root, `${name}.json`)
  try {
    await mkdir(join(root, `${name}.lock`))
  } catch {
    return waitForRecord(record, name)
  }
  let app: ConsumerApp | { error: string }
  try {
    app = await APPS[name](join(root, name), inject('packedTarball'))
  } catch (error) {
    app = { error: String(error instanceof Error ? error.stack : error) }
  }
  await writeFile(`${record}.tmp`, JSON.stringify(app))
  await rename(`${record}.tmp`, record)
  if ('error' in app) throw new Error(`react-connect-hub tests: the ${name} app could not be made: ${app.error}`)
  return app
}

/** The record another worker writes (renamed into place whole) once it has made the app. */
async function waitForRecord(record: string, name: string): Promise<ConsumerApp> {
  for (const started = Date.now(); Date.now() - started < HANG_MS; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const text = await readFile(record, 'utf8').catch(() => undefined)
    if (text === undefined) continue
    const app = JSON.parse(text) as ConsumerApp | { error: string }
    if ('error' in app) throw new Error(`react-connect-hub tests: the ${name} app could not be made: ${app.error}`)
    return app
  }
  throw new Error(`react-connect-hub tests: waited ${HANG_MS} ms for another test file to make the ${name} app`)
}
