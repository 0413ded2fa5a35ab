import "server-only";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../client";
import { apiTokens, users } from "../schema";

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type TokenRole = "planner" | "supervisor" | "admin";

export interface NewApiToken {
  name: string;
  role: TokenRole;
  siteIds: string[];
  tokenHash: string;
  tokenPrefix: string;
  createdBy: string | null;
  expiresAt: Date | null;
}

/**
 * Inserts the token and the service user it acts through, in the caller's transaction.
 * The service user's password hash is not an argon2 hash, so it can never sign in.
 */
export async function insertApiToken(db: Db, token: NewApiToken): Promise<ApiTokenRow> {
  const [user] = await db
    .insert(users)
    .values({ email: `api-token-${token.tokenPrefix.toLowerCase()}-${Date.now().toString(36)}@tokens.invalid`, name: `API token ${token.name}`, role: token.role, passwordHash: "!api-token" })
    .returning({ id: users.id });
  const [row] = await db
    .insert(apiTokens)
    .values({ ...token, serviceUserId: user.id })
    .returning();
  return row;
}

/** The token a hash belongs to, revoked or expired ones too (the caller words the refusal). */
export async function getApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | null> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
  return row ?? null;
}

export async function getApiToken(db: Db, id: string): Promise<ApiTokenRow | null> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
  return row ?? null;
}

/** Every token, newest first, with the email of the admin who created it (null: from the shell). */
export async function listApiTokens(db: Db): Promise<(ApiTokenRow & { createdByEmail: string | null })[]> {
  const rows = await db
    .select({ token: apiTokens, createdByEmail: users.email })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((r) => ({ ...r.token, createdByEmail: r.createdByEmail }));
}

/** Revokes a live token; returns false when it was already revoked (or does not exist). */
export async function revokeApiToken(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/**
 * Marks the token used, unless it was marked less than `minGapMs` ago: the condition in
 * the WHERE makes a burst of parallel requests write at most once.
 */
export async function touchApiToken(db: Db, id: string, at: Date, minGapMs: number): Promise<void> {
  const before = new Date(at.getTime() - minGapMs);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, before))));
}
