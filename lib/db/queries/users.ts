import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users, userSiteScopes } from "../schema";

export type UserRow = typeof users.$inferSelect;

export async function getUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user;
}

/** Counts one more failed sign-in (or starts a fresh count after an expired lock); returns the count. */
export async function recordFailedLogin(db: Db, userId: string, restartCount: boolean): Promise<number> {
  const [updated] = await db
    .update(users)
    .set({ failedLogins: restartCount ? 1 : sql`${users.failedLogins} + 1`, lockedUntil: restartCount ? null : users.lockedUntil })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins });
  return updated.failedLogins;
}

export async function lockUser(db: Db, userId: string, lockedUntil: Date): Promise<void> {
  await db.update(users).set({ lockedUntil, failedLogins: 0 }).where(eq(users.id, userId));
}

export async function recordSuccessfulLogin(db: Db, userId: string, at: Date): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where(eq(users.id, userId));
}

export async function getUserSiteIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ siteId: userSiteScopes.siteId }).from(userSiteScopes).where(eq(userSiteScopes.userId, userId));
  return rows.map((r) => r.siteId).sort();
}

export async function insertUser(db: Db, user: { email: string; name: string; role: UserRow["role"]; passwordHash: string; siteIds: readonly string[] }): Promise<string> {
  const [row] = await db.insert(users).values({ email: user.email, name: user.name, role: user.role, passwordHash: user.passwordHash }).returning({ id: users.id });
  if (user.siteIds.length) await db.insert(userSiteScopes).values(user.siteIds.map((siteId) => ({ userId: row.id, siteId })));
  return row.id;
}

/** Sign-ins for agents (role agent), each linked to the agent it is. */
export async function insertAgentUsers(db: Db, rows: readonly { email: string; name: string; agentId: string; passwordHash: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(users).values(rows.map((r) => ({ ...r, role: "agent" as const })));
}
