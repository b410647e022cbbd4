/**
 * The header in which a hub sends its session token to StackOne's `/hub/*` endpoints (and to the dev API's): one
 * home for the browser (the reference hub, the StackOne adapter) and for Node (the dev API).
 */
export const HUB_TOKEN_HEADER = 'x-hub-session-token'
