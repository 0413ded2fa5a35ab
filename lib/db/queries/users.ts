import "server-only";
import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users, userSiteScopes } from "../schema";

export interface SignInAttempt {
  id: string;
  email: string;
  name: string;
  role: (typeof users.$inferSelect)["role"];
  passwordHash: string;
  /** This attempt's number in the current window, 1-based. */
  attempt: number;
  /** Set when this attempt reached the limit: the account is locked until then unless it succeeds. */
  lockedUntil: Date | null;
  sessionVersion: number;
}

/**
 * Counts a sign-in attempt BEFORE the password is checked, in one UPDATE … RETURNING,
 * so parallel guesses serialize on the row and at most `maxAttempts` are ever checked
 * in a lock window. The attempt that reaches the limit locks the account (and ends its
 * sessions) in the same statement; a correct password on it clears the lock again.
 * Returns null for an unknown email and for a locked account alike.
 */
export async function reserveSignInAttempt(
  db: Db,
  email: string,
  now: Date,
  limits: { maxAttempts: number; lockMinutes: number },
): Promise<SignInAttempt | null> {
  const expired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`;
  const attempt = sql`(case when ${expired} then 0 else ${users.failedLogins} end) + 1`;
  const lockAt = new Date(now.getTime() + limits.lockMinutes * 60_000);
  const [row] = await db
    .update(users)
    .set({
      failedLogins: attempt,
      lockedUntil: sql`case when ${attempt} >= ${limits.maxAttempts} then ${lockAt.toISOString()}::timestamptz else null end`,
      sessionVersion: sql`${users.sessionVersion} + case when ${attempt} >= ${limits.maxAttempts} then 1 else 0 end`,
    })
    .where(and(eq(users.email, email), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      attempt: users.failedLogins,
      lockedUntil: users.lockedUntil,
      sessionVersion: users.sessionVersion,
    });
  return row ?? null;
}

/** A successful sign-in: the count starts again and any lock it reached is lifted. */
export async function recordSuccessfulSignIn(db: Db, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, userId));
}

export async function getUserSiteIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ siteId: userSiteScopes.siteId }).from(userSiteScopes).where(eq(userSiteScopes.userId, userId));
  return rows.map((r) => r.siteId).sort();
}

export async function getSessionVersion(db: Db, userId: string): Promise<number | null> {
  const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.v ?? null;
}

/** Ends every session the user holds; returns the new version (null when no such user). */
export async function bumpSessionVersion(db: Db, userId: string): Promise<number | null> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ v: users.sessionVersion });
  return row?.v ?? null;
}

export async function getUserLock(db: Db, userId: string): Promise<{ email: string; lockedUntil: Date | null; failedLogins: number } | null> {
  const [row] = await db
    .select({ email: users.email, lockedUntil: users.lockedUntil, failedLogins: users.failedLogins })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export async function clearUserLock(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function insertUser(db: Db, user: { email: string; name: string; role: (typeof users.$inferSelect)["role"]; passwordHash: string; siteIds: readonly string[] }): Promise<string> {
  const [row] = await db.insert(users).values({ email: user.email, name: user.name, role: user.role, passwordHash: user.passwordHash }).returning({ id: users.id });
  if (user.siteIds.length) await db.insert(userSiteScopes).values(user.siteIds.map((siteId) => ({ userId: row.id, siteId })));
  return row.id;
}

/** Sign-ins for agents (role agent), each linked to the agent it is. */
export async function insertAgentUsers(db: Db, rows: readonly { email: string; name: string; agentId: string; passwordHash: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(users).values(rows.map((r) => ({ ...r, role: "agent" as const })));
}
