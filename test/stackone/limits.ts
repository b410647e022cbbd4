/**
 * How long a wait in these tests lasts before it is a hang: a limit, not a speed check. They wait on network round
 * trips to the dev API, on StackOne's 630 KB bundle and on its hub polling an attempt every 2 s, while `npm test` runs
 * other browsers on the same two cores. `expect.element` and `expect.poll` get it from the project's config
 * (vitest.config.ts); `vi.waitFor` has no such setting, so each call passes it.
 */
export const HANG_MS = 30_000
export const HANG = { timeout: HANG_MS }
