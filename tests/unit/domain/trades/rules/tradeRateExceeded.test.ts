import { describe, expect, it } from "vitest";
import { evaluateTrade, evaluateTrades } from "@/lib/domain/trades";
import { agent, DEFAULT_NOW, HOUR, only, settings, shift, swap, world } from "../fixtures";

const agents = ["A", "B", "C", "D"].map((id) => agent(id, "NYC", ["SKILL_SALES"]));
const shifts = [
  shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"),
  shift("SB", "B", "NYC", "2026-01-14 09:00", "2026-01-14 17:00"),
  shift("SC", "C", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"),
  shift("SD", "D", "NYC", "2026-01-14 09:00", "2026-01-14 17:00"),
];
const times = (n: number, ageHours = 1) => Array.from({ length: n }, () => DEFAULT_NOW - ageHours * HOUR);

describe("TradeRateExceeded", () => {
  it("sends the 11th trade of the day at NYC to review (limit 10 in 24 h)", () => {
    const r = evaluateTrade(swap("T", "A", "SA", "B", "SB"), world({ agents, shifts, approvedTradeTimesBySite: { NYC: times(10) } }), settings());
    expect(r.outcome).toBe("PendingReview");
    const [v] = only(r, "TradeRateExceeded");
    expect(v.params).toEqual({ siteId: "NYC", approvedInWindow: 10, maxApproved: 10, windowHours: 24 });
    expect(v.message).toBe("NYC already has 10 approved trades in the last 24 h (limit 10)");
  });

  it("does not count approvals older than the window", () => {
    const r = evaluateTrade(
      swap("T", "A", "SA", "B", "SB"),
      world({ agents, shifts, approvedTradeTimesBySite: { NYC: [...times(9), ...times(5, 25)] } }),
      settings(),
    );
    expect(r.outcome).toBe("Approved");
  });

  it("counts the trades a batch approves", () => {
    const ctx = world({ agents, shifts, approvedTradeTimesBySite: { NYC: times(9) } });
    const [first, second] = evaluateTrades([swap("T1", "A", "SA", "B", "SB"), swap("T2", "C", "SC", "D", "SD")], ctx, settings());
    expect(first.outcome).toBe("Approved");
    expect(second.outcome).toBe("PendingReview");
    expect(only(second, "TradeRateExceeded")[0].params.approvedInWindow).toBe(10);
  });
});
