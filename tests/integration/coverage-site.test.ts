import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDb } from "@/lib/db/client";
import type { DemoData } from "@/lib/demo/generate";
import { addDays } from "@/lib/domain/time";
import { getCoverageView } from "@/lib/services/coverage/view";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";

const query = (site?: string) => ({ from: DEMO_WEEK, to: addDays(DEMO_WEEK, 6), view: "net" as const, ...(site ? { site } : {}) });

describe.each(TEST_DRIVERS)("the coverage page's site filter on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
  });
  afterAll(() => o.close());

  it("counts the chosen site's shifts as its own and the other sites' apart, against the shared demand", async () => {
    const all = await getCoverageView(o.db, query(), DEMO_WEEK);
    const nyc = await getCoverageView(o.db, query("NYC"), DEMO_WEEK);
    const weekStart = Date.parse(`${DEMO_WEEK}T00:00:00Z`) - 86_400_000;
    const weekEnd = weekStart + 9 * 86_400_000;
    const nycShifts = demo.shifts.filter((s) => s.siteId === "NYC" && s.end > weekStart && s.start < weekEnd).length;

    expect(all.requiredSource).toBeNull();
    expect(nyc.requiredSource).toBe("shared");
    expect(nyc.shiftCount).toBeLessThan(all.shiftCount);
    expect(nyc.shiftCount).toBeGreaterThan(0);
    expect(nyc.shiftCount).toBeLessThanOrEqual(nycShifts);

    const billingAll = all.series.find((s) => s.skillId === "SKILL-EN-BILLING")!;
    const billingNyc = nyc.series.find((s) => s.skillId === "SKILL-EN-BILLING")!;
    // NYC's own hours are part of all sites' hours, not the same number.
    expect(billingNyc.availableHours).toBeLessThan(billingAll.availableHours);
    expect(billingNyc.availableHours).toBeGreaterThan(0);
    // The other sites' agents are drawn as their own series beside NYC's.
    expect(billingNyc.points.every((p) => p.otherGross !== undefined && p.otherNet !== undefined)).toBe(true);
    expect(billingAll.points.every((p) => p.otherGross === undefined)).toBe(true);
    expect(billingNyc.points.some((p) => p.otherGross! > 0 && p.gross > 0)).toBe(true);
  });

  it("judges gaps on every site's shifts against the shared demand, so a site adds no phantom gap", async () => {
    const nyc = await getCoverageView(o.db, query("NYC"), DEMO_WEEK);
    const billing = nyc.series.find((s) => s.skillId === "SKILL-EN-BILLING")!;
    const ownOnly = billing.points.reduce((acc, p) => acc + Math.max(0, p.required - p.net), 0);
    const withOthers = billing.points.reduce((acc, p) => acc + Math.max(0, p.required - p.net - (p.otherNet ?? 0)), 0);
    expect(withOthers).toBeLessThan(ownOnly);
  });
});
