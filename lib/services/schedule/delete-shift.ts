import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { anyOpenTradeOnShifts } from "../../db/queries/trades";
import { deleteShiftIfVersion, getShiftRow, getTradesOnShifts } from "../../db/queries/schedule-edits";
import { AppError } from "../../errors";
import type { ShiftEditResult } from "../../types/schedule";
import { recordAudit } from "../audit";
import { actorOf, snapshot, staleVersionError } from "./shared";

/**
 * Deletes one shift at the version the planner opened. A shift named by a trade request is
 * kept (the trade's record points at it): an open one must be decided or canceled first.
 */
export async function deleteShift(db: Db, input: { shiftId: string; version: number }, user: CurrentUser, requestId?: string): Promise<ShiftEditResult> {
  assertCan(user, "schedule.edit");
  const current = await getShiftRow(db, input.shiftId);
  if (!current || current.version !== input.version) throw staleVersionError(current, input.version);
  assertCan(user, "schedule.edit", current.siteId);
  await db.transaction(async (tx) => {
    if (await anyOpenTradeOnShifts(tx, [input.shiftId])) {
      throw new AppError("CONFLICT", "This shift is part of an open trade request; decide or cancel that trade before deleting it. Nothing was deleted.");
    }
    const trades = await getTradesOnShifts(tx, [input.shiftId]);
    if (trades.length > 0) {
      throw new AppError("CONFLICT", `This shift is named in ${trades.length} past trade request${trades.length > 1 ? "s" : ""} (${trades[0].status}), which keep it on record; change it instead of deleting it. Nothing was deleted.`);
    }
    if (!(await deleteShiftIfVersion(tx, input.shiftId, input.version))) throw staleVersionError(await getShiftRow(tx, input.shiftId), input.version);
    await recordAudit(tx, actorOf(user), { action: "shift.deleted", entityType: "shift", entityId: input.shiftId, details: { before: snapshot(current) } }, requestId);
  });
  return { shift: null, findings: [] };
}
