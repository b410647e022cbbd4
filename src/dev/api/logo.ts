import type { Provider } from '../catalog.ts'

/** A provider's initials on its colour, as an inline SVG: logos without remote images. */
export function logoDataUrl(provider: Pick<Provider, 'initials' | 'color'>): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">` +
    `<rect width="48" height="48" rx="10" fill="${provider.color}"/>` +
    `<text x="24" y="30" text-anchor="middle" font-family="system-ui,sans-serif" font-size="18" font-weight="700" fill="#fff">${provider.initials}</text></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}
