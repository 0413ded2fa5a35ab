import { describe, expect, it } from "vitest";
import { generateDemo, type DemoData } from "@/lib/demo/generate";
import {
  DEMO_LON_TRADE_RATE,
  DEMO_NOTICE_FREEZE_HOURS,
  DemoTradeSimulator,
  demoCriticalPeriod,
  demoTradingSettings,
  planDemoTrades,
  type DemoTradePlan,
} from "@/lib/demo/trades";
import { localDateKey } from "@/lib/domain/time";
import { TRADE_VIOLATION_TYPES, type TradeViolationType } from "@/lib/domain/trades";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = "2026-11-23";

interface Filed {
  plan: DemoTradePlan;
  refusal: string | null;
  outcome: string | null;
  types: TradeViolationType[];
  reviewSiteIds: string[];
  siteId: string;
}

/** What seedDemoTrades does, on the pure engine: settings, then each plan a minute apart, ending at `now`. */
function replay(demo: DemoData, plans: DemoTradePlan[], now: number): Filed[] {
  const sim = new DemoTradeSimulator(demo);
  for (const row of demoTradingSettings(demo)) sim.saveSettings(row);
  return plans.map((plan, i) => {
    sim.apply(plan.before);
    const siteId = sim.shift(plan.request.initiatorShiftId)!.siteId;
    const r = sim.file(plan.request, now - (plans.length - 1 - i) * 60_000);
    sim.apply(plan.after);
    return {
      plan,
      refusal: r.refusal,
      outcome: r.evaluation?.outcome ?? null,
      types: [...new Set(r.evaluation?.violations.map((v) => v.type) ?? [])],
      reviewSiteIds: r.evaluation?.reviewSiteIds ?? [],
      siteId,
    };
  });
}

function expectDemoQueue(filed: Filed[]) {
  for (const f of filed) {
    expect({ label: f.plan.label, refusal: f.refusal, outcome: f.outcome }).toEqual({ label: f.plan.label, refusal: null, outcome: f.plan.expect.outcome });
    expect(f.types, f.plan.label).toEqual(expect.arrayContaining(f.plan.expect.types));
  }
  const shown = new Set(filed.flatMap((f) => f.types));
  expect(TRADE_VIOLATION_TYPES.filter((t) => !shown.has(t))).toEqual([]);
  const pending = filed.filter((f) => f.outcome === "PendingReview");
  for (const site of ["NYC", "LON"]) {
    expect(pending.filter((f) => f.reviewSiteIds.includes(site)).length, site).toBeGreaterThanOrEqual(3);
    for (const outcome of ["Approved", "Denied"]) expect(filed.some((f) => f.siteId === site && f.outcome === outcome), `${outcome} at ${site}`).toBe(true);
  }
  expect(pending.some((f) => f.reviewSiteIds.includes("NYC") && f.reviewSiteIds.includes("LON"))).toBe(true);
}

describe("planDemoTrades", () => {
  const demo = generateDemo({ weekStart: WEEK });
  const plans = planDemoTrades(demo);
  const weekStart = Date.parse(`${WEEK}T00:00:00Z`);

  it("is deterministic and names only shifts and agents of the demo", () => {
    expect(planDemoTrades(generateDemo({ weekStart: WEEK }))).toEqual(plans);
    const shiftIds = new Set(demo.shifts.map((s) => s.id));
    const agentIds = new Set(demo.agents.map((a) => a.id));
    for (const { request: r } of plans) {
      expect(agentIds.has(r.initiatorAgentId) && agentIds.has(r.receiverAgentId)).toBe(true);
      expect(shiftIds.has(r.initiatorShiftId) && (!r.receiverShiftId || shiftIds.has(r.receiverShiftId))).toBe(true);
    }
  });

  it("trades only shifts from Wednesday of the demo week on (over a day away whenever the seed runs)", () => {
    const byId = new Map(demo.shifts.map((s) => [s.id, s]));
    const zone = new Map(demo.sites.map((s) => [s.id, s.timeZone]));
    for (const { request: r } of plans) {
      for (const id of [r.initiatorShiftId, r.receiverShiftId].filter((x): x is string => !!x)) {
        const s = byId.get(id)!;
        expect(localDateKey(s.start, zone.get(s.siteId)!) >= "2026-11-25").toBe(true);
      }
    }
  });

  it.each([
    ["weekStart − 7 d", weekStart - 7 * DAY],
    ["weekStart − 3 d", weekStart - 3 * DAY],
    ["weekStart − 1 d", weekStart - DAY],
    ["weekStart − 2 h", weekStart - 2 * HOUR],
  ])("gives every plan its outcome and types when seeded at %s, and a queue for each site", (_label, now) => {
    expectDemoQueue(replay(demo, plans, now));
  });

  it("keeps the settings small: cross-site review at NYC and LON, the Friday sales push, LON's rate limit", () => {
    const rows = demoTradingSettings(demo);
    expect(rows.map((r) => r.scope)).toEqual(["NYC", "LON"]);
    const period = demoCriticalPeriod(demo);
    expect(period).toMatchObject({ siteId: "NYC", skillId: "SKILL_SALES", start: "2026-11-27T16:00:00-05:00", end: "2026-11-27T21:00:00-05:00" });
    expect(rows[1].raw.tradeRateLimit).toEqual(DEMO_LON_TRADE_RATE);
    // The notice freeze is temporary: saved before the first LON request, restored after it.
    const frozen = plans.filter((p) => p.before?.settings?.some((s) => s.raw.minHoursInFuture === DEMO_NOTICE_FREEZE_HOURS));
    expect(frozen).toHaveLength(1);
    expect(frozen[0].expect.types).toEqual(["NoticeTooShort"]);
    expect(frozen[0].after?.settings).toEqual([rows[1]]);
  });

  it("still tells every story after a demo tweak (another seed, a DST week)", () => {
    for (const variant of [generateDemo({ weekStart: WEEK, seed: 7 }), generateDemo({ weekStart: "2026-10-26" })]) {
      const ws = Date.parse(`${variant.weekStart}T00:00:00Z`);
      expectDemoQueue(replay(variant, planDemoTrades(variant), ws - 3 * DAY));
    }
  });
});
