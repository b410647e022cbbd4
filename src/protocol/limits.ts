/**
 * Caps that keep a hostile or buggy peer from pushing large values through the launcher: ids, messages and tokens
 * in characters, `height` in CSS pixels, `event.data` and `init.session` in characters of their JSON text.
 */
export const LIMITS = { id: 256, text: 2000, token: 8192, height: 100_000, data: 16_384 } as const
