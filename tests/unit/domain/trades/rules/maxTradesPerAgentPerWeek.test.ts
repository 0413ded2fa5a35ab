import { describe, expect, it } from "vitest";
import { evaluateTrade, evaluateTrades } from "@/lib/domain/trades";
import { agent, only, settings, shift, swap, world } from "../fixtures";

const agents = ["A", "B", "C", "D"].map((id) => agent(id, "NYC", ["SKILL_SALES"]));
const shifts = ["A", "B", "C", "D"].flatMap((id, i) => [
  shift(`${id}-MON`, id, "NYC", "2026-01-12 09:00", "2026-01-12 17:00"),
  shift(`${id}-X`, id, "NYC", `2026-01-${13 + i} 09:00`, `2026-01-${13 + i} 17:00`),
]);

describe("MaxTradesPerAgentPerWeek", () => {
  it("denies A a fourth trade in the week of 2026-01-12", () => {
    const ctx = world({ agents, shifts, tradeCounts: { A: { "2026-01-12": 3 } } });
    const r = evaluateTrade(swap("T", "A", "A-X", "B", "B-X"), ctx, settings());
    expect(r.outcome).toBe("Denied");
    const [v] = only(r, "MaxTradesPerAgentPerWeek");
    expect(v).toMatchObject({ agentId: "A", params: { weekStart: "2026-01-12", trades: 3, max: 3 } });
    expect(v.message).toBe("A already takes part in 3 trades in the week of 2026-01-12 (America/New_York); the limit is 3");
  });

  it("allows a third, and counts a week by the shift's date, not now", () => {
    const ctx = world({ agents, shifts, tradeCounts: { A: { "2026-01-12": 2, "2026-01-05": 9 } } });
    expect(evaluateTrade(swap("T", "A", "A-X", "B", "B-X"), ctx, settings()).outcome).toBe("Approved");
  });

  it("counts the trades a batch approves or queues", () => {
    const ctx = world({ agents, shifts, tradeCounts: { A: { "2026-01-12": 1 } } });
    const results = evaluateTrades(
      [swap("T1", "A", "A-X", "B", "B-X"), swap("T2", "A", "A-MON", "C", "C-X"), swap("T3", "C", "C-MON", "A", "B-X")],
      ctx,
      settings({ maxTradesPerAgentPerWeek: 2 }),
    );
    expect(results.map((r) => r.outcome)).toEqual(["Approved", "Denied", "Denied"]);
    expect(only(results[1], "MaxTradesPerAgentPerWeek").map((v) => v.agentId)).toEqual(["A"]);
  });
});
