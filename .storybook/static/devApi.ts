import { createDevApi } from '../../src/dev/api/index.ts'
import { signedSessions } from '../../src/dev/api/sessions.ts'
import { createDevStore } from '../../src/dev/api/store.ts'
import { seedAccounts } from '../../stories/support/seed.ts'

/** The dev API key of a static Storybook: it ships in the page, as everything there does. */
export const STATIC_API_KEY = 'dev_static_storybook'
/** The owner the token route signs every session for, as connectHubDev() does by default. */
export const STATIC_OWNER = { originOwnerId: 'demo-customer', originOwnerName: 'Acme Inc' }
// The story's page mints tokens and the hub page reads them, each in its own worker with its own store: the session
// travels signed inside the token. The secret ships in both pages, so it keeps out a hand-edited token, not a person.
const SIGNING_SECRET = 'react-connect-hub static storybook'

/**
 * The dev session API and the hub endpoints (the Web handler the dev servers mount), answered in this page: `/hub/*`
 * through the page's service worker, the rest called in the page by the host's token route. `hubUrl` is the hub
 * page's address, for `auth_link_url`.
 */
export function staticDevApi(hubUrl: string): (request: Request) => Promise<Response> {
  let sessionId = 0
  return createDevApi({
    store: seedAccounts(createDevStore()),
    apiKey: STATIC_API_KEY,
    now: Date.now,
    hubUrl,
    organizationId: 1,
    projectId: 'dev_project',
    nextSessionId: () => ++sessionId,
    sessions: signedSessions(SIGNING_SECRET),
  })
}
