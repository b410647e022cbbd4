import type { Integration } from './api.ts'
import { h } from './dom.ts'
import { announce, authBadge, show, tile } from './screens.ts'
import { words } from './words/index.ts'

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
  const { button, handle } = actionButton(mode === 'edit' ? words.reconnect : words.connect, options.onConnect)
  show('oauth', [
    titleOf(integration, words.oauth.title[mode](integration.name)),
    h('p', { class: 'auth-line' }, authBadge('oauth2'), ` ${words.oauth.explain(integration.name)}`),
    mode === 'edit' ? h('p', {}, words.oauth.keepsAccount(integration.name)) : null,
    options.guide ? h('p', { class: 'muted' }, options.guide) : null,
    h(
      'div',
      { class: 'actions' },
      options.onBack ? h('button', { type: 'button', class: 'ghost', onclick: options.onBack }, words.back) : null,
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
  const text = h('p', {}, words.oauth.waitingText(integration.name))
  const again = h('button', { type: 'button', class: 'primary', onclick: options.onShowWindow }, words.oauth.showWindow(integration.name))
  const cancel = h('button', { type: 'button', class: 'ghost', onclick: options.onCancel }, words.cancel)
  show('oauth-waiting', [
    titleOf(integration, words.oauth.waitingTitle(integration.name)),
    h('p', { class: 'spinner', 'aria-hidden': 'true' }),
    text,
    h('div', { class: 'actions' }, cancel, again),
  ])
  announce(words.oauth.waitingTitle(integration.name))
  return {
    windowLost() {
      // Never claims the window is gone: under COOP it reads closed while the user is still on it.
      document.getElementById('hub')?.setAttribute('data-window', 'lost')
      text.textContent = words.oauth.windowLost(integration.name)
      again.textContent = words.tryAgain
    },
  }
}

/** `window.open` gave nothing back: a link opens the same attempt in a new tab, and the page carries on when it is done. */
export function showOAuthBlocked(options: { integration: Integration; url: string; onCancel: () => void }): void {
  const { integration } = options
  const link = h(
    'a',
    { class: 'button primary', href: options.url, target: '_blank', onclick: () => announce(words.oauth.waitingTitle(integration.name)) },
    words.oauth.openInTab(integration.name),
  )
  show(
    'oauth-blocked',
    [
      titleOf(integration, words.oauth.blockedTitle(integration.name)),
      h('p', {}, words.oauth.blockedText(integration.name)),
      h('p', {}, words.oauth.blockedHelp),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'ghost', onclick: options.onCancel }, words.cancel), link),
    ],
    link,
  )
  announce(words.oauth.blockedTitle(integration.name))
}

/** The provider refused (with its `reason`), or the attempt expired: why, and Try again, which opens a new window. */
export function showOAuthRetry(options: {
  integration: Integration
  state: 'denied' | 'expired'
  reason?: string | undefined
  onRetry: () => void
}): ActionHandle {
  const { integration } = options
  const denied = options.state === 'denied'
  const title = denied ? words.oauth.deniedTitle(integration.name) : words.oauth.expiredTitle
  const text = denied ? words.oauth.deniedText(integration.name, options.reason) : words.oauth.expiredText(integration.name)
  const { button, handle } = actionButton(words.tryAgain, options.onRetry)
  show(`oauth-${options.state}`, [
    titleOf(integration, title),
    h('p', { role: 'alert' }, text),
    h('p', { class: 'muted' }, words.oauth.nothingConnected),
    h('div', { class: 'actions' }, button),
  ])
  announce(title)
  return handle
}

/** The screen's buttons, while what one of them asked for is under way. */
export function disableActions(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('#screen button')) button.disabled = true
}
