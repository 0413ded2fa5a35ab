import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import type { Shift } from "@/lib/domain/types";
import { agent, oneSided, only, settings, shift, swap, world } from "../fixtures";

const days = ["2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15"];
const lunch = [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }];

function week(agentId: string, o: Partial<Shift> = {}) {
  return days.map((d) => shift(`${agentId}-${d}`, agentId, "NYC", `${d} 08:00`, `${d} 17:00`, o));
}

describe("Overtime", () => {
  it("sends to review a receiver who would be paid 45 h against a 40 h contract", () => {
    const a = agent("A", "NYC", ["SKILL_SALES"]);
    const b = agent("B", "NYC", ["SKILL_SALES"]);
    const ctx = world({ agents: [a, b], shifts: [shift("FRI", "A", "NYC", "2026-01-16 08:00", "2026-01-16 17:00"), ...week("B")] });
    const r = evaluateTrade(oneSided("T", "A", "FRI", "B"), ctx, settings());
    expect(r.outcome).toBe("PendingReview");
    const [v] = only(r, "Overtime");
    expect(v).toMatchObject({ policy: "AdminReview", agentId: "B", params: { weekStart: "2026-01-12", paidHours: 45, contractHours: 40, overByHours: 5, beforeHours: 36 } });
    expect(v.message).toBe("B would be paid 45 h in the week of 2026-01-12 (America/New_York), 5 h over the 40 h contract");
  });

  it("does not count unpaid lunches: 5 × 8.5 h = 42.5 h fits a 43 h contract", () => {
    const a = agent("A", "NYC", ["SKILL_SALES"]);
    const b = agent("B", "NYC", ["SKILL_SALES"], { contractHoursPerWeek: 43 });
    const ctx = world({
      agents: [a, b],
      shifts: [shift("FRI", "A", "NYC", "2026-01-16 08:00", "2026-01-16 17:00", { breaks: lunch }), ...week("B", { breaks: lunch })],
    });
    expect(only(evaluateTrade(oneSided("T", "A", "FRI", "B"), ctx, settings()), "Overtime")).toEqual([]);
  });

  it("does not flag a like-for-like swap by an agent already over contract", () => {
    const a = agent("A", "NYC", ["SKILL_SALES"]);
    const b = agent("B", "NYC", ["SKILL_SALES"], { contractHoursPerWeek: 30 });
    const ctx = world({ agents: [a, b], shifts: [shift("FRI", "A", "NYC", "2026-01-16 08:00", "2026-01-16 17:00"), ...week("B")] });
    const r = evaluateTrade(swap("T", "A", "FRI", "B", "B-2026-01-15"), ctx, settings());
    expect(only(r, "Overtime")).toEqual([]);
  });
});
