import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getImport } from "../../db/queries/imports";
import { deleteImportShifts, getImportShiftStates, getTradesOnShifts, markImportUndone, restoreImportReplacements } from "../../db/queries/schedule-edits";
import { AppError } from "../../errors";
import type { UndoImportResult } from "../../types/schedule";
import { recordAudit } from "../audit";
import { assertNoOverlap, overlapConflictFrom } from "../shifts/overlap-guard";
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
      const shifts = await getImportShiftStates(tx, imp.id);
      const ids = shifts.map((s) => s.id);
      const trades = await getTradesOnShifts(tx, ids);
      const open = trades.find((t) => OPEN.has(t.status));
      if (open) throw refusal(imp.fileName, `shift ${open.shiftId} is in an open trade request (${open.status}); decide or cancel it first`);
      const traded = trades.find((t) => t.status === "Approved");
      if (traded) throw refusal(imp.fileName, `shift ${traded.shiftId} was traded since (trade ${traded.id})`);
      if (trades.length > 0) throw refusal(imp.fileName, `shift ${trades[0].shiftId} is named in a trade request (${trades[0].status}) that keeps it on record`);
      const edited = shifts.filter((s) => s.edits > 0);
      if (edited.length > 0) throw refusal(imp.fileName, `${edited.length} of its shifts ${edited.length > 1 ? "were" : "was"} changed since it was imported (first: ${edited[0].id} of ${edited[0].agentId})`);
      if (shifts.length < imp.importedRows) {
        const gone = imp.importedRows - shifts.length;
        throw refusal(imp.fileName, `${gone} of the ${imp.importedRows} shifts it added ${gone > 1 ? "were" : "was"} deleted or replaced since (by an edit or a later import; undo that import first)`);
      }
      const removed = await deleteImportShifts(tx, imp.id);
      const restored = await restoreImportReplacements(tx, imp.id);
      if (restored.restored > 0 && restored.from && restored.to) await assertNoOverlap(tx, restored.agentIds, { from: restored.from, to: restored.to });
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
