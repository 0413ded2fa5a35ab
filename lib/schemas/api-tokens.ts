import { z } from "zod";
import { safeText } from "./text";

export const TOKEN_ROLES = ["planner", "supervisor", "admin"] as const;
export const MAX_TOKEN_DAYS = 3650;

/**
 * A new API token: a name people recognise, the role it acts as, the sites a supervisor
 * token is limited to, and an optional lifetime in days (none: until revoked).
 */
export const createApiTokenSchema = z
  .strictObject({
    name: safeText().trim().min(1, { error: "Name the token (say what uses it)." }).max(80, { error: "Keep the name under 80 characters." }),
    role: z.enum(TOKEN_ROLES, { error: "Role is planner, supervisor or admin." }),
    siteIds: z.array(safeText().trim().min(1).max(64)).max(100).default([]),
    expiresInDays: z
      .number({ error: "Expiry is a whole number of days." })
      .int({ error: "Expiry is a whole number of days." })
      .min(1, { error: "Expiry is at least 1 day." })
      .max(MAX_TOKEN_DAYS, { error: `Expiry is at most ${MAX_TOKEN_DAYS} days.` })
      .nullable()
      .default(null),
  })
  .refine((t) => t.role !== "supervisor" || t.siteIds.length > 0, { error: "A supervisor token needs at least one site.", path: ["siteIds"] });

export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.strictObject({ tokenId: z.uuid({ error: "Not a token id." }) });
