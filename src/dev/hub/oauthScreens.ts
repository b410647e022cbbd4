import type { Integration } from './api.ts'
import { h } from './dom.ts'
import { announce, authBadge, show, tile } from './screens.ts'

/** A button that stays disabled until its connection attempt exists: the click must open the window at once. */
export interface ActionHandle {
  ready(on: boolean): void
}

function actionButton(label: string, onClick: () => void, primary = true): { button: HTMLButtonElement; handle: ActionHandle } {
  const button = h(
    'button',
    { type: 'button', class: primary ? 'primary' : 'ghost', onclick: onClick, disabled: true, 'aria-busy': 'true' },
    label,
  )
  return {
    button,
    handle: {
      ready(on) {
        button.disabled = !on
        button.setAttribute('aria-busy', String(!on))
      },
    },
  }
}

const titleOf = (integration: Integration, text: string) => h('h1', { tabindex: -1 }, tile(integration), text)

/** The provider's screen: what will happen, and the button that opens the provider's window. */
export function showOAuthStart(options: {
  integration: Integration
  mode: 'create' | 'edit'
  guide: string
  onConnect: () => void
  onBack?: (() => void) | undefined
}): ActionHandle {
  const { integration, mode } = options
  const { button, handle } = actionButton(mode === 'edit' ? 'Reconnect' : 'Connect', options.onConnect)
  show('oauth', [
    titleOf(integration, mode === 'edit' ? `Reconnect ${integration.name}` : `Connect ${integration.name}`),
    h(
      'p',
      { class: 'auth-line' },
      authBadge('oauth2'),
      ` You sign in at ${integration.name} and allow access there, in a window of its own. This page never sees your ${integration.name} password.`,
    ),
    mode === 'edit' ? h('p', {}, `The account keeps its settings and its id; only its access to ${integration.name} is renewed.`) : null,
    options.guide ? h('p', { class: 'muted' }, options.guide) : null,
    h(
      'div',
      { class: 'actions' },
      options.onBack ? h('button', { type: 'button', class: 'ghost', onclick: options.onBack }, 'Back') : null,
      button,
    ),
  ])
  return handle
}

export interface WaitingHandle {
  /** The window's handle reads closed: closed by the user, or cut off by the provider's COOP (then it is still open). */
  windowLost(): void
}

/** While the provider's window is open: the way back to it, and Cancel. The page updates by itself. */
export function showOAuthWaiting(options: { integration: Integration; onShowWindow: () => void; onCancel: () => void }): WaitingHandle {
  const { integration } = options
  const text = h('p', {}, `Allow access in the ${integration.name} window to finish. This page updates by itself.`)
  const again = h('button', { type: 'button', class: 'primary', onclick: options.onShowWindow }, `Show the ${integration.name} window`)
  const cancel = h('button', { type: 'button', class: 'ghost', onclick: options.onCancel }, 'Cancel')
  show('oauth-waiting', [
    titleOf(integration, `Waiting for ${integration.name}`),
    h('p', { class: 'spinner', 'aria-hidden': 'true' }),
    text,
    h('div', { class: 'actions' }, cancel, again),
  ])
  announce(`Waiting for ${integration.name}`)
  return {
    windowLost() {
      // Never claims the window is gone: under COOP it reads closed while the user is still on it.
      document.getElementById('hub')?.setAttribute('data-window', 'lost')
      text.textContent = `If the ${integration.name} window is still open, finish there. If you closed it, try again.`
      again.textContent = 'Try again'
    },
  }
}

/** `window.open` gave nothing back: a link opens the same attempt in a new tab, and the page carries on when it is done. */
export function showOAuthBlocked(options: { integration: Integration; url: string; onCancel: () => void }): void {
  const { integration } = options
  const link = h(
    'a',
    { class: 'button primary', href: options.url, target: '_blank', onclick: () => announce(`Waiting for ${integration.name}`) },
    `Open ${integration.name} in a new tab`,
  )
  show(
    'oauth-blocked',
    [
      titleOf(integration, `The ${integration.name} window was blocked`),
      h('p', {}, `Your browser blocked the window in which you sign in to ${integration.name}.`),
      h('p', {}, 'Open it in a new tab instead: this page carries on by itself once you have answered there.'),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'ghost', onclick: options.onCancel }, 'Cancel'), link),
    ],
    link,
  )
  announce(`The ${integration.name} window was blocked`)
}

/** The provider refused (or the attempt expired): why, and Try again, which opens a new window. */
export function showOAuthRetry(options: {
  integration: Integration
  state: 'denied' | 'expired'
  title: string
  text: string
  onRetry: () => void
}): ActionHandle {
  const { button, handle } = actionButton('Try again', options.onRetry)
  show(`oauth-${options.state}`, [
    titleOf(options.integration, options.title),
    h('p', { role: 'alert' }, options.text),
    h('p', { class: 'muted' }, 'Nothing was connected.'),
    h('div', { class: 'actions' }, button),
  ])
  announce(options.title)
  return handle
}
