/**
 * The capacity plan's shift types saved per site (app_settings `capacity-shift-types:<siteId>`):
 * stored as parsed and read back per site, audited; a bad shift type refused with its row and
 * field named and nothing stored; a supervisor refused; a stored list that no longer reads
 * counts as not saved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/checks";
import type { OpenedDb } from "@/lib/db/client";
import { appSettings, auditLog, sites, users } from "@/lib/db/schema";
import { DEFAULT_LABOR_RULES } from "@/lib/domain/types";
import { isAppError } from "@/lib/errors";
import { saveSiteShiftTypes } from "@/lib/services/optimization/save-site-shift-types";
import { getSiteShiftTypes, siteShiftTypesKey } from "@/lib/services/optimization/site-shift-types";
import { TEST_DRIVERS } from "./support/db";

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; field?: unknown }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.userMessage, field: (e.details as { field?: unknown } | undefined)?.field };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe.each(TEST_DRIVERS)("capacity plan shift types per site on $name", (driver) => {
  let o: OpenedDb;
  let planner: CurrentUser;
  beforeAll(async () => {
    o = await driver.open();
    await o.db.insert(sites).values([
      { id: "NYC", name: "New York", timeZone: "America/New_York", laborRules: { ...DEFAULT_LABOR_RULES } },
      { id: "MNL", name: "Manila", timeZone: "Asia/Manila", laborRules: { ...DEFAULT_LABOR_RULES } },
    ]);
    const [u] = await o.db.insert(users).values({ email: "planner@test", name: "Planner", passwordHash: "x", role: "planner" }).returning();
    planner = { id: u.id, email: u.email, name: u.name, role: "planner", siteIds: [] };
  });
  afterAll(() => o.close());

  const stored = async (siteId: string) => (await o.db.select().from(appSettings).where(eq(appSettings.key, siteShiftTypesKey(siteId))))[0];
  const audits = async (siteId: string) => o.db.select().from(auditLog).where(and(eq(auditLog.action, "optimization.shiftTypes.saved"), eq(auditLog.entityId, siteShiftTypesKey(siteId))));

  it("saves a site's shift types as parsed, reads them back for that site only, and audits the save", async () => {
    const saved = await saveSiteShiftTypes(o.db, planner, { siteId: "NYC", shiftTypes: [{ id: " Early ", start: "06:00", lengthHours: 8 }, { id: "Late", start: "14:30", lengthHours: 8.5, cost: 1.2, maxCount: 12 }] });
    const expected = [
      { id: "Early", start: "06:00", lengthHours: 8, cost: 1, maxCount: null },
      { id: "Late", start: "14:30", lengthHours: 8.5, cost: 1.2, maxCount: 12 },
    ];
    expect(saved).toEqual({ siteId: "NYC", shiftTypes: expected });
    expect(await getSiteShiftTypes(o.db, ["NYC", "MNL"])).toEqual({ NYC: expected });
    expect((await stored("NYC")).updatedBy).toBe(planner.id);
    const [audit] = await audits("NYC");
    expect(audit).toMatchObject({ actorLabel: "planner@test", entityType: "setting", details: { siteId: "NYC", shiftTypes: expected, replaced: 0 } });

    // Saving again replaces the list (and says how many it replaced).
    await saveSiteShiftTypes(o.db, planner, { siteId: "NYC", shiftTypes: [{ id: "Night", start: "22:00", lengthHours: 9 }] });
    expect((await getSiteShiftTypes(o.db, ["NYC"])).NYC).toEqual([{ id: "Night", start: "22:00", lengthHours: 9, cost: 1, maxCount: null }]);
    expect((await audits("NYC")).map((a) => (a.details as { replaced: number }).replaced).sort()).toEqual([0, 2]);
  });

  it("refuses a bad shift type naming its row and field, an empty list and an unknown site, and stores nothing", async () => {
    const before = await stored("MNL");
    const auditsBefore = (await audits("MNL")).length;
    const long = await refusal(saveSiteShiftTypes(o.db, planner, { siteId: "MNL", shiftTypes: [{ id: "Early", start: "06:00", lengthHours: 8 }, { id: "Long", start: "08:00", lengthHours: 25 }] }));
    expect(long).toEqual({ code: "VALIDATION", message: 'Shift type 2 ("Long"), lengthHours: A shift type lasts at most 24 hours (got 25).', field: "shiftTypes.1.lengthHours" });
    const offGrid = await refusal(saveSiteShiftTypes(o.db, planner, { siteId: "MNL", shiftTypes: [{ id: "Odd", start: "07:10", lengthHours: 8 }] }));
    expect(offGrid).toMatchObject({ code: "VALIDATION", field: "shiftTypes.0.start", message: expect.stringMatching(/^Shift type 1 \("Odd"\), start: Start "07:10" is not a local time on the 15-minute grid/) });
    const twice = await refusal(saveSiteShiftTypes(o.db, planner, { siteId: "MNL", shiftTypes: [{ id: "Day", start: "08:00", lengthHours: 8 }, { id: "Day", start: "09:00", lengthHours: 8 }] }));
    expect(twice).toMatchObject({ field: "shiftTypes.1.id", message: expect.stringMatching(/named twice \(rows 1 and 2\)/) });
    expect(await refusal(saveSiteShiftTypes(o.db, planner, { siteId: "MNL", shiftTypes: [] }))).toMatchObject({ code: "VALIDATION", field: "shiftTypes", message: expect.stringMatching(/at least one shift type/) });
    expect(await refusal(saveSiteShiftTypes(o.db, planner, { siteId: "XXX", shiftTypes: [{ id: "Day", start: "08:00", lengthHours: 8 }] }))).toEqual({ code: "VALIDATION", message: "Unknown site XXX.", field: "siteId" });
    expect(await stored("MNL")).toEqual(before);
    expect(await stored("XXX")).toBeUndefined();
    expect((await audits("MNL")).length).toBe(auditsBefore);
  });

  it("refuses a supervisor (and an agent) before reading anything, and stores nothing", async () => {
    const before = await stored("MNL");
    for (const role of ["supervisor", "agent"] as const) {
      expect(await refusal(saveSiteShiftTypes(o.db, { ...planner, role, siteIds: ["MNL"] }, { siteId: "MNL", shiftTypes: [{ id: "Day", start: "08:00", lengthHours: 8 }] }))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await stored("MNL")).toEqual(before);
  });

  it("treats a stored list that no longer reads as not saved", async () => {
    await o.db.insert(appSettings).values({ key: siteShiftTypesKey("MNL"), value: [{ id: "Broken", start: "25:00", lengthHours: 30 }] });
    expect(await getSiteShiftTypes(o.db, ["MNL", "NYC"])).toEqual({ NYC: [{ id: "Night", start: "22:00", lengthHours: 9, cost: 1, maxCount: null }] });
  });
});
