import { defineConfig } from 'vitest/config'
export default defineConfig({ test: { include: ['test/package/happy-dom.test.ts'], environment: 'node', globalSetup: ['test/package/global-setup.ts'], testTimeout: 300_000, hookTimeout: 600_000 } })
