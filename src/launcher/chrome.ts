import type { ConnectHubError } from '../errors.ts'
import type { HubDisplay } from '../protocol/messages.ts'
import type { ResolvedLabels } from './labels.ts'
import type { Look } from './look.ts'
import { installStyles } from './styles.ts'

export type ChromeState = 'loading' | 'open' | 'error'

export interface ChromeOptions {
  display: HubDisplay
  /** Where an inline hub goes. */
  container: HTMLElement | undefined
  /** The English words shown until `look` is at hand (a click before its language loaded). */
  labels: ResolvedLabels
  /** The run's words in its language, its direction and the host's appearance. */
  look: Look | Promise<Look>
  className: string | undefined
  /** Whether the error state shows the developer's message too, under the end user's. */
  showErrorDetails: boolean | undefined
  onDismiss(): void
  onRetry(): void
}

let ids = 0

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

/**
 * The launcher's own frame around a hub: a native modal `<dialog>` (top layer, inert page, Escape) or
 * an inline box, with a loading state, an error state with Retry and a close control.
 */
export function createChrome({ display, container, labels, look, className, showErrorDetails, onDismiss, onRetry }: ChromeOptions) {
  installStyles()
  const modal = display === 'modal'
  // Typed as the dialog it is when modal; every dialog-only member below is used behind `modal`.
  const root = (modal ? element('dialog', 'rch-root rch-dialog') : element('div', 'rch-root rch-inline')) as HTMLDialogElement
  if (className) root.classList.add(...className.split(/\s+/).filter(Boolean))
  root.dataset.state = 'loading'
  root.setAttribute('aria-busy', 'true')

  const titleId = `rch-title-${++ids}`
  let close: HTMLButtonElement | undefined
  const body = element('div', 'rch-body')
  const status = element('div', 'rch-status')
  status.setAttribute('role', 'status')
  status.append(element('div', 'rch-spinner'), element('span', '', labels.loading))
  // The error's words (look.ts) go in above Retry when an error shows.
  const errorBox = element('div', 'rch-error')
  errorBox.setAttribute('role', 'alert')
  const retry = element('button', 'rch-retry', labels.retry)
  retry.type = 'button'
  retry.addEventListener('click', onRetry)
  errorBox.append(retry)
  body.append(status, errorBox)

  if (modal) {
    const header = element('div', 'rch-header')
    const title = element('h2', 'rch-title', labels.title)
    title.id = titleId
    close = element('button', 'rch-close', '×')
    close.type = 'button'
    close.setAttribute('aria-label', labels.close)
    close.addEventListener('click', onDismiss)
    header.append(title, close)
    root.setAttribute('aria-labelledby', titleId)
    root.append(header, body)
    // Escape: keep the launcher in charge of closing, so callbacks, focus and overflow stay in step.
    root.addEventListener('cancel', (event) => {
      event.preventDefault()
      onDismiss()
    })
    document.body.append(root)
  } else {
    root.setAttribute('role', 'region')
    root.setAttribute('aria-label', labels.title)
    root.hidden = true
    root.append(body)
    ;(container ?? document.body).append(root)
  }
  const looked = Promise.resolve(look)
  if (look instanceof Promise)
    look.then(
      (ready) => ready.dress(root),
      () => {},
    )
  else look.dress(root)

  let overflow: string | undefined
  let focusBack: HTMLElement | undefined
  let failure: ConnectHubError | undefined
  // Escape, taken by the launcher wherever the focus is on the page: engines that turn it into no `cancel` (happy-dom,
  // jsdom) close the dialog as browsers do, and a browser sends no `cancel` after a key the page handled.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    onDismiss()
  }

  return {
    /** Where the hub renders; never moved once the hub started loading. */
    body,
    root,
    show() {
      const active = document.activeElement
      focusBack = active instanceof HTMLElement && active !== document.body ? active : undefined
      if (modal) {
        overflow = document.body.style.overflow
        document.body.style.overflow = 'hidden'
        document.addEventListener('keydown', onKey)
        if (root.showModal) root.showModal()
        else {
          // No showModal (jsdom, old engines): an open dialog said to be modal, the first focus handled here.
          root.setAttribute('aria-modal', 'true')
          root.open = true
          close?.focus()
        }
      } else {
        root.hidden = false
      }
      // A failure before the dialog showed (a hubUrl refused at once): Retry takes the focus, as it does later.
      if (root.dataset.state === 'error') retry.focus()
    },
    get shown() {
      return modal ? root.open : !root.hidden
    },
    /** Shows `state`; with the `error` of the error state, its end user's text (and its detail, on request). */
    setState(state: ChromeState, error?: ConnectHubError) {
      if (root.dataset.state === state && failure === error) return
      failure = error
      root.dataset.state = state
      root.setAttribute('aria-busy', String(state === 'loading'))
      // The words load when a button mounts, apart from the page's code (an error that came first waits for them, and
      // errors described in turn leave the last one's words).
      if (error)
        looked.then(
          (ready) => ready.describe(error, errorBox, showErrorDetails),
          () => {},
        )
      if (state === 'error' && this.shown) retry.focus()
    },
    setHeight(height: number) {
      root.style.setProperty('--rch-frame-height', `${Math.ceil(height)}px`)
    },
    destroy() {
      const wasShown = this.shown
      // jsdom's dialog has no close(): removing it closes it there.
      if (modal && root.open) root.close?.()
      document.removeEventListener('keydown', onKey)
      if (overflow !== undefined) document.body.style.overflow = overflow
      overflow = undefined
      root.remove()
      if (wasShown && focusBack?.isConnected) focusBack.focus()
    },
  }
}

export type Chrome = ReturnType<typeof createChrome>
