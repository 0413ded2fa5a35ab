import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { insertShiftRow } from "../../db/queries/schedule-edits";
import { AppError } from "../../errors";
import type { ShiftFieldsInput } from "../../schemas/schedule";
import type { ShiftEditResult } from "../../types/schedule";
import { recordAudit } from "../audit";
import { overlapConflictFrom } from "../shifts/overlap-guard";
import { actorOf, candidateOf, checkEdit, isUniqueViolation, mayStore, snapshot, toScheduleShift } from "./shared";

/**
 * Creates one shift after the editor's rules: any error, or a warning not confirmed,
 * stores nothing and returns the findings (`shift: null`).
 */
export async function createShift(db: Db, input: ShiftFieldsInput, user: CurrentUser, now: number, requestId?: string): Promise<ShiftEditResult> {
  assertCan(user, "schedule.edit", input.siteId);
  const { findings, fields, window } = await checkEdit(db, candidateOf(input, null));
  if (!fields || !window || !mayStore(findings, input.confirmWarnings)) return { shift: null, findings };
  const at = new Date(now);
  const row = await db
    .transaction(async (tx) => {
      const created = await insertShiftRow(tx, fields, at);
      await recordAudit(
        tx,
        actorOf(user),
        { action: "shift.created", entityType: "shift", entityId: created.id, details: { after: snapshot(created), confirmedWarnings: findings.map((f) => f.code) } },
        requestId,
      );
      return created;
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new AppError("CONFLICT", `${input.agentId} already has a shift at exactly this time; nothing was saved.`);
      throw overlapConflictFrom(e) ?? e;
    });
  return { shift: toScheduleShift(row), findings };
}
