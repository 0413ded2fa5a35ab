import "server-only";
import type { Db } from "../../db/client";
import { getUserSiteIds, recordSuccessfulSignIn, reserveSignInAttempt } from "../../db/queries/users";
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
  /** The session version the new session carries (see users.session_version). */
  sessionVersion: number;
}

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date };

// Hashing a dummy password for unknown emails keeps the response time the same,
// so timing does not tell which emails exist.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a password and keeps the lockout in the database (not process memory), so it
 * holds across dashboard instances: 10 failures lock the account for 15 minutes.
 *
 * The attempt is counted before the slow hash, atomically (see reserveSignInAttempt):
 * 40 parallel guesses check at most 10 passwords. A locked account and an unknown email
 * both answer without checking anything; the caller words them alike.
 */
export async function signInWithPassword(db: Db, email: string, password: string, now: Date): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const attempt = await reserveSignInAttempt(db, normalized, now, { maxAttempts: MAX_FAILED_LOGINS, lockMinutes: LOCKOUT_MINUTES });
  if (!attempt) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(await dummyHash, password);
    return { ok: false, reason: "invalid" };
  }

  if (!(await verifyPassword(attempt.passwordHash, password))) {
    if (attempt.lockedUntil) {
      await recordAudit(db, { id: null, label: "System" }, {
        action: "user.locked",
        entityType: "user",
        entityId: attempt.id,
        details: { email: attempt.email, lockedUntil: attempt.lockedUntil.toISOString() },
      });
      return { ok: false, reason: "locked", lockedUntil: attempt.lockedUntil };
    }
    return { ok: false, reason: "invalid" };
  }

  await recordSuccessfulSignIn(db, attempt.id, now);
  return {
    ok: true,
    user: {
      id: attempt.id,
      email: attempt.email,
      name: attempt.name,
      role: attempt.role,
      siteIds: await getUserSiteIds(db, attempt.id),
      sessionVersion: attempt.sessionVersion,
    },
  };
}
