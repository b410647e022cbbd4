import * as z from 'zod'

const optional = <T extends z.ZodType>(schema: T) => z.optional(z.nullable(schema))

/**
 * The 201 body of StackOne's `POST /connect_sessions` (`ConnectSessionTokenAuthLink` in its SDK), read leniently
 * where the SDK is lenient: unknown keys are ignored, `null` counts as absent, categories and type stay open.
 */
export const connectSessionResponseSchema = z
  .object({
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
    token: z.string().min(1),
    auth_link_url: z.string(),
    external_trigger_token: optional(z.string()),
    created_at: z.iso.datetime({ offset: true }),
  })
  .transform((wire) => ({
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
  }))

/** The connect session StackOne created, in camelCase. The token itself is returned next to it, not in it. */
export type ConnectSession = Omit<z.output<typeof connectSessionResponseSchema>, 'token'>
