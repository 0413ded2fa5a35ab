import "server-only";
import type { Db } from "../../db/client";
import { clearUserLock, getUserLock } from "../../db/queries/users";
import { AppError } from "../../errors";
import { recordAudit, type AuditActor } from "../audit";

/**
 * An admin lifts a sign-in lockout: the failure count starts again and the audit log
 * says who did it and what the lock was. Unlocking an account that is not locked is
 * refused, so the log holds no empty entries.
 */
export async function unlockUser(db: Db, userId: string, actor: AuditActor, now: Date, requestId?: string): Promise<{ email: string }> {
  const lock = await getUserLock(db, userId);
  if (!lock) throw new AppError("NOT_FOUND", "No such user.");
  const locked = lock.lockedUntil !== null && lock.lockedUntil > now;
  if (!locked && lock.failedLogins === 0) throw new AppError("CONFLICT", `${lock.email} is not locked.`);
  await db.transaction(async (tx) => {
    await clearUserLock(tx, userId);
    await recordAudit(
      tx,
      actor,
      {
        action: "user.unlocked",
        entityType: "user",
        entityId: userId,
        details: { email: lock.email, lockedUntil: lock.lockedUntil?.toISOString() ?? null, failedLogins: lock.failedLogins },
      },
      requestId,
    );
  });
  return { email: lock.email };
}
