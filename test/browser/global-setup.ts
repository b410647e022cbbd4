import type { TestProject } from 'vitest/node'

// Servers that the browser tests need on other origins are started here and their URLs provided.
export default async function setup(_project: TestProject) {
  return async () => {}
}
