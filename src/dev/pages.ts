// The small HTML pages of the dev API's OAuth routes and of the simulated provider, as Web `Response`s.
import { randomBase64url } from './tokens.ts'

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

const STYLE = `
:root { color-scheme: light dark; --bg: #f5f6f8; --card: #fff; --fg: #16181d; --muted: #5b6170; --line: #d9dce3; --accent: #1d4ed8; --accent-fg: #fff; --focus: #2563eb }
@media (prefers-color-scheme: dark) { :root { --bg: #0e1014; --card: #15171c; --fg: #eceef2; --muted: #a3a9b6; --line: #343946; --accent: #7aa2ff; --accent-fg: #0b1020; --focus: #9db8ff } }
* { box-sizing: border-box }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif }
main { max-width: 460px; margin: 40px auto; padding: 24px; background: var(--card); border: 1px solid var(--line); border-radius: 12px }
h1 { font-size: 20px; margin: 12px 0 }
.brand { display: flex; align-items: center; gap: 10px; font-weight: 700; margin: 0 }
.tile { display: inline-grid; place-items: center; width: 36px; height: 36px; border-radius: 8px; color: #fff; font-size: 13px; font-weight: 700 }
.muted, .fine { color: var(--muted) }
.fine { font-size: 12px; margin-top: 20px }
ul.scopes { padding-left: 20px }
code { font-size: 13px }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 20px }
button { font: inherit; border-radius: 8px; padding: 8px 18px; cursor: pointer; border: 1px solid var(--line); background: transparent; color: inherit }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); font-weight: 600 }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px }
@media (max-width: 480px) { main { margin: 0; border: 0; border-radius: 0 } }
`

/** A small self-contained page: no remote resources, its style and script allowed by a nonce only. */
export function renderPage(options: { title: string; body: string; css?: string; script?: string }): { html: string; csp: string } {
  const nonce = randomBase64url(16)
  const script = options.script ? `<script nonce="${nonce}">${options.script}</script>` : ''
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(options.title)}</title><style nonce="${nonce}">${STYLE}${options.css ?? ''}</style></head><body><main>${options.body}</main>${script}</body></html>`,
    csp: `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; frame-ancestors 'none'`,
  }
}

/** A page as an answer: never cached, never framed, no referrer for the next site. */
export function pageResponse(status: number, page: { html: string; csp: string }, headers: Record<string, string> = {}): Response {
  return new Response(page.html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': page.csp,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...headers,
    },
  })
}

/** A page that says what went wrong, and nothing of the exception behind it. */
export const errorPage = (status: number, title: string, text: string) =>
  pageResponse(status, renderPage({ title, body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>` }))

// 303: after a form post the browser follows with a GET; never cached, never a referrer for the next site.
export const redirect = (location: string): Response =>
  new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } })

/** A page that says what happened in the window and closes it when the hub needs nothing more from it. */
export function resultPage(options: { title: string; text: string; close: boolean }) {
  return renderPage({
    title: options.title,
    body: `<h1>${escapeHtml(options.title)}</h1><p>${escapeHtml(options.text)}</p>${
      options.close ? '<p class="muted">This window closes itself. If it stays open, close it: the app already has the answer.</p>' : ''
    }`,
    // The app reads the outcome from its API, not from this page: it only has to go away.
    ...(options.close ? { script: 'window.close()' } : {}),
  })
}
