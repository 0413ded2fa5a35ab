import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import { agent, demand, local, only, settings, shift, swap, world } from "../fixtures";

const NY = "America/New_York";
const tue = (h: string) => local(NY, `2026-01-13 ${h}`);

/** `n` support agents on Tuesday 09–17 (unlisted), a sales agent on Thursday, support demand `need` 12:00–13:00. */
function supportWorld(n: number, need: number) {
  const support = Array.from({ length: n }, (_, i) => agent(`SUP${i}`, "NYC", ["SKILL_SALES", "SKILL_SUPPORT"]));
  const s = agent("S", "NYC", ["SKILL_SALES"]);
  return world({
    agents: [...support, s],
    shifts: [
      ...support.map((a) => shift(`TUE-${a.id}`, a.id, "NYC", "2026-01-13 09:00", "2026-01-13 17:00")),
      shift("THU-S", "S", "NYC", "2026-01-15 09:00", "2026-01-15 17:00"),
    ],
    required: { SKILL_SUPPORT: demand([[tue("12:00"), tue("13:00"), need]]) },
  });
}
const trade = swap("T", "SUP0", "TUE-SUP0", "S", "THU-S");

describe("CumulativeCoverage", () => {
  it("flags a swap that takes support from 5 to 4 against 5 required (threshold 4.5)", () => {
    const r = evaluateTrade(trade, supportWorld(5, 5), settings());
    expect(r.outcome).toBe("PendingReview");
    const [v] = only(r, "CumulativeCoverage");
    expect(v).toMatchObject({
      shiftId: "TUE-SUP0",
      agentId: "S",
      params: { skillId: "SKILL_SUPPORT", intervalStart: tue("12:00"), before: 5, after: 4, required: 5, windowStart: tue("12:00"), windowEnd: tue("13:00") },
    });
  });

  it("passes the same swap when 10 agents cover 9 required (10 → 9 stays above 8.1)", () => {
    expect(evaluateTrade(trade, supportWorld(10, 9), settings()).outcome).toBe("Approved");
  });

  it("honours the threshold setting: 5 → 4 against 5 passes at threshold 0.8", () => {
    expect(evaluateTrade(trade, supportWorld(5, 5), settings({ cumulativeCoverageThreshold: 0.8 })).outcome).toBe("Approved");
  });

  it("never flags a trade that raises coverage (the receiver brings support to Thursday)", () => {
    const ctx = supportWorld(5, 5);
    const back = swap("T", "S", "THU-S", "SUP0", "TUE-SUP0");
    // Same trade seen from the other side: Tuesday still loses support, Thursday gains it.
    expect(only(evaluateTrade(back, ctx, settings()), "CumulativeCoverage")).toHaveLength(1);
    const sameDay = world({
      agents: [agent("X", "NYC", ["SKILL_SALES"]), agent("Y", "NYC", ["SKILL_SALES", "SKILL_SUPPORT"])],
      shifts: [shift("SX", "X", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"), shift("SY", "Y", "NYC", "2026-01-15 09:00", "2026-01-15 17:00")],
      required: { SKILL_SUPPORT: demand([[tue("12:00"), tue("13:00"), 5]]) },
    });
    // Y (support) takes X's Tuesday: support on Tuesday rises from 0 to 1, still far below 4.5.
    const r = evaluateTrade(swap("T", "X", "SX", "Y", "SY"), sameDay, settings());
    expect(only(r, "CumulativeCoverage")).toEqual([]);
  });

  it("reads a demand array shorter than the grid as no demand past its end", () => {
    const ctx = supportWorld(5, 5);
    const short = { ...ctx, required: new Map([["SKILL_SUPPORT", new Float64Array(10).fill(5)]]) };
    const r = evaluateTrade(trade, short, settings());
    expect(only(r, "CumulativeCoverage")).toEqual([]);
    expect(r.outcome).toBe("Approved");
  });
});
