'use client'

export type { StackOneHubOptions, StackOneTheme } from './stackOneHub.tsx'
export { STACKONE_INSTALL, stackOneHub } from './stackOneHub.tsx'
