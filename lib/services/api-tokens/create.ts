import "server-only";
import type { Db } from "../../db/client";
import { insertApiToken } from "../../db/queries/api-tokens";
import { getSites } from "../../db/queries/reference";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { AppError } from "../../errors";
import { createApiTokenSchema, type CreateApiTokenInput } from "../../schemas/api-tokens";
import type { CreatedApiToken } from "../../types/api-tokens";
import { recordAudit } from "../audit";
import { newToken } from "./secret";
import { toTokenView } from "./view";

/** Who mints: an admin in Settings, or whoever runs `npm run api:token` on the server. */
export type TokenMinter = { user: CurrentUser } | { shell: true };

/**
 * Mints a service token and returns it once; only its SHA-256 is stored. A supervisor
 * token carries its sites (each must exist); planner and admin tokens reach every site
 * as those roles do, so sites given for them are dropped. Audited.
 */
export async function createApiToken(db: Db, by: TokenMinter, input: CreateApiTokenInput, now: Date, requestId?: string): Promise<CreatedApiToken> {
  const user = "user" in by ? assertCan(by.user, "api.tokens.manage") : null;
  const parsed = createApiTokenSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("VALIDATION", issues.map((i) => `${i.path || "input"}: ${i.message}`).join("; "), { issues });
  }
  const t = parsed.data;
  const siteIds = t.role === "supervisor" ? [...new Set(t.siteIds)].sort() : [];
  if (siteIds.length) {
    const known = new Set((await getSites(db)).map((s) => s.id));
    const unknown = siteIds.filter((s) => !known.has(s));
    if (unknown.length) throw new AppError("VALIDATION", `Unknown site${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}.`, { field: "siteIds" });
  }
  const secret = newToken();
  const expiresAt = t.expiresInDays === null ? null : new Date(now.getTime() + t.expiresInDays * 86_400_000);
  const row = await db.transaction(async (tx) => {
    const inserted = await insertApiToken(tx, { name: t.name, role: t.role, siteIds, tokenHash: secret.hash, tokenPrefix: secret.prefix, createdBy: user?.id ?? null, expiresAt });
    await recordAudit(
      tx,
      user ? { id: user.id, label: user.email } : { id: null, label: "Shell (npm run api:token)" },
      {
        action: "api_token.created",
        entityType: "api_token",
        entityId: inserted.id,
        details: { name: t.name, role: t.role, siteIds, prefix: secret.prefix, expiresAt: expiresAt?.toISOString() ?? null, via: user ? "settings" : "shell" },
      },
      requestId,
    );
    return inserted;
  });
  return { token: secret.token, view: toTokenView(row, now, user?.email ?? null) };
}
