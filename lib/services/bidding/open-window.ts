import "server-only";
import type { Db } from "../../db/client";
import { getScope, setScopeStatus } from "../../db/queries/bidding";
import { canOpenWindow } from "../../domain/bidding";
import { AppError } from "../../errors";
import { recordAudit, type AuditActor } from "../audit";
import { lintContext, loadReference } from "./context";
import { listScopes } from "../../db/queries/bidding";

/** Opens a scope's bidding window; any linter error that concerns the scope blocks it. */
export async function openWindow(db: Db, id: string, actor: AuditActor, requestId?: string): Promise<void> {
  const scope = await getScope(db, id);
  if (!scope) throw new AppError("NOT_FOUND", `No bid scope ${id}.`);
  if (scope.status === "archived") throw new AppError("CONFLICT", `Scope ${scope.name} is archived.`);
  if (scope.status === "open") throw new AppError("CONFLICT", `Scope ${scope.name} is already open.`);
  const ref = await loadReference(db);
  const verdict = canOpenWindow(id, await listScopes(db), await lintContext(db, ref));
  if (!verdict.ok) {
    throw new AppError("VALIDATION", `The window of ${scope.name} cannot open until these are fixed: ${verdict.errors.map((e) => e.message).join(" ")}`, { findings: verdict.errors });
  }
  await db.transaction(async (tx) => {
    await setScopeStatus(tx, [id], "open", actor.id);
    await recordAudit(tx, actor, { action: "bid_scope.window_opened", entityType: "bid_scope", entityId: id, details: {} }, requestId);
  });
}
