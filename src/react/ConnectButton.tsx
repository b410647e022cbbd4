import { type ButtonHTMLAttributes, forwardRef, type ReactNode, useCallback, useEffect, useRef } from 'react'
import { installStyles } from '../launcher/styles.ts'
import { type ConnectHubOptions, SETTINGS_KEYS } from '../launcher/types.ts'
import { SESSION_FIELDS } from '../session/fields.ts'
import { useConnectHub } from './useConnectHub.ts'

export type ConnectButtonProps = ConnectHubOptions &
  Omit<ButtonHTMLAttributes<HTMLButtonElement>, keyof ConnectHubOptions | 'children'> & {
    /** The button's content. @default 'Connect' ('Edit connection' when `accountId` is set) */
    children?: ReactNode
  }

const HUB_KEYS = new Set<string>([...SESSION_FIELDS, ...SETTINGS_KEYS])

/**
 * A button that opens the hub. Takes every `useConnectHub` option as a prop, plus any button attribute.
 * Its state is exposed as `data-state` and `aria-busy`.
 */
export const ConnectButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, ConnectButtonProps>(function ConnectButton(props, forwardedRef) {
  const hubOptions: Record<string, unknown> = {}
  const buttonProps: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) (HUB_KEYS.has(key) ? hubOptions : buttonProps)[key] = value
  const { children, className, onClick, onPointerEnter, onFocus, onTouchStart, ...rest } =
    buttonProps as ButtonHTMLAttributes<HTMLButtonElement>

  const slot = useRef<HTMLDivElement>(null)
  // One function for the button's life: a container that changed would drop the hub pre-loaded into it.
  const inSlot = useCallback(() => slot.current, [])
  const inline = props.display === 'inline'
  const prefetch = props.prefetch ?? 'intent'
  const hub = useConnectHub({
    ...(hubOptions as unknown as ConnectHubOptions),
    container: props.container ?? (inline ? inSlot : undefined),
  })

  const button = useRef<HTMLButtonElement | null>(null)
  const ref = useCallback(
    (node: HTMLButtonElement | null) => {
      button.current = node
      if (typeof forwardedRef === 'function') forwardedRef(node)
      else if (forwardedRef) forwardedRef.current = node
    },
    [forwardedRef],
  )

  useEffect(installStyles, [])

  useEffect(() => {
    const node = button.current
    if (prefetch !== 'visible' || !node || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect()
        hub.prefetch()
      }
    })
    observer.observe(node)
    return () => observer.disconnect()
  }, [prefetch, hub.prefetch])

  const intent = prefetch === 'intent' ? hub.prefetch : undefined
  const busy = hub.status === 'fetching-token' || hub.status === 'opening'

  return (
    <>
      <button
        type="button"
        {...rest}
        ref={ref}
        className={className ? `rch-button ${className}` : 'rch-button'}
        data-state={hub.status}
        aria-busy={busy}
        aria-disabled={busy || rest.disabled || undefined}
        aria-expanded={inline ? hub.isOpen : undefined}
        aria-haspopup={inline ? undefined : 'dialog'}
        onClick={(event) => {
          onClick?.(event)
          if (!event.defaultPrevented && !busy) hub.open()
        }}
        onPointerEnter={(event) => {
          onPointerEnter?.(event)
          intent?.()
        }}
        onFocus={(event) => {
          onFocus?.(event)
          intent?.()
        }}
        onTouchStart={(event) => {
          onTouchStart?.(event)
          intent?.()
        }}
      >
        {children ?? (props.accountId ? 'Edit connection' : 'Connect')}
      </button>
      {inline && !props.container ? <div ref={slot} className="rch-slot" /> : null}
    </>
  )
})
