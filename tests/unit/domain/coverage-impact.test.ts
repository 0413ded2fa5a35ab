/**
 * The trade card's before/after chart reads the Coverage page's net coverage: the same
 * numbers the page shows today and once the trade is approved.
 */
import { describe, expect, it } from "vitest";
import { computeCoverage } from "@/lib/domain/coverage";
import { coverageImpact } from "@/lib/domain/coverage/impact";
import { tradeCardImpact } from "@/lib/domain/trades/impact";
import type { TradeContext, TradeProposal } from "@/lib/domain/trades";
import { INTERVAL_MS, type Shift } from "@/lib/domain/types";
import { agent, catalog, DEFAULT_GRID, demand, local, oneSided, shift, swap, world } from "./trades/fixtures";

const at = (text: string) => local("America/New_York", text);

/*
 * The demo's ghost-coverage swap in small: P1 holds SALES_PREMIUM but works a shift pinned
 * to the Sales queue (lists SKILL_SALES); Q1 holds SALES only and works an unlisted shift
 * the same day. P2 (premium) and Q2 (sales) work alongside. Demand 09:00–17:00: SALES 3,
 * SALES_PREMIUM 2.
 */
function ghostWorld(): TradeContext {
  return world({
    agents: [
      agent("P1", "NYC", ["SKILL_SALES_PREMIUM"]),
      agent("P2", "NYC", ["SKILL_SALES_PREMIUM"]),
      agent("Q1", "NYC", ["SKILL_SALES"]),
      agent("Q2", "NYC", ["SKILL_SALES"]),
    ],
    shifts: [
      shift("X", "P1", "NYC", "2026-01-13 09:00", "2026-01-13 17:00", { listed: ["SKILL_SALES"] }),
      shift("Y", "Q1", "NYC", "2026-01-13 09:30", "2026-01-13 17:30"),
      shift("P2-1", "P2", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"),
      shift("Q2-1", "Q2", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"),
    ],
    required: {
      SKILL_SALES: demand([[at("2026-01-13 09:00"), at("2026-01-13 17:00"), 3]]),
      SKILL_SALES_PREMIUM: demand([[at("2026-01-13 09:00"), at("2026-01-13 17:00"), 2]]),
    },
  });
}

/** What the Coverage page computes over its whole range, before and after approving `trade`. */
function pageNet(ctx: TradeContext, trade: TradeProposal) {
  const before = [...ctx.shiftsByAgent.values()].flat();
  const handOver = new Map<string, string>([[trade.initiatorShiftId, trade.receiverAgentId]]);
  if (trade.receiverShiftId) handOver.set(trade.receiverShiftId, trade.initiatorAgentId);
  const after: Shift[] = before.map((s) => (handOver.has(s.id) ? { ...s, agentId: handOver.get(s.id)! } : s));
  const page = (shifts: Shift[]) => computeCoverage({ grid: ctx.grid, shifts, agents: ctx.agents, catalog: ctx.catalog, required: ctx.required });
  return { before: page(before), after: page(after) };
}

describe("tradeCardImpact", () => {
  it("equals the Coverage page's net before and after approving the trade, interval by interval", () => {
    const ctx = ghostWorld();
    const trade = swap("T", "P1", "X", "Q1", "Y");
    const card = tradeCardImpact(ctx, trade);
    const page = pageNet(ctx, trade);
    expect(card.length).toBeGreaterThan(0);
    for (const p of card) {
      const i = (p.intervalStart - ctx.grid.start) / INTERVAL_MS;
      expect(p.before, `${p.skillId} before`).toBeCloseTo(page.before.get(p.skillId)!.net[i], 9);
      expect(p.after, `${p.skillId} after`).toBeCloseTo(page.after.get(p.skillId)!.net[i], 9);
      expect(p.required).toBe(ctx.required.get(p.skillId)?.[i] ?? 0);
    }
  });

  it("spans the window of both moving shifts, 09:00–17:30, for every skill they serve", () => {
    const card = tradeCardImpact(ghostWorld(), swap("T", "P1", "X", "Q1", "Y"));
    const skills = [...new Set(card.map((p) => p.skillId))];
    expect(skills).toEqual(["SKILL_SALES", "SKILL_SALES_PREMIUM"]);
    const times = card.filter((p) => p.skillId === "SKILL_SALES").map((p) => p.intervalStart);
    expect(times[0]).toBe(at("2026-01-13 09:00"));
    expect(times[times.length - 1]).toBe(at("2026-01-13 17:15"));
  });

  it("shows premium rising on the ghost-coverage swap: the pinned shift never counted P1 for premium", () => {
    const card = tradeCardImpact(ghostWorld(), swap("T", "P1", "X", "Q1", "Y"));
    const tenAm = (skillId: string) => card.find((p) => p.skillId === skillId && p.intervalStart === at("2026-01-13 10:00"))!;
    // Before: P1 counts for SALES only (listed); P2 alone covers premium: 1 of 2.
    expect(tenAm("SKILL_SALES_PREMIUM").before).toBeCloseTo(1, 9);
    // After: P1 works Y, unlisted, so counts for premium too; 4 agents for 5 required are
    // shared fairly: SALES 2.4 of 3 and PREMIUM 1.6 of 2 (both 80 %).
    expect(tenAm("SKILL_SALES_PREMIUM").after).toBeCloseTo(1.6, 9);
    expect(tenAm("SKILL_SALES").before).toBeCloseTo(3, 9);
    expect(tenAm("SKILL_SALES").after).toBeCloseTo(2.4, 9);
  });

  it("never reads gross: premium is at most the agents working, not every skill counted fully", () => {
    const card = tradeCardImpact(ghostWorld(), swap("T", "P1", "X", "Q1", "Y"));
    // 4 agents work at 10:00; net per interval sums to at most that across skills.
    const tenAm = card.filter((p) => p.intervalStart === at("2026-01-13 10:00"));
    expect(tenAm.reduce((s, p) => s + p.after, 0)).toBeLessThanOrEqual(4 + 1e-9);
  });

  it("shows the same line before and after when alike agents hand over an unlisted shift", () => {
    const ctx = world({
      agents: [agent("A", "NYC", ["SKILL_SALES"]), agent("B", "NYC", ["SKILL_SALES"])],
      shifts: [shift("S", "A", "NYC", "2026-01-13 09:00", "2026-01-13 11:00")],
      required: { SKILL_SALES: demand([[at("2026-01-13 09:00"), at("2026-01-13 11:00"), 2]]) },
    });
    const card = tradeCardImpact(ctx, oneSided("T", "A", "S", "B"));
    expect(card).toHaveLength(8);
    for (const p of card) expect(p.after).toBeCloseTo(p.before, 9);
  });

  it("gives no chart when a shift of the trade is not in the schedule", () => {
    expect(tradeCardImpact(ghostWorld(), oneSided("T", "P1", "missing", "Q1"))).toEqual([]);
  });
});

describe("coverageImpact", () => {
  it("gives nothing when the schedules are the same", () => {
    const ctx = ghostWorld();
    const shifts = [...ctx.shiftsByAgent.values()].flat();
    expect(coverageImpact({ before: shifts, after: [...shifts], agents: ctx.agents, catalog, grid: DEFAULT_GRID, required: ctx.required })).toEqual([]);
  });

  it("counts a shift removed on the after side as a change", () => {
    const ctx = ghostWorld();
    const shifts = [...ctx.shiftsByAgent.values()].flat();
    const card = coverageImpact({ before: shifts, after: shifts.filter((s) => s.id !== "Q2-1"), agents: ctx.agents, catalog, grid: DEFAULT_GRID, required: ctx.required });
    const sales = card.find((p) => p.skillId === "SKILL_SALES" && p.intervalStart === at("2026-01-13 10:00"))!;
    expect(sales.before - sales.after).toBeCloseTo(1, 9);
  });
});
