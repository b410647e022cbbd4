/** The languages the reference hub speaks; a host's `locale` picks the closest (`de-CH` → `de`), else English. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'ja', 'ar'] as const

export type Language = (typeof LANGUAGES)[number]
