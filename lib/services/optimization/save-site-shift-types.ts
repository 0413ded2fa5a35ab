import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getSites } from "../../db/queries/reference";
import { getSettingsByKeys, putSetting } from "../../db/queries/settings";
import { AppError } from "../../errors";
import { shiftTypeListSchema, siteShiftTypesSchema, type CapacityShiftType } from "../../schemas/capacity-plan";
import { recordAudit } from "../audit";
import { siteShiftTypesKey } from "./site-shift-types";

/**
 * Replaces a site's saved capacity plan shift types (app_settings, no migration), audited in
 * the same transaction. A bad shift type is refused with its row and field named and nothing
 * is stored; an unknown site is refused by name.
 */
export async function saveSiteShiftTypes(db: Db, user: CurrentUser, input: unknown, requestId?: string): Promise<{ siteId: string; shiftTypes: CapacityShiftType[] }> {
  assertCan(user, "optimization.shiftTypes.write");
  const parsed = siteShiftTypesSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("VALIDATION", describeIssue(input, issue.path, issue.message), { field: issue.path.join(".") });
  }
  const { siteId, shiftTypes } = parsed.data;
  if (!(await getSites(db)).some((s) => s.id === siteId)) throw new AppError("VALIDATION", `Unknown site ${siteId}.`, { field: "siteId" });
  const key = siteShiftTypesKey(siteId);
  await db.transaction(async (tx) => {
    const previous = (await getSettingsByKeys(tx, [key], shiftTypeListSchema)).get(key);
    await putSetting(tx, key, shiftTypes, user.id);
    await recordAudit(tx, { id: user.id, label: user.email }, { action: "optimization.shiftTypes.saved", entityType: "setting", entityId: key, details: { siteId, shiftTypes, replaced: previous?.length ?? 0 } }, requestId);
  });
  return { siteId, shiftTypes };
}

/** "Shift type 2 ("Long"), lengthHours: A shift type lasts at most 24 hours (got 25)." — the row as the planner typed it. */
function describeIssue(input: unknown, path: readonly PropertyKey[], message: string): string {
  if (path[0] !== "shiftTypes" || typeof path[1] !== "number") return path.length ? `${path.join(".")}: ${message}` : message;
  const row = (input as { shiftTypes?: unknown[] }).shiftTypes?.[path[1]];
  const name = row && typeof row === "object" && typeof (row as { id?: unknown }).id === "string" ? ` (${JSON.stringify((row as { id: string }).id)})` : "";
  const field = path.slice(2).join(".");
  return `Shift type ${path[1] + 1}${name}${field ? `, ${field}` : ""}: ${message}`;
}
