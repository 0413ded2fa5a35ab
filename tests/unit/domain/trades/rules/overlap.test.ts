import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import { agent, oneSided, only, settings, shift, swap, typesOf, world } from "../fixtures";

const a = agent("A", "NYC", ["SKILL_SALES"]);
const b = agent("B", "NYC", ["SKILL_SALES"]);

describe("Overlap", () => {
  it("denies a receiver who already works 12:00–20:00 the day of a 09:00–17:00 shift", () => {
    const ctx = world({
      agents: [a, b],
      shifts: [shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"), shift("SB", "B", "NYC", "2026-01-13 12:00", "2026-01-13 20:00")],
    });
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings());
    expect(r.outcome).toBe("Denied");
    const [v] = only(r, "Overlap");
    expect(v).toMatchObject({ policy: "Disallow", shiftId: "SA", agentId: "B", params: { otherShiftId: "SB" } });
    expect(v.message).toBe(
      "B already works 2026-01-13 12:00–20:00 (America/New_York), which overlaps this shift 2026-01-13 09:00–17:00 (America/New_York)",
    );
  });

  it("ignores the shift the receiver gives away in a same-day swap", () => {
    const ctx = world({
      agents: [a, b],
      shifts: [shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"), shift("SB", "B", "NYC", "2026-01-13 12:00", "2026-01-13 20:00")],
    });
    const r = evaluateTrade(swap("T", "A", "SA", "B", "SB"), ctx, settings());
    expect(typesOf(r)).toEqual([]);
    expect(r.outcome).toBe("Approved");
  });

  it("stays Disallow even when settings built by hand try to soften it", () => {
    const ctx = world({
      agents: [a, b],
      shifts: [shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"), shift("SB", "B", "NYC", "2026-01-13 16:00", "2026-01-13 20:00")],
    });
    const s = settings();
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, { ...s, policies: { ...s.policies, Overlap: "Allow" } });
    expect(only(r, "Overlap")[0].policy).toBe("Disallow");
    expect(r.outcome).toBe("Denied");
  });
});
