import { shareDemoDeps } from './deps.ts'

/** The demo's dependencies, optimised once for every demo server of the run. */
export default async function setup() {
  await shareDemoDeps()
}
