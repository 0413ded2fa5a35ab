import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { demand } from "@/lib/db/schema";
import { addDays } from "@/lib/domain/time";
import { getCoverageView } from "@/lib/services/coverage/view";
import { importDemandFile } from "@/lib/services/imports/demand";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";

const actor = { id: null, label: "planner@test" };
// Tuesday of the demo week, 14:00–14:30 in New York (19:00Z in winter).
const DAY = addDays(DEMO_WEEK, 1);
const AT = [`${DAY}T19:00:00Z`, `${DAY}T19:15:00Z`];

describe.each(TEST_DRIVERS)("demand per skill and site on $name", (driver) => {
  let o: OpenedDb;
  beforeAll(async () => {
    o = (await openSeeded(driver.open)).opened;
  });
  afterAll(() => o.close());

  const rowsAt = (skillId: string, at: string) => o.db.select().from(demand).where(and(eq(demand.skillId, skillId), eq(demand.intervalStart, new Date(at))));

  it("stores a siteId column as that site's own demand, beside the shared queue's row for the same interval", async () => {
    const [sharedBefore] = await rowsAt("SKILL_SALES", AT[0]);
    expect(sharedBefore.siteId).toBeNull();
    const text = ["skillId,siteId,intervalStart,requiredAgents", `SKILL_SALES,NYC,${AT[0]},9`, `SKILL_SALES,nyc,${AT[1]},11`, `SKILL_SALES,,${AT[1]},3`].join("\n");
    const r = await importDemandFile(o.db, { fileName: "nyc-sales.csv", text, bytes: text.length, dryRun: false, actor });
    expect(r).toMatchObject({ status: "committed", kind: "required", storedRows: 3, errors: [] });

    const at0 = await rowsAt("SKILL_SALES", AT[0]);
    expect(at0.map((x) => [x.siteId, x.requiredAgents])).toHaveLength(2);
    expect(at0.map((x) => [x.siteId, x.requiredAgents])).toEqual(expect.arrayContaining([["NYC", 9], [null, sharedBefore.requiredAgents]]));
    // An empty site cell is the shared queue: it replaces the shared row, not NYC's.
    const at1 = await rowsAt("SKILL_SALES", AT[1]);
    expect(at1.map((x) => [x.siteId, x.requiredAgents])).toHaveLength(2);
    expect(at1.map((x) => [x.siteId, x.requiredAgents])).toEqual(expect.arrayContaining([["NYC", 11], [null, 3]]));

    // Re-importing replaces the site's row, still one per skill, site and interval.
    const again = ["skillId,siteId,intervalStart,requiredAgents", `SKILL_SALES,NYC,${AT[0]},8`].join("\n");
    await importDemandFile(o.db, { fileName: "nyc-sales-2.csv", text: again, bytes: again.length, dryRun: false, actor });
    const nyc = await o.db.select().from(demand).where(and(eq(demand.skillId, "SKILL_SALES"), eq(demand.siteId, "NYC"), eq(demand.intervalStart, new Date(AT[0]))));
    expect(nyc.map((x) => x.requiredAgents)).toEqual([8]);
    const shared = await o.db.select().from(demand).where(and(eq(demand.skillId, "SKILL_SALES"), isNull(demand.siteId), eq(demand.intervalStart, new Date(AT[0]))));
    expect(shared).toHaveLength(1);
  });

  it("refuses an unknown site row by row and stores nothing", async () => {
    const text = ["skillId,siteId,intervalStart,requiredAgents", `SKILL_SALES,PARIS,${AT[0]},4`, `SKILL_SALES,NYC,${AT[0]},4`, `SKILL_SALES,NYC,${AT[0]},5`].join("\n");
    const r = await importDemandFile(o.db, { fileName: "bad.csv", text, bytes: text.length, dryRun: false, actor });
    expect(r.status).toBe("rejected");
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [2, "UNKNOWN_SITE"],
      [4, "DUPLICATE_ROW"],
    ]);
    expect(r.errors[0].message).toContain('unknown site "PARIS"');
    expect(r.errors[1].message).toContain("site NYC");
  });

  it("judges a site on its own demand where it has one (other sites left out), on the shared queue elsewhere; all sites add both", async () => {
    const day = { from: DAY, to: DAY, view: "net" as const };
    const nyc = await getCoverageView(o.db, { ...day, site: "NYC" }, DEMO_WEEK);
    const all = await getCoverageView(o.db, day, DEMO_WEEK);
    expect(nyc.bucketMinutes).toBe(15);

    const sales = nyc.series.find((s) => s.skillId === "SKILL_SALES")!;
    expect(sales.requiredSource).toBe("site demand");
    const at = (s: typeof sales, iso: string) => s.points.find((p) => p.t === Date.parse(iso))!;
    expect(at(sales, AT[0]).required).toBe(8);
    expect(at(sales, AT[1]).required).toBe(11);
    // NYC's own queue: nobody else's agents are drawn or counted.
    expect(sales.points.every((p) => p.otherNet === undefined)).toBe(true);
    expect(sales.requiredHours).toBeCloseTo((8 + 11) / 4, 6);

    const billing = nyc.series.find((s) => s.skillId === "SKILL-EN-BILLING")!;
    expect(billing.requiredSource).toBe("shared demand");
    expect(billing.points.some((p) => (p.otherNet ?? 0) > 0)).toBe(true);
    expect(nyc.requiredSource).toBe("shared");

    // Without a site, required is the shared queue plus every site's own rows.
    const salesAll = all.series.find((s) => s.skillId === "SKILL_SALES")!;
    expect(salesAll.requiredSource).toBeNull();
    const [shared0] = await o.db.select().from(demand).where(and(eq(demand.skillId, "SKILL_SALES"), isNull(demand.siteId), eq(demand.intervalStart, new Date(AT[0]))));
    expect(at(salesAll, AT[0]).required).toBeCloseTo(Math.round((shared0.requiredAgents + 8) * 100) / 100, 2);
    expect(at(salesAll, AT[1]).required).toBe(3 + 11);
  });
});
