import "server-only";
import type { Db } from "../../db/client";
import { getUserByEmail, getUserSiteIds, lockUser, recordFailedLogin, recordSuccessfulLogin } from "../../db/queries/users";
import { hashPassword, verifyPassword } from "../../auth/password";
import type { Role } from "../../auth/roles";
import { recordAudit } from "../audit";

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
  const user = await getUserByEmail(db, normalized);
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(await dummyHash, password);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };

  if (!(await verifyPassword(user.passwordHash, password))) {
    // An expired lock starts a fresh count.
    const expiredLock = user.lockedUntil !== null && user.lockedUntil <= now;
    const failedLogins = await recordFailedLogin(db, user.id, expiredLock);
    if (failedLogins >= MAX_FAILED_LOGINS) {
      const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
      await lockUser(db, user.id, lockedUntil);
      await recordAudit(db, { id: null, label: "System" }, { action: "user.locked", entityType: "user", entityId: user.id, details: { email: user.email, lockedUntil: lockedUntil.toISOString() } });
      return { ok: false, reason: "locked", lockedUntil };
    }
    return { ok: false, reason: "invalid" };
  }

  await recordSuccessfulLogin(db, user.id, now);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, siteIds: await getUserSiteIds(db, user.id) } };
}
