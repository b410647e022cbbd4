import * as frameHub from '../../../src/hub/frameHub.ts'
import type { LauncherModules } from '../../../src/launcher/deferred.ts'
import * as looks from '../../../src/launcher/look.ts'
import * as run from '../../../src/launcher/run.ts'
import type { Lazy } from '../../../src/lazy.ts'
import * as schema from '../../../src/session/parse.ts'
import * as tokenRequest from '../../../src/token/requestToken.ts'

/** Code a launcher would load lazily, handed over already loaded: `get()` has it at once. */
export const loaded = <M>(module: M): Lazy<M> => ({ load: async () => module, get: () => module })

/** Every module the launcher loads lazily, already loaded: a test settles in microtasks, without the runner's imports. */
export const LOADED_MODULES: LauncherModules = {
  run: loaded(run),
  schema: loaded(schema),
  tokenRequest: loaded(tokenRequest),
  frameHub: loaded(frameHub),
  looks: loaded(looks),
}

// Each language's words are a chunk of their own: those the tests speak are loaded here once, so that a run's look is
// at hand at once as well.
await Promise.all(['en', 'de'].map((locale) => looks.loadLook({ getToken: async () => '', locale })))
