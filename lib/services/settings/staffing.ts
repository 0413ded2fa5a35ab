import "server-only";
import type { Db } from "../../db/client";
import { getSkills } from "../../db/queries/reference";
import { getStaffingRows, putStaffingRow } from "../../db/queries/settings";
import type { StaffingSettings } from "../../domain/erlang";
import { AppError } from "../../errors";
import { staffingSettingsSchema, type StaffingSettingsInput } from "../../schemas/staffing";
import { recordAudit, type AuditActor } from "../audit";

/** Each skill's stored staffing targets (Erlang C); a skill without a row uses DEFAULT_STAFFING. */
export async function getStaffingSettings(db: Db): Promise<Map<string, StaffingSettings>> {
  const rows = await getStaffingRows(db);
  return new Map(rows.map(({ skillId, ...s }) => [skillId, s]));
}

/** Saves one skill's service level target, answer time, max occupancy and shrinkage, audited. */
export async function saveStaffingSettings(db: Db, input: StaffingSettingsInput, actor: AuditActor, requestId?: string): Promise<StaffingSettings> {
  const parsed = staffingSettingsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const { skillId, ...values } = parsed.data;
  if (!(await getSkills(db)).some((s) => s.id === skillId)) throw new AppError("VALIDATION", `Unknown skill "${skillId}".`, { field: "skillId" });
  await db.transaction(async (tx) => {
    await putStaffingRow(tx, { skillId, ...values });
    await recordAudit(tx, actor, { action: "settings.staffing.saved", entityType: "skill", entityId: skillId, details: values }, requestId);
  });
  return values;
}
