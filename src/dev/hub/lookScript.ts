import { applyLook } from './look.ts'

// A classic script in the page's <head> (vite.hub.config.ts builds it apart): it blocks the first paint until the
// document has its language, direction and scheme, which the deferred module script would set only after it.
applyLook()
