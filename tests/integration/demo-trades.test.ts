import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, ne } from "drizzle-orm";
import type { Db, OpenedDb } from "@/lib/db/client";
import { shifts, tradeRequests, tradeViolations, tradingSettings, users } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { DemoData } from "@/lib/demo/generate";
import { DEMO_LON_TRADE_RATE, planDemoTrades, type DemoTradePlan } from "@/lib/demo/trades";
import { TRADE_VIOLATION_TYPES } from "@/lib/domain/trades";
import { seedDemoTrades, type SeededDemoTrade } from "@/lib/services/seed/demo-trades";
import { getReviewQueue } from "@/lib/services/trades/queue";
import { getTradeHistory } from "@/lib/services/trades/history";
import { getTradingSettings } from "@/lib/services/settings/trading";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const weekStart = Date.parse(`${DEMO_WEEK}T00:00:00Z`);

/** The seed runs at the real clock: any moment of the week before the demo week. */
const SEEDED_AT = [
  { label: "weekStart − 7 d", now: weekStart - 7 * DAY },
  { label: "weekStart − 3 d", now: weekStart - 3 * DAY },
  { label: "weekStart − 1 d", now: weekStart - DAY },
  { label: "weekStart − 2 h", now: weekStart - 2 * HOUR },
];

/**
 * Back to the demo as seedDemo left it: no trades, no trading settings, every shift as
 * generated. (The audit log is append-only and keeps its rows; nothing reads it here.)
 * Opening and seeding a fresh database per moment would double the run time.
 */
async function resetTrades(db: Db, demo: DemoData) {
  await db.delete(tradeRequests); // violations and decisions cascade
  await db.delete(tradingSettings);
  const changed = await db.select({ id: shifts.id }).from(shifts).where(ne(shifts.version, 1));
  const byId = new Map(demo.shifts.map((s) => [s.id, s]));
  // One transaction: restoring swapped shifts one by one passes through double bookings,
  // which the no-overlap constraint allows only until commit.
  await db.transaction(async (tx) => {
    for (const { id } of changed) {
      const s = byId.get(id)!;
      await tx
        .update(shifts)
        .set({ agentId: s.agentId, startsAt: new Date(s.start), endsAt: new Date(s.end), skills: s.skills, breaks: s.breaks, version: s.version })
        .where(eq(shifts.id, id));
    }
  });
}

describe.each(TEST_DRIVERS)("demo trades on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  let plans: DemoTradePlan[];

  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
    plans = planDemoTrades(demo);
  });
  afterAll(() => o?.close());

  it("plans the same requests every time (deterministic)", () => {
    expect(planDemoTrades(demo)).toEqual(plans);
  });

  describe.each(SEEDED_AT)("seeded at $label", ({ now }) => {
    let seeded: SeededDemoTrade[];

    beforeAll(async () => {
      await resetTrades(o.db, demo);
      seeded = await seedDemoTrades(o.db, demo, now);
    });

    const supervisor = async (email: string, siteIds: string[]): Promise<CurrentUser> => {
      const [u] = await o.db.select().from(users).where(eq(users.email, email));
      return { id: u.id, email: u.email, name: u.name, role: u.role, siteIds };
    };

    it("files every plan and each gets its expected outcome and violation types", async () => {
      expect(seeded.map((s) => s.label)).toEqual(plans.map((p) => p.label));
      const violations = await o.db
        .select({ tradeId: tradeViolations.tradeId, type: tradeViolations.type })
        .from(tradeViolations)
        .where(inArray(tradeViolations.tradeId, seeded.map((s) => s.tradeId)));
      const got = seeded.map((s, i) => ({
        label: s.label,
        status: s.status,
        types: [...new Set(violations.filter((v) => v.tradeId === s.tradeId).map((v) => v.type))],
        plan: plans[i],
      }));
      for (const g of got) {
        expect({ label: g.label, status: g.status }).toEqual({ label: g.plan.label, status: g.plan.expect.outcome });
        expect(g.types, g.label).toEqual(expect.arrayContaining(g.plan.expect.types));
      }
      const stored = await o.db.select({ id: tradeRequests.id, status: tradeRequests.status }).from(tradeRequests);
      expect(new Map(stored.map((r) => [r.id, r.status]))).toEqual(new Map(seeded.map((s) => [s.tradeId, s.status])));
    });

    it("stores every violation type", async () => {
      const rows = await o.db.selectDistinct({ type: tradeViolations.type }).from(tradeViolations);
      expect(rows.map((r) => r.type).sort()).toEqual([...TRADE_VIOLATION_TYPES].sort());
    });

    it("gives the NYC and LON supervisors a queue of their own, with a swap needing both", async () => {
      const pending = await o.db.select().from(tradeRequests).where(eq(tradeRequests.status, "PendingReview"));
      for (const site of ["NYC", "LON"]) expect(pending.filter((t) => t.reviewSiteIds.includes(site)).length, site).toBeGreaterThanOrEqual(3);
      expect(pending.some((t) => t.reviewSiteIds.includes("NYC") && t.reviewSiteIds.includes("LON"))).toBe(true);

      // What each supervisor sees when signing in.
      const nyc = await getReviewQueue(o.db, await supervisor("supervisor.nyc@demo.local", ["NYC"]), now);
      const lon = await getReviewQueue(o.db, await supervisor("supervisor.lon@demo.local", ["LON"]), now);
      expect(nyc.items.filter((i) => i.mySites.includes("NYC")).length).toBeGreaterThanOrEqual(3);
      expect(lon.items.filter((i) => i.mySites.includes("LON")).length).toBeGreaterThanOrEqual(3);
      const both = nyc.items.find((i) => i.reviewSites.map((s) => s.siteId).sort().join() === "LON,NYC");
      expect(both).toBeDefined();
      expect(lon.items.map((i) => i.id)).toContain(both!.id);
      // LON reached its approval limit: its supervisors are alerted.
      expect(lon.alerts).toEqual([expect.objectContaining({ siteId: "LON", approved: DEMO_LON_TRADE_RATE.maxApproved, limit: DEMO_LON_TRADE_RATE.maxApproved })]);
      expect(nyc.alerts).toEqual([]);
    });

    it("has Approved and Denied trades in the history of both NYC and LON", async () => {
      const rows = await o.db
        .select({ status: tradeRequests.status, siteId: shifts.siteId })
        .from(tradeRequests)
        .innerJoin(shifts, eq(shifts.id, tradeRequests.initiatorShiftId));
      for (const site of ["NYC", "LON"]) {
        for (const status of ["Approved", "Denied"] as const) {
          expect(rows.some((r) => r.siteId === site && r.status === status), `${status} at ${site}`).toBe(true);
        }
      }
    });

    it("words the history's violations plainly, each once, with what the policy does", async () => {
      const admin: CurrentUser = { id: "admin", email: "admin@demo.local", name: "Admin", role: "admin", siteIds: [] };
      const history = await getTradeHistory(o.db, admin, { limit: 500 });
      const lines = history.flatMap((t) => t.violations);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(/^(Not allowed|Needs review|Noted): \S/);
      expect(lines.some((l) => /\((AdminReview|Disallow|Allow)\)/.test(l))).toBe(false);
      for (const t of history) expect(new Set(t.violations).size).toBe(t.violations.length);
    });

    it("ends with the demo settings: LON's notice freeze lifted, cross-site trades reviewed", async () => {
      const lon = await getTradingSettings(o.db, "LON");
      const nyc = await getTradingSettings(o.db, "NYC");
      expect(lon).toMatchObject({ minHoursInFuture: 24, allowCrossSiteTrading: true, tradeRateLimit: DEMO_LON_TRADE_RATE });
      expect(nyc).toMatchObject({ minHoursInFuture: 24, allowCrossSiteTrading: true, tradeRateLimit: { maxApproved: 10, windowHours: 24 } });
      expect(lon.policies.CrossSite).toBe("AdminReview");
      expect(nyc.policies.CrossSite).toBe("AdminReview");
      expect(nyc.criticalPeriods).toHaveLength(1);
      expect(await getTradingSettings(o.db, "MNL")).toMatchObject({ allowCrossSiteTrading: false, criticalPeriods: [] });
    });
  });
});
