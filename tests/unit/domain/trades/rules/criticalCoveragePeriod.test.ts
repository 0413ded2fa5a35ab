import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import { agent, oneSided, only, settings, shift, world } from "../fixtures";

const ctx = world({
  agents: [agent("A", "NYC", ["SKILL_SALES"]), agent("B", "NYC", ["SKILL_SALES"])],
  shifts: [shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00")],
});
const period = { start: "2026-01-13T16:00:00-05:00", end: "2026-01-13T20:00:00-05:00", label: "Launch evening" };
const run = (p: Record<string, unknown>) =>
  evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings({ policies: { OneSided: "Allow" }, criticalPeriods: [{ ...period, ...p }] }));

describe("CriticalCoveragePeriod", () => {
  it("sends a shift touching the launch evening to review", () => {
    const r = run({});
    expect(r.outcome).toBe("PendingReview");
    const [v] = only(r, "CriticalCoveragePeriod");
    expect(v.params).toMatchObject({ label: "Launch evening", siteId: null, skillId: null });
    expect(v.message).toBe('This shift touches the critical period "Launch evening" 2026-01-13 16:00–20:00 (America/New_York)');
  });

  it("ignores a period that begins when the shift ends", () => {
    expect(only(run({ start: "2026-01-13T17:00:00-05:00" }), "CriticalCoveragePeriod")).toEqual([]);
  });

  it("ignores a period for another site or a skill the shift does not serve", () => {
    expect(only(run({ siteId: "MNL" }), "CriticalCoveragePeriod")).toEqual([]);
    expect(only(run({ skillId: "SKILL_SUPPORT" }), "CriticalCoveragePeriod")).toEqual([]);
    expect(only(run({ siteId: "NYC", skillId: "SKILL_SALES" }), "CriticalCoveragePeriod")).toHaveLength(1);
  });
});
