import type { ParsedAppearance } from '../protocol/appearance.ts'

/** A partial Malachite theme, as `PartialMalachiteTheme` of `@stackone/malachite` describes it. */
export type StackOneTheme = { readonly [token: string]: unknown }

/** What `@stackone/hub`'s `theme` prop takes. */
export type StackOneThemeProp = 'light' | 'dark' | StackOneTheme

/**
 * The themes to hand StackOne's hub, in turn, for the host's appearance. StackOne's `theme` is a scheme (`'light'`,
 * `'dark'`) or a partial theme applied over the scheme it last set: so the scheme goes first (`system` resolved now,
 * with `prefers-color-scheme`), then, with an accent, a theme whose primary colour is the accent. StackOne has no
 * option for its language, its corner radius or its font: those are not passed.
 */
export function stackOneThemes({ colorScheme, accent }: ParsedAppearance): StackOneThemeProp[] {
  const scheme =
    colorScheme === 'system'
      ? typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light'
      : colorScheme
  return accent ? [scheme, { colors: { primary: { background: accent, border: accent, borderHover: accent } } }] : [scheme]
}
