import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../client";
import { appSettings, staffingSettings, tradingSettings } from "../schema";

// ── Key/value settings (gap thresholds, ...) ─────────────────────────────────

/** Reads a setting through its schema; a missing or no-longer-valid value falls back to the default. */
export async function getSetting<S extends z.ZodType>(db: Db, key: string, schema: S, fallback: z.infer<S>): Promise<z.infer<S>> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).limit(1);
  if (!row) return fallback;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : fallback;
}

/**
 * Several settings of one shape in one read (a setting per site): key → parsed value, for the
 * keys that are stored and still valid; a value that no longer parses is left out.
 */
export async function getSettingsByKeys<S extends z.ZodType>(db: Db, keys: readonly string[], schema: S): Promise<Map<string, z.infer<S>>> {
  const out = new Map<string, z.infer<S>>();
  if (keys.length === 0) return out;
  const rows = await db.select({ key: appSettings.key, value: appSettings.value }).from(appSettings).where(inArray(appSettings.key, [...keys]));
  for (const row of rows) {
    const parsed = schema.safeParse(row.value);
    if (parsed.success) out.set(row.key, parsed.data);
  }
  return out;
}

export async function putSetting(db: Db, key: string, value: unknown, userId: string | null): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key, value, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedBy: userId, updatedAt: new Date() } });
}

// ── Trading settings (one row per scope: "org" or a site id) ─────────────────

export async function getTradingSettingsRows(db: Db): Promise<{ scope: string; settings: Record<string, unknown> }[]> {
  return db.select({ scope: tradingSettings.scope, settings: tradingSettings.settings }).from(tradingSettings);
}

export async function putTradingSettings(db: Db, scope: string, settings: Record<string, unknown>, userId: string | null): Promise<void> {
  await db
    .insert(tradingSettings)
    .values({ scope, settings, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: tradingSettings.scope, set: { settings, updatedBy: userId, updatedAt: new Date() } });
}

// ── Staffing settings (one row per skill) ────────────────────────────────────

export interface StaffingRow {
  skillId: string;
  serviceLevelTarget: number;
  serviceLevelSeconds: number;
  maxOccupancy: number;
  shrinkage: number;
}

export async function getStaffingRows(db: Db): Promise<StaffingRow[]> {
  return db
    .select({
      skillId: staffingSettings.skillId,
      serviceLevelTarget: staffingSettings.serviceLevelTarget,
      serviceLevelSeconds: staffingSettings.serviceLevelSeconds,
      maxOccupancy: staffingSettings.maxOccupancy,
      shrinkage: staffingSettings.shrinkage,
    })
    .from(staffingSettings);
}

export async function putStaffingRow(db: Db, row: StaffingRow): Promise<void> {
  const { skillId, ...values } = row;
  await db
    .insert(staffingSettings)
    .values({ skillId, ...values, updatedAt: new Date() })
    .onConflictDoUpdate({ target: staffingSettings.skillId, set: { ...values, updatedAt: new Date() } });
}

/** Default staffing rows for new skills (the demo seed). */
export async function insertDefaultStaffing(db: Db, skillIds: readonly string[]): Promise<void> {
  if (skillIds.length === 0) return;
  await db.insert(staffingSettings).values(skillIds.map((skillId) => ({ skillId })));
}
