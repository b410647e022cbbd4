import * as z from 'zod/mini'

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema))

/**
 * The 201 body of StackOne's `POST /connect_sessions` (`ConnectSessionTokenAuthLink` in its SDK), read leniently
 * where the SDK is lenient: unknown keys are ignored, `null` counts as absent, categories and type stay open.
 */
export const connectSessionResponseSchema = z.pipe(
  z.object({
    id: z.number(),
    organization_id: z.number(),
    project_id: z.string(),
    origin_owner_id: z.string(),
    origin_owner_name: z.string(),
    origin_username: optional(z.string()),
    provider: optional(z.string()),
    categories: optional(z.array(z.string())),
    account_id: optional(z.string()),
    label: optional(z.string()),
    metadata: optional(z.record(z.string(), z.unknown())),
    type: optional(z.string()),
    token: z.string().check(z.minLength(1)),
    auth_link_url: z.string(),
    external_trigger_token: optional(z.string()),
    created_at: z.iso.datetime({ offset: true }),
  }),
  z.transform((wire) => ({
    id: wire.id,
    organizationId: wire.organization_id,
    projectId: wire.project_id,
    originOwnerId: wire.origin_owner_id,
    originOwnerName: wire.origin_owner_name,
    ...(wire.origin_username != null && { originUsername: wire.origin_username }),
    ...(wire.provider != null && { provider: wire.provider }),
    ...(wire.categories != null && { categories: wire.categories }),
    ...(wire.account_id != null && { accountId: wire.account_id }),
    ...(wire.label != null && { label: wire.label }),
    ...(wire.metadata != null && { metadata: wire.metadata }),
    ...(wire.type != null && { type: wire.type }),
    authLinkUrl: wire.auth_link_url,
    createdAt: wire.created_at,
    token: wire.token,
  })),
)

/**
 * The connect session StackOne created, in camelCase, with no token in it: safe to log. Its `authLinkUrl` is the
 * connect page's address without the token; `createConnectSession` returns the usable link next to the token.
 */
export type ConnectSession = Omit<z.output<typeof connectSessionResponseSchema>, 'token'>

/** `url` with the token taken out: query parameters carrying it are dropped, any other occurrence is replaced. */
export function withoutToken(url: string, token: string): string {
  let link: URL
  try {
    link = new URL(url)
  } catch {
    return url.split(token).join('')
  }
  for (const [name, value] of [...link.searchParams]) if (value.includes(token)) link.searchParams.delete(name, value)
  return link.href.split(token).join('').split(encodeURIComponent(token)).join('')
}
