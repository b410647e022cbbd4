// What the launcher needs only once a button is in use, loaded with one import() when it mounts (warm), never
// with the page: the session schema (zod), and the token request, which only ever follows a validated session.
export { parseConnectSessionOptions } from '../session/parse.ts'
export { requestToken } from '../token/requestToken.ts'
