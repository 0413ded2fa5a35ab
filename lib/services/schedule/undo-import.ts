import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getImport } from "../../db/queries/imports";
import { deleteImportShifts, getImportUndoBlockers, lockTradesForUndo, markImportUndone, restoreImportReplacements } from "../../db/queries/schedule-edits";
import { AppError } from "../../errors";
import type { UndoImportResult } from "../../types/schedule";
import { recordAudit } from "../audit";
import { overlapConflictFrom } from "../shifts/overlap-guard";
import { actorOf, isUniqueViolation } from "./shared";

const OPEN = new Set(["Unmatched", "Matched", "PendingReview"]);

/**
 * Takes a committed shift import back in one transaction: removes exactly the shifts it
 * added and restores, row for row, the ones it replaced. Refused, with the reason, when any
 * of its shifts was traded, is in an open trade, was changed since (beyond being published),
 * or is gone (deleted, or replaced by a later import: undo that one first).
 */
export async function undoImport(db: Db, input: { importId: string }, user: CurrentUser, now: number, requestId?: string): Promise<UndoImportResult> {
  assertCan(user, "imports.undo");
  const imp = await getImport(db, input.importId);
  if (!imp || imp.kind !== "shifts") throw new AppError("NOT_FOUND", "There is no shift import with this id.");
  if (imp.undoneAt) throw new AppError("CONFLICT", `The import of ${imp.fileName} was already undone on ${imp.undoneAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`);
  if (imp.status !== "committed") throw new AppError("VALIDATION", `The import of ${imp.fileName} stored nothing (it was ${imp.status}); there is nothing to undo.`);

  const result = await db
    .transaction(async (tx) => {
      await lockTradesForUndo(tx);
      const b = await getImportUndoBlockers(tx, imp.id);
      if (b.trade && OPEN.has(b.trade.status)) throw refusal(imp.fileName, `shift ${b.trade.shiftId} is in an open trade request (${b.trade.status}); decide or cancel it first`);
      if (b.trade?.status === "Approved") throw refusal(imp.fileName, `shift ${b.trade.shiftId} was traded since (trade ${b.trade.id})`);
      if (b.trade) throw refusal(imp.fileName, `shift ${b.trade.shiftId} is named in a trade request (${b.trade.status}) that keeps it on record`);
      if (b.edited > 0) throw refusal(imp.fileName, `${b.edited} of its shifts ${b.edited > 1 ? "were" : "was"} changed since it was imported (first: ${b.firstEdited?.id} of ${b.firstEdited?.agentId})`);
      if (b.stored < imp.importedRows) {
        const gone = imp.importedRows - b.stored;
        throw refusal(imp.fileName, `${gone} of the ${imp.importedRows} shifts it added ${gone > 1 ? "were" : "was"} deleted or replaced since (by an edit or a later import; undo that import first)`);
      }
      const removed = await deleteImportShifts(tx, imp.id);
      const restored = await restoreImportReplacements(tx, imp.id);
      if (!(await markImportUndone(tx, imp.id, new Date(now)))) throw new AppError("CONFLICT", `The import of ${imp.fileName} was undone by someone else meanwhile.`);
      await recordAudit(tx, actorOf(user), { action: "import.undone", entityType: "import", entityId: imp.id, details: { removed, restored: restored.restored, fileName: imp.fileName } }, requestId);
      return { importId: imp.id, removed, restored: restored.restored };
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw refusal(imp.fileName, "a shift it replaced has since been stored again at the same time, so it cannot be put back");
      throw overlapConflictFrom(e) ?? e;
    });
  return result;
}

function refusal(fileName: string, reason: string): AppError {
  return new AppError("CONFLICT", `The import of ${fileName} cannot be undone: ${reason}. Nothing was changed.`);
}
