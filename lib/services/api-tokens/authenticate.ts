import "server-only";
import type { Db } from "../../db/client";
import { getApiTokenByHash, touchApiToken } from "../../db/queries/api-tokens";
import type { CurrentUser } from "../../auth/checks";
import type { Role } from "../../auth/roles";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { hashToken, TOKEN_PREFIX } from "./secret";

/** last_used_at is written at most this often per token: a busy script costs no write per request. */
export const LAST_USED_GRANULARITY_MS = 60_000;

export interface TokenCaller {
  user: CurrentUser;
  token: { id: string; name: string };
}

/**
 * The caller a bearer token stands for: its service user, with the token's role and
 * sites, so the one permissions map and site scope apply unchanged. An unknown, revoked
 * or expired token is UNAUTHENTICATED (401) with the reason; rights are checked after.
 */
export async function authenticateApiToken(db: Db, token: string, now: Date): Promise<TokenCaller> {
  if (!token.startsWith(TOKEN_PREFIX)) throw new AppError("UNAUTHENTICATED", "This is not a Shiftboard API token (they start with sb_).");
  const row = await getApiTokenByHash(db, hashToken(token));
  if (!row) throw new AppError("UNAUTHENTICATED", "Unknown API token.");
  if (row.revokedAt) throw new AppError("UNAUTHENTICATED", `The API token "${row.name}" was revoked on ${row.revokedAt.toISOString()}.`);
  if (row.expiresAt && row.expiresAt <= now) throw new AppError("UNAUTHENTICATED", `The API token "${row.name}" expired on ${row.expiresAt.toISOString()}.`);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    // Not awaited into the answer's path on failure: a missed "last used" must not fail the request.
    await touchApiToken(db, row.id, now, LAST_USED_GRANULARITY_MS).catch((err) => logger.warn({ err, token: row.name }, "could not record the token's last use"));
  }
  return {
    user: { id: row.serviceUserId, email: `api-token:${row.name}`, name: row.name, role: row.role as Role, siteIds: [...row.siteIds] },
    token: { id: row.id, name: row.name },
  };
}
