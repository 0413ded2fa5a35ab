import "server-only";
import type { Db } from "../../db/client";
import { getSetting, putSetting } from "../../db/queries/settings";
import { AppError } from "../../errors";
import { DEFAULT_GAP_THRESHOLDS_SETTING, gapThresholdsSchema, type GapThresholdsInput } from "../../schemas/settings";
import { recordAudit, type AuditActor } from "../audit";

const KEY = "gapThresholds";

/** The gap thresholds the coverage page and the optimizer use (the defaults until someone saves them). */
export async function getGapThresholds(db: Db): Promise<GapThresholdsInput> {
  return getSetting(db, KEY, gapThresholdsSchema, DEFAULT_GAP_THRESHOLDS_SETTING);
}

/** Saves the gap thresholds as parsed (unknown keys dropped by the schema), audited in the same transaction. */
export async function saveGapThresholds(db: Db, input: GapThresholdsInput, actor: AuditActor, requestId?: string): Promise<GapThresholdsInput> {
  const parsed = gapThresholdsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  await db.transaction(async (tx) => {
    await putSetting(tx, KEY, parsed.data, actor.id);
    await recordAudit(tx, actor, { action: "settings.gapThresholds.saved", entityType: "setting", entityId: KEY, details: parsed.data }, requestId);
  });
  return parsed.data;
}
