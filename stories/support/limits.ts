/**
 * How long a play function waits for what it expects before it calls it a hang: a limit, not a speed check. Stories
 * wait on network round trips, a hub's page loading in its frame and StackOne's 2 s polling, while `npm test` runs the
 * other suites' browsers on the same two cores. Testing Library's `waitFor` and `find*` use it (see preview.tsx).
 */
export const HANG_MS = 30_000
