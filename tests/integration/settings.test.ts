/**
 * The settings service: trading, staffing and gap thresholds are parsed, stored as parsed,
 * refused with a message naming the bad key or value (nothing stored), and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { auditLog, tradingSettings } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { getGapThresholds, saveGapThresholds } from "@/lib/services/settings/gap-thresholds";
import { getSettingsOverview } from "@/lib/services/settings/overview";
import { getStaffingSettings, saveStaffingSettings } from "@/lib/services/settings/staffing";
import { getTradingSettings, saveTradingSettings } from "@/lib/services/settings/trading";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";

const admin = { id: null, label: "admin@test" };

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return `${e.code}: ${e.userMessage}`;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe.each(TEST_DRIVERS)("settings on $name", (driver) => {
  let o: OpenedDb;
  beforeAll(async () => {
    o = (await openSeeded(driver.open)).opened;
  });
  afterAll(() => o.close());

  const lastAudit = async (action: string) => (await o.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];

  describe("trading", () => {
    it("refuses an unknown key, naming it, and stores nothing", async () => {
      expect(await refusal(saveTradingSettings(o.db, "NYC", { minHoursInFuture: 12, maxTradesPerWeek: 3 }, admin))).toBe('VALIDATION: Unknown trading setting "maxTradesPerWeek".');
      expect(await refusal(saveTradingSettings(o.db, "NYC", { tradeRateLimit: { maxApproved: 3, per: "day" } }, admin))).toBe('VALIDATION: tradeRateLimit: Unknown trade-rate setting "per".');
      expect(await o.db.select().from(tradingSettings).where(eq(tradingSettings.scope, "NYC"))).toEqual([]);
    });

    it("refuses a scope that is neither org nor a site", async () => {
      expect(await refusal(saveTradingSettings(o.db, "PARIS", {}, admin))).toBe('VALIDATION: Unknown site "PARIS".');
    });

    it("stores the parsed settings (defaults filled, instants as epoch ms), not the raw input, and audits the save", async () => {
      const saved = await saveTradingSettings(
        o.db,
        "LON",
        { minHoursInFuture: 12, allowCrossSiteTrading: true, criticalPeriods: [{ label: "Cup final", start: "2026-11-27T16:00:00+00:00", end: "2026-11-27T21:00:00+00:00" }] },
        admin,
        "req-1",
      );
      const [row] = await o.db.select().from(tradingSettings).where(eq(tradingSettings.scope, "LON"));
      expect(row.settings).toEqual(JSON.parse(JSON.stringify(saved)));
      expect(row.settings).toMatchObject({ minHoursInFuture: 12, maxTradesPerAgentPerWeek: 3, policies: { CrossSite: "Allow", Overlap: "Disallow" } });
      expect((row.settings.criticalPeriods as { start: unknown }[])[0].start).toBe(Date.parse("2026-11-27T16:00:00Z"));
      expect(await getTradingSettings(o.db, "LON")).toEqual(saved);
      const audit = await lastAudit("trading.settings.saved");
      expect(audit).toMatchObject({ entityType: "trading_settings", entityId: "LON", actorLabel: "admin@test", requestId: "req-1", details: row.settings });
    });

    it("a site without its own row reads the org row; the overview marks who overrides", async () => {
      await saveTradingSettings(o.db, "org", { minHoursInFuture: 36 }, admin);
      expect((await getTradingSettings(o.db, "MNL")).minHoursInFuture).toBe(36);
      const overview = await getSettingsOverview(o.db);
      expect(overview.tradingScopes.find((s) => s.scope === "LON")?.hasOverride).toBe(true);
      expect(overview.tradingScopes.find((s) => s.scope === "MNL")?.hasOverride).toBe(false);
      expect(overview.trading.MNL.minHoursInFuture).toBe(36);
      expect(overview.trading.LON.minHoursInFuture).toBe(12);
      expect(overview.backend).toBe("local");
    });
  });

  describe("staffing", () => {
    it("refuses an unknown skill and stores nothing", async () => {
      const before = await getStaffingSettings(o.db);
      expect(await refusal(saveStaffingSettings(o.db, { skillId: "SKILL_NOPE", serviceLevelTarget: 0.8, serviceLevelSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.3 }, admin))).toBe(
        'VALIDATION: Unknown skill "SKILL_NOPE".',
      );
      expect(await getStaffingSettings(o.db)).toEqual(before);
    });

    it("saves a skill's targets and audits them", async () => {
      const values = { serviceLevelTarget: 0.9, serviceLevelSeconds: 15, maxOccupancy: 0.8, shrinkage: 0.25 };
      await saveStaffingSettings(o.db, { skillId: "SKILL-EN-BILLING", ...values }, admin);
      expect((await getStaffingSettings(o.db)).get("SKILL-EN-BILLING")).toEqual(values);
      expect(await lastAudit("settings.staffing.saved")).toMatchObject({ entityType: "skill", entityId: "SKILL-EN-BILLING", details: values });
    });
  });

  describe("gap thresholds", () => {
    it("refuses a HIGH threshold above the gap threshold, naming the field", async () => {
      expect(await refusal(saveGapThresholds(o.db, { gapBelow: 0.7, highBelow: 0.8, windowMinShortfall: 0.5 }, admin))).toBe(
        "VALIDATION: highBelow: The HIGH threshold must not be above the gap threshold.",
      );
    });

    it("stores the thresholds as parsed (unknown keys dropped) and audits them", async () => {
      await saveGapThresholds(o.db, { gapBelow: 0.9, highBelow: 0.6, windowMinShortfall: 1, colour: "red" } as never, admin);
      expect(await getGapThresholds(o.db)).toEqual({ gapBelow: 0.9, highBelow: 0.6, windowMinShortfall: 1 });
      const audit = await o.db.select().from(auditLog).where(and(eq(auditLog.action, "settings.gapThresholds.saved"), eq(auditLog.entityId, "gapThresholds")));
      expect(audit.at(-1)?.details).toEqual({ gapBelow: 0.9, highBelow: 0.6, windowMinShortfall: 1 });
    });
  });
});
