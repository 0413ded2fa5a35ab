/** The capacity plan tab's use case on the demo data: the requirement read from the loaded demand, bad input refused. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDb } from "@/lib/db/client";
import { planCapacity } from "@/lib/services/optimization/capacity-plan";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";

// Demand runs round the clock: a 00:00 shift covers the first night (nothing reaches day 1 from before it).
const shiftTypes = [
  { id: "Night", start: "00:00", lengthHours: 8 },
  { id: "Early", start: "06:00", lengthHours: 8 },
  { id: "Day", start: "09:00", lengthHours: 8 },
  { id: "Late", start: "14:00", lengthHours: 8 },
  { id: "Evening", start: "16:00", lengthHours: 8 },
];

describe.each(TEST_DRIVERS)("capacity plan on $name", (driver) => {
  let o: OpenedDb;
  beforeAll(async () => {
    o = (await openSeeded(driver.open)).opened;
  });
  afterAll(() => o.close());

  it("plans one skill's loaded demand for two days in a site's zone, proven optimal", async () => {
    const r = await planCapacity(o.db, { source: "demand", skillId: "SKILL-EN-TECH-SUPPORT", siteId: "NYC", from: DEMO_WEEK, days: 2, shiftTypes, objective: "MIN_AGENTS" });
    expect(r).toMatchObject({ status: "OPTIMAL", skillId: "SKILL-EN-TECH-SUPPORT", from: DEMO_WEEK, timeZone: "America/New_York" });
    expect(r.required).toHaveLength(192);
    expect(r.totals.agents).toBeGreaterThan(0);
    // MIN_AGENTS covers every interval the shift types reach; its cost equals the bound.
    expect(r.incumbent).toBeCloseTo(r.bound!, 6);
    expect(r.counts.every((c) => shiftTypes.some((t) => t.id === c.shiftTypeId) && c.day >= 0 && c.day < 2)).toBe(true);
  }, 60_000);

  it("refuses a range with no demand, an unknown site and no shift types, naming the field", async () => {
    await expect(planCapacity(o.db, { source: "demand", skillId: "SKILL-EN-TECH-SUPPORT", siteId: "NYC", from: "2030-01-07", days: 1, shiftTypes, objective: "MIN_DEVIATION" })).rejects.toMatchObject({ code: "VALIDATION", details: { field: "skillId" } });
    await expect(planCapacity(o.db, { source: "demand", skillId: "SKILL-EN-TECH-SUPPORT", siteId: "XXX", from: DEMO_WEEK, days: 1, shiftTypes, objective: "MIN_DEVIATION" })).rejects.toMatchObject({ code: "VALIDATION", details: { field: "siteId" } });
    await expect(planCapacity(o.db, { source: "pasted", required: Array(96).fill(1), shiftTypes: [], objective: "MIN_DEVIATION" })).rejects.toThrow(/at least one shift type/);
  });
});
