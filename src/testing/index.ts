'use client'

export type { ConnectHubTestProviderProps } from './ConnectHubTestProvider.tsx'
export { ConnectHubTestProvider } from './ConnectHubTestProvider.tsx'
export type { TestProvider } from './providers.ts'
export { TEST_PROVIDERS } from './providers.ts'
export type { TestHub, TestHubOptions } from './testHub.ts'
export { createTestHub } from './testHub.ts'
