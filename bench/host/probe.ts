/** What the host page records for the benchmark driver, read through `window.bench`. */

export type Strategy = 'serial' | 'parallel' | 'prefetched'

/** A launcher event, or the same milestone marked by the serial host. */
export interface Mark {
  type: string
  timestamp: number
}

/** A resource the page loaded: the hub's document (an iframe) or the token request, in epoch ms. */
export interface Resource {
  name: string
  initiatorType: string
  startAt: number
  endAt: number
}

export interface Probe {
  strategy: Strategy
  mounted: boolean
  /** Epoch ms of the trusted click on the trigger (`performance.timeOrigin + event.timeStamp`). */
  clickAt: number | undefined
  /** Epoch ms at which the page's first click listener ran: input delay = handlerAt − clickAt. */
  handlerAt: number | undefined
  /** Epoch ms of the first frame rendered after the dialog got `open` (rAF, then a task after it). */
  visibleAt: number | undefined
  /** Epoch ms of the first frame rendered with StackOne's catalog in the page (shown or, when prefetched, still hidden). */
  catalogAt: number | undefined
  marks: Mark[]
  resources: Resource[]
  /** Commits seen by the `<Profiler>` around the whole host tree (the button included). */
  rootCommits: number
  /** Commits seen by the `<Profiler>` around the button alone. */
  buttonCommits: number
  /** Commits in which the host's own component rendered. */
  hostRenders: number
  /** Records a milestone; the launcher's `onEvent` feeds its events here. */
  mark(type: string, timestamp?: number): void
  resetCounts(): void
  /** Resolves once the prefetch finished: token received and hub ready, before any click. */
  prefetched(): Promise<void>
  /** Resolves once the click showed the dialog and the hub is usable. */
  opened(): Promise<void>
  /** Resolves on the launcher's `success` event. */
  succeeded(): Promise<void>
  /** Resolves once the click showed the dialog with StackOne's catalog in it. */
  usable(): Promise<void>
  /** Resolves on the launcher's `close` event. */
  closed(): Promise<void>
  /** Resolves once the resource timings of the hub document and the token request arrived (an iframe's comes after its load). */
  loaded(): Promise<void>
}

declare global {
  interface Window {
    bench: Probe
  }
}

export const now = () => performance.timeOrigin + performance.now()

export function createProbe(strategy: Strategy): Probe {
  const waiters = new Set<() => void>()
  const changed = () => {
    for (const waiter of waiters) waiter()
  }
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!done()) return
        waiters.delete(check)
        resolve()
      }
      waiters.add(check)
      check()
    })
  const has = (type: string) => probe.marks.some((mark) => mark.type === type)

  const probe: Probe = {
    strategy,
    mounted: false,
    clickAt: undefined,
    handlerAt: undefined,
    visibleAt: undefined,
    catalogAt: undefined,
    marks: [],
    resources: [],
    rootCommits: 0,
    buttonCommits: 0,
    hostRenders: 0,
    mark(type, timestamp = now()) {
      probe.marks.push({ type, timestamp })
      changed()
    },
    resetCounts() {
      probe.rootCommits = 0
      probe.buttonCommits = 0
      probe.hostRenders = 0
    },
    prefetched: () => until(() => has('token_received') && has('hub_ready')),
    opened: () => until(() => probe.visibleAt !== undefined && has('hub_opened') && has('token_received') && has('hub_ready')),
    succeeded: () => until(() => has('success')),
    usable: () => until(() => probe.visibleAt !== undefined && has('hub_opened') && probe.catalogAt !== undefined),
    closed: () => until(() => has('close')),
    loaded: () =>
      until(
        () =>
          probe.resources.some((resource) => resource.initiatorType === 'iframe') &&
          probe.resources.some((resource) => resource.name.endsWith('/api/connect-session')),
      ),
  }

  window.addEventListener(
    'click',
    (event) => {
      if (event.isTrusted && event.target instanceof Element && event.target.closest('#connect')) {
        probe.clickAt = performance.timeOrigin + event.timeStamp
        probe.handlerAt = now()
        changed()
      }
    },
    true,
  )

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      const { name, initiatorType, startTime, responseEnd } = entry
      probe.resources.push({
        name,
        initiatorType,
        startAt: performance.timeOrigin + startTime,
        endAt: performance.timeOrigin + responseEnd,
      })
    }
    changed()
  }).observe({ type: 'resource', buffered: true })

  // A task queued from requestAnimationFrame runs after that frame was rendered: the dialog is on screen.
  const afterNextFrame = (then: () => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        then()
        changed()
      }
      channel.port2.postMessage(null)
    })
  new MutationObserver(() => {
    if (probe.clickAt === undefined || probe.visibleAt !== undefined || !document.querySelector('dialog[open]')) return
    afterNextFrame(() => {
      probe.visibleAt ??= now()
    })
  }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['open'] })
  // StackOne's hub is usable once its catalog is rendered: the session's first integration is a button in it. The
  // component renders inside a shadow root, out of a MutationObserver's sight: look in every frame once it is mounted.
  const hasCatalog = (root: ParentNode): boolean =>
    [...root.querySelectorAll('*')].some(
      (element) =>
        (element.shadowRoot && hasCatalog(element.shadowRoot)) ||
        (element.tagName === 'BUTTON' && element.textContent?.includes('BambooHR')),
    )
  const lookForCatalog = () => {
    const frame = document.querySelector('.rch-stackone')
    if (frame && hasCatalog(frame)) {
      // Found in this frame's callback: the frame that renders it is about to be painted.
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        probe.catalogAt ??= now()
        changed()
      }
      channel.port2.postMessage(null)
    } else {
      requestAnimationFrame(lookForCatalog)
    }
  }
  const mounted = new MutationObserver(() => {
    if (!document.querySelector('.rch-stackone')) return
    mounted.disconnect()
    requestAnimationFrame(lookForCatalog)
  })
  mounted.observe(document.documentElement, { subtree: true, childList: true })

  return probe
}
