// Zero-specificity defaults (`:where`) so any class of the host's wins; custom properties for theming.
const CSS = `
:where(.rch-button){font:inherit;font-weight:600;padding:.5em 1em;border:1px solid transparent;border-radius:var(--rch-radius,.5em);background:var(--rch-accent,#4338ca);color:var(--rch-accent-text,#fff);cursor:pointer}
:where(.rch-button):hover{filter:brightness(1.1)}
:where(.rch-button):focus-visible{outline:2px solid var(--rch-accent,#4338ca);outline-offset:2px}
:where(.rch-button):disabled{cursor:progress;opacity:.7}
:where(.rch-dialog){--_bg:var(--rch-bg,#fff);--_fg:var(--rch-fg,#18181b);--_muted:var(--rch-muted,#52525b);box-sizing:border-box;width:min(var(--rch-width,460px),100vw);height:min(var(--rch-height,680px),100dvh);max-width:100vw;max-height:100dvh;padding:0;border:0;border-radius:var(--rch-radius,.75em);background:var(--_bg);color:var(--_fg);box-shadow:0 24px 64px rgb(0 0 0/.35);overflow:hidden}
:where(.rch-dialog)[open]{display:flex;flex-direction:column}
:where(.rch-dialog)::backdrop{background:var(--rch-backdrop,rgb(9 9 11/.55))}
:where(.rch-header){display:flex;align-items:center;justify-content:space-between;gap:1em;padding:.75em 1em;border-bottom:1px solid rgb(127 127 127/.25)}
:where(.rch-title){margin:0;font-size:1em;font-weight:600}
:where(.rch-close){display:grid;place-items:center;width:2em;height:2em;padding:0;border:0;border-radius:.375em;background:transparent;color:inherit;font:inherit;font-size:1.25em;line-height:1;cursor:pointer}
:where(.rch-close):hover{background:rgb(127 127 127/.15)}
:where(.rch-close):focus-visible{outline:2px solid var(--rch-accent,#4338ca)}
:where(.rch-body){position:relative;flex:1;min-height:var(--rch-inline-min-height,12em)}
:where(.rch-frame){display:block;width:100%;height:100%;border:0;background:transparent}
:where(.rch-inline .rch-frame){height:var(--rch-frame-height,100%)}
:where(.rch-status),:where(.rch-error){position:absolute;inset:0;display:grid;place-content:center;justify-items:center;gap:.75em;padding:1.5em;text-align:center;background:var(--_bg,inherit);color:var(--_muted,inherit)}
:where(.rch-root:not([data-state=loading])) .rch-status,:where(.rch-root:not([data-state=error])) .rch-error{display:none}
:where(.rch-root:not([data-state=open])) .rch-frame{visibility:hidden}
:where(.rch-error) p{margin:0;max-width:28em;color:var(--_fg,inherit)}
:where(.rch-retry){font:inherit;padding:.4em 1em;border:1px solid currentColor;border-radius:.375em;background:transparent;color:var(--_fg,inherit);cursor:pointer}
:where(.rch-spinner){width:1.5em;height:1.5em;border:2px solid rgb(127 127 127/.3);border-top-color:var(--rch-accent,#4338ca);border-radius:50%}
@media (prefers-color-scheme:dark){:where(.rch-dialog){--_bg:var(--rch-bg,#18181b);--_fg:var(--rch-fg,#f4f4f5);--_muted:var(--rch-muted,#a1a1aa)}}
@media (prefers-reduced-motion:no-preference){:where(.rch-spinner){animation:rch-spin .8s linear infinite}:where(.rch-dialog)[open]{animation:rch-in .15s ease-out}}
@media (max-width:480px){:where(.rch-dialog){width:100vw;height:100dvh;border-radius:0}}
@keyframes rch-spin{to{transform:rotate(1turn)}}
@keyframes rch-in{from{opacity:0;transform:translateY(.5em)}}
`

const installed = /* @__PURE__ */ new WeakSet<Document>()

/** Adds the default styles to `doc` once. A constructed sheet needs no inline `<style>` (CSP-friendly). */
export function installStyles(doc: Document = document): void {
  if (installed.has(doc)) return
  installed.add(doc)
  if ('adoptedStyleSheets' in doc && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(CSS)
    doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets]
    return
  }
  const style = doc.createElement('style')
  style.dataset.connectHub = ''
  style.textContent = CSS
  doc.head.prepend(style)
}
