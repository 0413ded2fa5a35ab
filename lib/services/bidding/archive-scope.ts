import "server-only";
import type { Db } from "../../db/client";
import { getScope, setScopeStatus } from "../../db/queries/bidding";
import { AppError } from "../../errors";
import { recordAudit, type AuditActor } from "../audit";

/** Archives a scope: it leaves the linter and the award runs; its bids and awards stay for the record. */
export async function archiveScope(db: Db, id: string, actor: AuditActor, requestId?: string): Promise<void> {
  const scope = await getScope(db, id);
  if (!scope) throw new AppError("NOT_FOUND", `No bid scope ${id}.`);
  if (scope.status === "archived") throw new AppError("CONFLICT", `Scope ${scope.name} is already archived.`);
  await db.transaction(async (tx) => {
    await setScopeStatus(tx, [id], "archived", actor.id);
    await recordAudit(tx, actor, { action: "bid_scope.archived", entityType: "bid_scope", entityId: id, details: { from: scope.status } }, requestId);
  });
}
