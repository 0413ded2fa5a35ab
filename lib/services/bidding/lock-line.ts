import "server-only";
import type { CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { commitLock, getScope, listBids, listLines, upsertBid, upsertLock } from "../../db/queries/bidding";
import { ineligibility, lockReleaseAt, lockStatus, scopeWindow } from "../../domain/bidding";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { actorOf, loadReference, requireOwnAgentId } from "./context";
import { assertWindowOpen } from "./save-bid";

/**
 * An agent locks one line (one slot of it) for the scope's lock duration, or commits the
 * lock they hold. A lock that is not committed stops holding at its expiry, and every lock
 * is released at the wave's end, so a lock can never block anyone for good.
 */
export async function lockLine(db: Db, user: CurrentUser, input: { scopeId: string; lineId: string; commit: boolean }, now: number, requestId?: string): Promise<{ expiresAt: number; committed: boolean }> {
  const agentId = await requireOwnAgentId(db, user);
  const scope = await getScope(db, input.scopeId);
  if (!scope) throw new AppError("NOT_FOUND", `No bid scope ${input.scopeId}.`);
  assertWindowOpen(scope, now);
  const { closesAt } = scopeWindow(scope);
  const bids = await listBids(db, [scope.id]);
  const mine = bids.find((b) => b.agentId === agentId);
  const actor = actorOf(user);
  if (input.commit) {
    if (!mine?.lock || mine.lock.lineId !== input.lineId) throw new AppError("CONFLICT", "You hold no lock on this line to commit.");
    if (lockStatus(mine.lock, scope, closesAt, now) !== "held") throw new AppError("CONFLICT", "Your lock on this line has expired; lock it again to commit.");
    await db.transaction(async (tx) => {
      await commitLock(tx, scope.id, agentId, now);
      await recordAudit(tx, actor, { action: "bid_lock.committed", entityType: "bid", entityId: `${scope.id}:${agentId}`, details: { lineId: input.lineId } }, requestId);
    });
    return { expiresAt: mine.lockExpiresAt ?? now, committed: true };
  }
  const ref = await loadReference(db, { agentIds: [agentId] });
  const [line] = await listLines(db, { ids: [input.lineId] });
  const agent = ref.agents[0];
  if (!line || line.periodStart !== scope.period.start) throw new AppError("VALIDATION", `Line ${input.lineId} is not offered in ${scope.name}.`, { field: "lineId" });
  const why = ineligibility(scope, agent, line, ref.siteById.get(line.siteId)!, ref.catalog);
  if (why) throw new AppError("VALIDATION", `You may not lock ${line.label}: ${why.message}.`, { field: "lineId" });
  const held = bids.filter((b) => b.agentId !== agentId && b.lock?.lineId === line.id && ["held", "committed"].includes(lockStatus(b.lock, scope, closesAt, now))).length;
  if (held >= line.slots) throw new AppError("CONFLICT", `Every slot of ${line.label} is locked by other agents right now; rank it and try again later.`);
  const lock = { lineId: line.id, lockedAt: now, committedAt: null, releasedAt: null };
  const expiresAt = lockReleaseAt(lock, scope, closesAt);
  await db.transaction(async (tx) => {
    // A lock lives beside the agent's bid: an agent who never ranked anything gets an empty draft.
    if (!mine) await upsertBid(tx, { scopeId: scope.id, agentId, preferences: [], submittedAt: null }, user.id);
    await upsertLock(tx, { scopeId: scope.id, agentId, lineId: line.id, lockedAt: now, expiresAt, committedAt: null });
    await recordAudit(tx, actor, { action: "bid_lock.taken", entityType: "bid", entityId: `${scope.id}:${agentId}`, details: { lineId: line.id, expiresAt: new Date(expiresAt).toISOString() } }, requestId);
  });
  return { expiresAt, committed: false };
}
