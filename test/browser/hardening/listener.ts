import { waitFor } from '@testing-library/react'
import { expect, onTestFinished, vi } from 'vitest'
import type { GetToken } from '../../../src'

interface Report {
  fixture: 'listener'
  origin: string
  loaded?: true
  message?: unknown
  probe?: number
  received?: unknown[]
}

/**
 * What listener.html (a page that must receive nothing from the launcher) tells the test page: that it loaded, each
 * message that reached it, and its answer to a probe. Listens until the current test ends.
 */
export function listenerReports() {
  const reports: Report[] = []
  const onMessage = (event: MessageEvent) => {
    if ((event.data as Partial<Report> | null)?.fixture === 'listener') reports.push(event.data as Report)
  }
  window.addEventListener('message', onMessage)
  onTestFinished(() => window.removeEventListener('message', onMessage))
  let probes = 0
  return {
    reports,
    loaded: () => reports.find((report) => report.loaded),
    /** Every message that reached the page, as it reported them (a page removed meanwhile reports nothing more). */
    messages: () => reports.filter((report) => 'message' in report).map((report) => report.message),
    /**
     * Everything the page in `frame` received before this probe: the probe leaves the test page after anything the
     * launcher posted, and messages from one window to another arrive in the order they were posted.
     */
    async receivedBefore(frame: HTMLIFrameElement | undefined): Promise<unknown[]> {
      const probe = ++probes
      frame?.contentWindow?.postMessage({ probe }, '*')
      await waitFor(() => expect(reports.some((report) => report.probe === probe)).toBe(true))
      return reports.find((report) => report.probe === probe)?.received ?? []
    },
  }
}

/** A getToken whose answers the test gives, one call at a time. */
export function heldTokens() {
  const answers: ((token: string) => void)[] = []
  const getToken = vi.fn<GetToken>(() => new Promise<string>((resolve) => answers.push(resolve)))
  const answer = async (call: number, token: string) => {
    await waitFor(() => expect(answers).toHaveLength(call))
    answers[call - 1]?.(token)
  }
  return { getToken, answer }
}
