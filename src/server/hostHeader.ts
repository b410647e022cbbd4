/**
 * A `Host` header (or `X-Forwarded-Host`, `:authority`) as HTTP allows it: a host name or a bracketed IPv6 address, and an
 * optional port. No user info, path or anything else a URL parser would read past (`evil.example@localhost` is not
 * localhost). Group 1 is the host.
 */
export const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::\d{1,5})?$/i
