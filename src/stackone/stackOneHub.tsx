import { type ComponentType, useEffect, useLayoutEffect, useState } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { ConnectHubError } from '../errors.ts'
import type { HubFactory } from '../hub/types.ts'
import type { NormalizedConnectSessionOptions } from '../session/schema.ts'
import { type ExpiryWatch, watchExpiry } from './expiry.ts'
import { type StackOneTheme, type StackOneThemeProp, stackOneThemes } from './theme.ts'

export type { StackOneTheme }

/** Options of `stackOneHub`: what StackOne's `<StackOneHub>` takes besides the token and the callbacks. */
export interface StackOneHubOptions {
  /**
   * StackOne's API: where the hub reads the session and the catalog and saves accounts. For local
   * development, `startDevHub().apiUrl` from `react-connect-hub/dev`.
   * @default 'https://api.stackone.com'
   */
  baseUrl?: string | undefined
  /**
   * StackOne's dashboard, where OAuth providers redirect back to (`{appUrl}/embedded/accounts/callback`). For local
   * development, `startDevHub().appUrl` (or `appUrl` from `virtual:connect-hub-dev`): the dev API serves that page.
   * @default 'https://app.stackone.com'
   */
  appUrl?: string | undefined
  /**
   * `'light'`, `'dark'` or a partial Malachite theme. StackOne applies it to the whole document
   * (custom properties and `data-theme` on `<html>`), not only to the hub.
   * @default the button's `appearance`: its `colorScheme` (`system` resolved when the hub opens), and its `accent` as
   * StackOne's primary colour
   */
  theme?: 'light' | 'dark' | StackOneTheme | undefined
  /**
   * The hub's CSS height.
   * @default '100%' in a modal (the dialog's height), '500px' inline
   */
  height?: string | undefined
  /**
   * StackOne's footer links (privacy policy, terms).
   * @default true
   */
  showFooterLinks?: boolean | undefined
  /**
   * StackOne's debug logging, to the console.
   * @default false
   */
  debug?: boolean | undefined
}

interface StackOneHubProps {
  token: string
  baseUrl: string
  appUrl?: string
  height: string
  theme?: 'light' | 'dark' | StackOneTheme
  accountId?: string
  showFooterLinks?: boolean
  debug?: boolean
  onSuccess(account: { id: string; provider: string }): void
  onClose(): void
}

type StackOneHubComponent = ComponentType<StackOneHubProps>

const DEFAULT_BASE_URL = 'https://api.stackone.com'

/** The command that installs StackOne's hub and the peers it needs. */
export const STACKONE_INSTALL = 'npm install @stackone/hub react-hook-form@7.60.0 @hookform/resolvers zod@^4'

let loading: Promise<StackOneHubComponent> | undefined

/** Loads `@stackone/hub` once per page, on first use; a failed load is tried again next time. */
function loadStackOneHub(): Promise<StackOneHubComponent> {
  loading ??= import('@stackone/hub')
    .then((module) => {
      if (typeof module.StackOneHub !== 'function') throw new TypeError('@stackone/hub has no StackOneHub component')
      return module.StackOneHub as unknown as StackOneHubComponent
    })
    .catch((error: unknown) => {
      loading = undefined
      throw new ConnectHubError('hub_unavailable', `@stackone/hub could not be loaded — install it and its peers: ${STACKONE_INSTALL}`, {
        cause: error,
      })
    })
  return loading
}

function Mounted({
  Hub,
  props,
  themes,
  onMounted,
}: {
  Hub: StackOneHubComponent
  props: StackOneHubProps
  themes: StackOneThemeProp[]
  onMounted(): void
}) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per mount; a new token is a new mount
  useLayoutEffect(() => onMounted(), [])
  // StackOne applies a theme in an effect, a partial one over the scheme it set last: the next theme goes in once its
  // effect ran (a child's effects run before its parent's).
  const [step, setStep] = useState(0)
  useEffect(() => {
    if (step < themes.length - 1) setStep(step + 1)
  }, [step, themes])
  const theme = themes[step]
  return <Hub {...props} {...(theme !== undefined ? { theme } : {})} />
}

/**
 * StackOne's own hub (`@stackone/hub`), rendered in the launcher's dialog: pass it as `hub` to
 * `useConnectHub` or `<ConnectButton>`. `@stackone/hub` is loaded with a dynamic `import()` when the hub
 * is first prefetched or opened, never with the page.
 */
export function stackOneHub(options: StackOneHubOptions = {}): HubFactory {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  return ({ display, container, callbacks, title, appearance }) => {
    const themes = options.theme !== undefined ? [options.theme] : stackOneThemes(appearance)
    const frame = document.createElement('div')
    frame.className = 'rch-frame rch-stackone'
    frame.setAttribute('role', 'group')
    frame.setAttribute('aria-label', title)
    frame.tabIndex = -1
    container.append(frame)

    let Hub: StackOneHubComponent | undefined
    let root: Root | undefined
    let token: string | undefined
    let session: NormalizedConnectSessionOptions | undefined
    let mounts = 0
    let ready = false
    let awaitingToken = false
    let destroyed = false
    let watch: ExpiryWatch | undefined
    let resize: ResizeObserver | undefined

    const expired = () => {
      if (destroyed || awaitingToken) return
      awaitingToken = true
      callbacks.tokenExpired()
    }

    const onMounted = () => {
      if (destroyed) return
      // A token may be dead on arrival (revoked, or cached too long by the host): the hub would show an empty screen.
      watch?.check()
      if (display === 'inline' && !resize && frame.firstElementChild) {
        resize = new ResizeObserver(([entry]) => entry && callbacks.resize(entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height))
        resize.observe(frame.firstElementChild)
      }
      if (!ready) {
        ready = true
        callbacks.ready()
      }
    }

    const render = () => {
      if (destroyed || !Hub || token === undefined || !session) return
      root ??= createRoot(frame)
      watch ??= watchExpiry({ baseUrl, element: frame, token: () => token ?? '', onExpired: expired })
      const mode = session.accountId !== undefined ? 'edit' : 'create'
      const sent = token
      const props: StackOneHubProps = {
        token: sent,
        baseUrl,
        height: options.height ?? (display === 'modal' ? '100%' : '500px'),
        ...(options.appUrl !== undefined ? { appUrl: options.appUrl } : {}),
        ...(session.accountId !== undefined ? { accountId: session.accountId } : {}),
        ...(options.showFooterLinks !== undefined ? { showFooterLinks: options.showFooterLinks } : {}),
        ...(options.debug !== undefined ? { debug: options.debug } : {}),
        onSuccess: ({ id, provider }) => {
          if (destroyed || awaitingToken || sent !== token) return
          if (mode === 'create') return callbacks.success({ id, provider }, mode)
          // On a 401 StackOne's component still reports an edit as saved: make sure the token was accepted.
          watch?.check().then((result) => {
            if (!destroyed && !awaitingToken && sent === token && result !== 'expired') callbacks.success({ id, provider }, mode)
          })
        },
        onClose: () => {
          if (!destroyed) callbacks.cancel()
        },
      }
      // A new token is a new mount: StackOne's component keeps its data cached under keys without the token.
      root.render(<Mounted key={++mounts} Hub={Hub} props={props} themes={themes} onMounted={onMounted} />)
    }

    loadStackOneHub().then(
      (component) => {
        Hub = component
        render()
      },
      (error: ConnectHubError) => {
        if (!destroyed) callbacks.error(error)
      },
    )

    return {
      start(nextToken, nextSession) {
        token = nextToken
        session = nextSession
        render()
      },
      refresh(nextToken) {
        token = nextToken
        awaitingToken = false
        render()
      },
      focus() {
        frame.focus()
      },
      destroy() {
        if (destroyed) return
        destroyed = true
        watch?.stop()
        resize?.disconnect()
        frame.remove()
        const mounted = root
        // The launcher may close from inside StackOne's own callback: unmount once that callback returned.
        if (mounted) queueMicrotask(() => mounted.unmount())
      },
    }
  }
}
