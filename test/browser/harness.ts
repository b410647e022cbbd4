import { screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, expect, inject, vi } from 'vitest'
import type { ConnectHubEvent, GetToken } from '../../src/index.ts'

export const hubOrigin = inject('hubOrigin')
export const hubUrl = (then = 'none', extra = '') => `${hubOrigin}/hub.html?then=${then}${extra}`
export const frames = () => document.querySelectorAll('iframe')

type HubEvent = Extract<ConnectHubEvent, { type: 'hub_event' }>
type Ignored = Extract<ConnectHubEvent, { type: 'message_ignored' }>

/** Callbacks that record what the launcher did, and a getToken that issues distinct tokens. */
export function recorder() {
  const events: ConnectHubEvent[] = []
  const calls: string[] = []
  let issued = 0
  const getToken = vi.fn<GetToken>(async () => `tok_${++issued}_${'x'.repeat(24)}`)
  const callbacks = {
    onEvent: (event: ConnectHubEvent) => events.push(event),
    onSuccess: vi.fn(() => calls.push('success')),
    onCancel: vi.fn(() => calls.push('cancel')),
    onClose: vi.fn(() => calls.push('close')),
    onError: vi.fn(() => calls.push('error')),
  }
  const hubEvent = (name: string) => events.filter((event): event is HubEvent => event.type === 'hub_event' && event.name === name)
  const ignored = (reason?: Ignored['reason']) =>
    events.filter((event): event is Ignored => event.type === 'message_ignored' && (reason === undefined || event.reason === reason))
  return { events, calls, getToken, callbacks, hubEvent, ignored }
}

/**
 * Every test here must leave no React warning, no unhandled rejection, no dialog and no page style behind.
 */
export function guardEachTest(): { consoleError: () => ReturnType<typeof vi.spyOn> } {
  const rejections: unknown[] = []
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason)
  let consoleError: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    rejections.length = 0
    window.addEventListener('unhandledrejection', onRejection)
    consoleError = vi.spyOn(console, 'error')
  })
  afterEach(async () => {
    const { cleanup } = await import('@testing-library/react')
    cleanup()
    // Unhandled rejections are reported after a macrotask; give them one.
    await new Promise((resolve) => setTimeout(resolve, 0))
    window.removeEventListener('unhandledrejection', onRejection)
    expect(rejections).toEqual([])
    expect(consoleError).not.toHaveBeenCalled()
    consoleError.mockRestore()
    expect(document.querySelector('dialog')).toBeNull()
    expect(frames()).toHaveLength(0)
    expect(document.body.style.overflow).toBe('')
  })
  return { consoleError: () => consoleError }
}

/** The launcher's dialog once the hub said ready and has the token. */
export async function openDialog() {
  const dialog = await screen.findByRole('dialog')
  await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'open'))
  return dialog
}
