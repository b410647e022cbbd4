// Zero-specificity defaults (`:where`) so any class of the host's wins; custom properties for theming. The `--_*` ones
// carry the `appearance` option (set on the dialog by look.ts), under the host's `--rch-*`, which still win. Logical
// layout only (flex, `inset`, `text-align: center`): a `dir="rtl"` dialog mirrors.
const CSS = `
:where(.rch-button){font:inherit;font-weight:600;padding:.5em 1em;border:1px solid #0000;border-radius:var(--rch-radius,.5em);background:var(--rch-accent,#4338ca);color:var(--rch-accent-text,#fff);cursor:pointer}
:where(.rch-button):hover{filter:brightness(1.1)}
:where(.rch-button):disabled{cursor:progress;opacity:.7}
:where(.rch-dialog){--_bg:var(--rch-bg,#fff);--_fg:var(--rch-fg,#18181b);--_muted:var(--rch-muted,#52525b);box-sizing:border-box;width:min(var(--rch-width,460px),100vw);height:min(var(--rch-height,680px),100dvh);max-width:100vw;max-height:100dvh;padding:0;border:0;border-radius:var(--_r,var(--rch-radius,.75em));background:var(--_bg);color:var(--_fg);box-shadow:0 24px 64px #0006;overflow:hidden}
:where(.rch-dialog)[open]{display:flex;flex-flow:column}
:where(.rch-dialog)::backdrop{background:var(--rch-backdrop,#0009)}
:where(.rch-header){display:flex;align-items:center;justify-content:space-between;padding:.75em 1em;border-bottom:1px solid #8884}
:where(.rch-title){margin:0;font-size:1em}
:where(.rch-close,.rch-retry){font:inherit;border:0;border-radius:var(--_r,.375em);background:#0000;color:inherit;cursor:pointer}
:where(.rch-close){width:2em;height:2em;padding:0;font-size:1.25em;line-height:1}
:where(.rch-retry){padding:.4em 1em;background:var(--_a);color:var(--rch-accent-text,#fff)}
:where(.rch-root){--_a:var(--rch-accent,#4338ca);font-family:var(--_font)}
:where(.rch-root) button:focus-visible{outline:2px solid var(--_ring,currentColor);outline-offset:2px}
:where(.rch-body){position:relative;flex:1;min-height:var(--rch-inline-min-height,12em)}
:where(.rch-frame){display:block;width:100%;height:100%;border:0}
:where(.rch-inline .rch-frame){height:var(--rch-frame-height,100%)}
:where(.rch-status,.rch-error){position:absolute;inset:0;display:grid;place-content:center;justify-items:center;gap:.75em;padding:1.5em;text-align:center;background:var(--_bg,inherit);color:var(--_muted,inherit)}
:where(.rch-root:not([data-state=loading])) .rch-status,:where(.rch-root:not([data-state=error])) .rch-error{display:none}
:where(.rch-root:not([data-state=open])) .rch-frame{visibility:hidden}
:where(.rch-error) :is(p,button){margin:0;max-width:28em}
:where(.rch-error p){color:var(--_fg,inherit)}
:where(.rch-spinner){width:1.5em;height:1.5em;border:2px solid #8884;border-top-color:var(--_a);border-radius:50%}
@media (prefers-color-scheme:dark){:where(.rch-dialog){--_bg:var(--rch-bg,#18181b);--_fg:var(--rch-fg,#f4f4f5);--_muted:var(--rch-muted,#a1a1aa)}}
@media (prefers-reduced-motion:no-preference){:where(.rch-spinner){animation:rch-spin .8s linear infinite}}
@media (max-width:480px){:where(.rch-dialog){width:100vw;height:100dvh;border-radius:0}}
@keyframes rch-spin{to{transform:rotate(1turn)}}
`

const installed = /* @__PURE__ */ new WeakSet<Document>()

/** Adds the default styles to `doc` once. A constructed sheet needs no inline `<style>` (CSP-friendly). */
export function installStyles(doc: Document = document): void {
  if (installed.has(doc)) return
  installed.add(doc)
  // Engines shipped adoptedStyleSheets together with constructable sheets (replaceSync): one check covers both.
  if ((doc as Partial<Document>).adoptedStyleSheets) {
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
