import "server-only";
import type { Db } from "../../db/client";
import { getApiTokenByHash, touchApiToken, type ApiTokenRow } from "../../db/queries/api-tokens";
import type { CurrentUser } from "../../auth/checks";
import type { Role } from "../../auth/roles";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { hashToken, TOKEN_PREFIX } from "./secret";

/** last_used_at is written at most this often per token: a busy script costs no write per request. */
export const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * How long this process trusts a token row it read. A database round trip per request
 * costs more than the 1 ms the API may spend on authentication (the embedded database
 * takes ~2 ms for `select 1` on a loaded machine), so a known token is checked against the
 * row read at most this long ago. Expiry is still judged on every request from the row;
 * a revoke forgets the token at once in the process that revoked it, and within this
 * window on other instances.
 */
export const TOKEN_CACHE_MS = 10_000;

interface Cached {
  row: ApiTokenRow;
  readAt: number;
}

// On globalThis: route handlers and server actions may be separate module instances in one server.
const globals = globalThis as unknown as { __shiftboardTokenCache?: Map<string, Cached> };
const cache = (globals.__shiftboardTokenCache ??= new Map());

/** Forgets a token this process may hold (a revoke). */
export function forgetApiToken(tokenId: string): void {
  for (const [hash, c] of cache) if (c.row.id === tokenId) cache.delete(hash);
}

export interface TokenCaller {
  user: CurrentUser;
  token: { id: string; name: string };
}

async function loadRow(db: Db, hash: string, now: Date): Promise<ApiTokenRow | null> {
  const hit = cache.get(hash);
  if (hit && now.getTime() - hit.readAt < TOKEN_CACHE_MS && now.getTime() >= hit.readAt) return hit.row;
  const row = await getApiTokenByHash(db, hash);
  if (row && !row.revokedAt) cache.set(hash, { row, readAt: now.getTime() });
  else cache.delete(hash);
  if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
  return row;
}

/**
 * The caller a bearer token stands for: its service user, with the token's role and
 * sites, so the one permissions map and site scope apply unchanged. An unknown, revoked
 * or expired token is UNAUTHENTICATED (401) with the reason; rights are checked after.
 */
export async function authenticateApiToken(db: Db, token: string, now: Date): Promise<TokenCaller> {
  if (!token.startsWith(TOKEN_PREFIX)) throw new AppError("UNAUTHENTICATED", "This is not a Shiftboard API token (they start with sb_).");
  const row = await loadRow(db, hashToken(token), now);
  if (!row) throw new AppError("UNAUTHENTICATED", "Unknown API token.");
  if (row.revokedAt) throw new AppError("UNAUTHENTICATED", `The API token "${row.name}" was revoked on ${row.revokedAt.toISOString()}.`);
  if (row.expiresAt && row.expiresAt <= now) throw new AppError("UNAUTHENTICATED", `The API token "${row.name}" expired on ${row.expiresAt.toISOString()}.`);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    row.lastUsedAt = now;
    // A missed "last used" must not fail the request.
    await touchApiToken(db, row.id, now, LAST_USED_GRANULARITY_MS).catch((err) => logger.warn({ err, token: row.name }, "could not record the token's last use"));
  }
  return {
    user: { id: row.serviceUserId, email: `api-token:${row.name}`, name: row.name, role: row.role as Role, siteIds: [...row.siteIds] },
    token: { id: row.id, name: row.name },
  };
}
