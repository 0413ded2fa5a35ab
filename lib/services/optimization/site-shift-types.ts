import "server-only";
import type { Db } from "../../db/client";
import { getSettingsByKeys } from "../../db/queries/settings";
import { shiftTypeListSchema, type CapacityShiftType } from "../../schemas/capacity-plan";

/** The app_settings key of a site's saved capacity plan shift types (no table of their own: a short list per site). */
export const siteShiftTypesKey = (siteId: string) => `capacity-shift-types:${siteId}`;

/**
 * The capacity plan's saved shift types of each site that has them: site id → list.
 * Read through the shift type schema: a stored list that no longer parses counts as not saved.
 */
export async function getSiteShiftTypes(db: Db, siteIds: readonly string[]): Promise<Record<string, CapacityShiftType[]>> {
  const stored = await getSettingsByKeys(db, siteIds.map(siteShiftTypesKey), shiftTypeListSchema);
  const out: Record<string, CapacityShiftType[]> = {};
  for (const siteId of siteIds) {
    const types = stored.get(siteShiftTypesKey(siteId));
    if (types) out[siteId] = types;
  }
  return out;
}
