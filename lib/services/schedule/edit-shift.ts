import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getShiftRow, updateShiftIfVersion } from "../../db/queries/schedule-edits";
import { AppError } from "../../errors";
import type { ShiftFieldsInput } from "../../schemas/schedule";
import type { ShiftEditResult } from "../../types/schedule";
import { recordAudit } from "../audit";
import { overlapConflictFrom } from "../shifts/overlap-guard";
import { actorOf, candidateOf, checkEdit, isUniqueViolation, mayStore, snapshot, staleVersionError, toScheduleShift } from "./shared";

export type EditShiftInput = ShiftFieldsInput & { shiftId: string; version: number };

/**
 * Changes one shift at the version the planner opened. A stale version is refused with the
 * current values (never a silent overwrite); rule errors and unconfirmed warnings store
 * nothing. A published shift that is changed is marked changed-since-publish.
 */
export async function editShift(db: Db, input: EditShiftInput, user: CurrentUser, now: number, requestId?: string): Promise<ShiftEditResult> {
  assertCan(user, "schedule.edit");
  const current = await getShiftRow(db, input.shiftId);
  if (!current || current.version !== input.version) throw staleVersionError(current, input.version);
  assertCan(user, "schedule.edit", current.siteId);
  assertCan(user, "schedule.edit", input.siteId);
  const { findings, fields, window } = await checkEdit(db, candidateOf(input, input.shiftId));
  if (!fields || !window || !mayStore(findings, input.confirmWarnings)) return { shift: null, findings };
  const at = new Date(now);
  const row = await db
    .transaction(async (tx) => {
      const updated = await updateShiftIfVersion(tx, input.shiftId, input.version, fields, at);
      if (!updated) throw staleVersionError(await getShiftRow(tx, input.shiftId), input.version);
      await recordAudit(
        tx,
        actorOf(user),
        { action: "shift.updated", entityType: "shift", entityId: updated.id, details: { before: snapshot(current), after: snapshot(updated), confirmedWarnings: findings.map((f) => f.code) } },
        requestId,
      );
      return updated;
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new AppError("CONFLICT", `${input.agentId} already has a shift at exactly this time; nothing was saved.`);
      throw overlapConflictFrom(e) ?? e;
    });
  return { shift: toScheduleShift(row), findings };
}
