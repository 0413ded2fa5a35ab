import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client";
import { getSites } from "../../db/queries/reference";
import { getTradingSettingsRows, putTradingSettings } from "../../db/queries/settings";
import { resolveTradingSettings, type TradingSettings } from "../../domain/trades";
import { AppError } from "../../errors";
import { tradingSettingsSchema, type TradingSettingsInput } from "../../schemas/trades";
import { recordAudit, type AuditActor } from "../audit";

/**
 * Every scope's settings in one read, as a lookup: a site's override when it has one,
 * else the org default, else the built-in defaults. For pages that judge many sites' trades.
 */
export async function loadTradingSettings(db: Db): Promise<(siteId: string | null) => TradingSettings> {
  const rows = await getTradingSettingsRows(db);
  const stored = new Map(
    rows.map((r) => {
      const parsed = tradingSettingsSchema.safeParse(r.settings);
      return [r.scope, parsed.success ? parsed.data : null] as const;
    }),
  );
  return (siteId) => resolveTradingSettings(stored, siteId);
}

/** The settings for one site (see loadTradingSettings). */
export async function getTradingSettings(db: Db, siteId: string | null): Promise<TradingSettings> {
  return (await loadTradingSettings(db))(siteId);
}

/** Every issue with its path, e.g. `criticalPeriods.0.end: A critical period must end after it starts.` */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

/**
 * Parses trading settings for a scope ("org" or a site id): unknown keys are refused, each
 * named; what is stored is the parsed settings (defaults filled in, instants as epoch ms),
 * never the raw input. The same write is audited in the same transaction.
 */
export async function saveTradingSettings(db: Db, scope: string, raw: TradingSettingsInput | unknown, actor: AuditActor, requestId?: string): Promise<TradingSettings> {
  if (scope !== "org" && !(await getSites(db)).some((s) => s.id === scope)) {
    throw new AppError("VALIDATION", `Unknown site "${scope}".`, { field: "scope" });
  }
  const parsed = tradingSettingsSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", describeIssues(parsed.error));
  const stored = JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>;
  await db.transaction(async (tx) => {
    await putTradingSettings(tx, scope, stored, actor.id);
    await recordAudit(tx, actor, { action: "trading.settings.saved", entityType: "trading_settings", entityId: scope, details: stored }, requestId);
  });
  return parsed.data;
}
