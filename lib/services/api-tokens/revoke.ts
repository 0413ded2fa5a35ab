import "server-only";
import type { Db } from "../../db/client";
import { getApiToken, revokeApiToken as revokeRow } from "../../db/queries/api-tokens";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { forgetApiToken } from "./authenticate";

/**
 * Revokes a token: its next request to this process is refused with 401 at once, and on
 * other instances once their short-lived copy of the token row lapses (TOKEN_CACHE_MS). Revoking twice is refused so the log holds no
 * empty entries. Audited.
 */
export async function revokeApiToken(db: Db, user: CurrentUser, tokenId: string, now: Date, requestId?: string): Promise<{ name: string }> {
  assertCan(user, "api.tokens.manage");
  const token = await getApiToken(db, tokenId);
  if (!token) throw new AppError("NOT_FOUND", "No such API token.");
  await db.transaction(async (tx) => {
    if (!(await revokeRow(tx, tokenId, now))) throw new AppError("CONFLICT", `The token "${token.name}" is already revoked.`);
    await recordAudit(tx, { id: user.id, label: user.email }, { action: "api_token.revoked", entityType: "api_token", entityId: tokenId, details: { name: token.name, prefix: token.tokenPrefix } }, requestId);
  });
  forgetApiToken(tokenId);
  return { name: token.name };
}
