import { HttpError } from './http.ts'
import { handleHubApi } from './hubApi.ts'
import { handleSessionApi, type SessionApiContext } from './sessionApi.ts'
import { errorResponse } from './web.ts'

/**
 * The dev session API (`/connect_sessions`, `/accounts`) and the hub endpoints (`/hub/*`) as one Web handler,
 * `(request: Request) => Promise<Response>`: the dev API server mounts it behind its Host, CORS and OAuth checks, and
 * a static Storybook answers it in the page. Failures are StackOne-shaped error bodies; an unexpected one says only
 * where to look.
 */
export function createDevApi(context: SessionApiContext): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url)
    try {
      context.store.prune()
      const answer = url.pathname.startsWith('/hub/')
        ? await handleHubApi(context, request, url)
        : await handleSessionApi(context, request, url)
      if (answer) return answer
      throw new HttpError(404, `react-connect-hub: no endpoint ${request.method} ${url.pathname}`)
    } catch (error) {
      if (!(error instanceof HttpError)) console.error(error)
      // An unexpected failure is told in the server's output, not to whoever asked.
      const failure = error instanceof HttpError ? error : new HttpError(500, 'react-connect-hub: the dev API failed — see its output')
      return errorResponse(failure, context.now())
    }
  }
}
