import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { users, userSiteScopes } from "../db/schema";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Role } from "../auth/roles";
import { recordAudit } from "./audit";

export const MAX_FAILED_LOGINS = 10;
export const LOCKOUT_MINUTES = 15;

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  siteIds: string[];
}

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date };

// Hashing a dummy password for unknown emails keeps the response time the same,
// so timing does not tell which emails exist.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a password and keeps the lockout in the database (not process memory), so
 * it holds across dashboard instances: 10 failures lock the account for 15 minutes.
 */
export async function signInWithPassword(db: Db, email: string, password: string, now: Date): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, normalized)).limit(1);
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(await dummyHash, password);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };

  if (!(await verifyPassword(user.passwordHash, password))) {
    // An expired lock starts a fresh count.
    const expiredLock = user.lockedUntil !== null && user.lockedUntil <= now;
    const [updated] = await db
      .update(users)
      .set({
        failedLogins: expiredLock ? 1 : sql`${users.failedLogins} + 1`,
        lockedUntil: expiredLock ? null : users.lockedUntil,
      })
      .where(eq(users.id, user.id))
      .returning({ failedLogins: users.failedLogins });
    if (updated.failedLogins >= MAX_FAILED_LOGINS) {
      const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
      await db.update(users).set({ lockedUntil, failedLogins: 0 }).where(eq(users.id, user.id));
      await recordAudit(db, {
        actor: { id: null, label: "System" },
        action: "user.locked",
        entityType: "user",
        entityId: user.id,
        details: { email: user.email, lockedUntil: lockedUntil.toISOString() },
      });
      return { ok: false, reason: "locked", lockedUntil };
    }
    return { ok: false, reason: "invalid" };
  }

  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
  const scopes = await db.select({ siteId: userSiteScopes.siteId }).from(userSiteScopes).where(eq(userSiteScopes.userId, user.id));
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, siteIds: scopes.map((s) => s.siteId).sort() },
  };
}
