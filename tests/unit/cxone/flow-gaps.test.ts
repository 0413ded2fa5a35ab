import { describe, expect, it } from "vitest";
import { gapsFromCoverage, rulesFromGaps } from "@/scripts/cxone-flow/gaps";

const item = (skillId: string, date: string, requiredHours: number, availableHours: number, coveredHours?: number) => ({
  skillId,
  requiredHours,
  availableHours,
  ...(coveredHours === undefined ? {} : { coveredHours }),
  dateRange: { start: `${date}T00:00:00Z`, end: `${date}T23:59:59Z` },
});
const T = { gapBelow: 0.85, highBelow: 0.7 };

describe("gaps from coverage records", () => {
  it("flags ratios below 0.85, HIGH below 0.70, skips days with nothing required", () => {
    const gaps = gapsFromCoverage([item("A", "2026-03-02", 100, 90), item("A", "2026-03-03", 100, 80), item("B", "2026-03-02", 100, 60), item("C", "2026-03-02", 0, 5)], T);
    expect(gaps.map((g) => [g.skillId, g.date, g.priority, g.coverageRatio])).toEqual([
      ["B", "2026-03-02", "HIGH", 0.6],
      ["A", "2026-03-03", "MEDIUM", 0.8],
    ]);
  });

  it("uses coveredHours when the server gives it: overstaffing one interval never pays for another", () => {
    const [g] = gapsFromCoverage([item("A", "2026-03-02", 100, 120, 75)], T);
    expect(g).toMatchObject({ coverageRatio: 0.75, deficitHours: 25, priority: "MEDIUM" });
  });

  it("one rule per skill: deficits summed, highest priority, overtime within the cap", () => {
    const gaps = gapsFromCoverage([item("A", "2026-03-02", 100, 80), item("A", "2026-03-03", 100, 50), item("B", "2026-03-02", 10, 8)], T);
    expect(rulesFromGaps(gaps, 4)).toEqual([
      { targetSkillId: "A", deficitHours: 70, priority: "HIGH", allowOvertime: true, maxOvertimeHoursPerAgent: 4, preferredAgentPool: "AVAILABLE" },
      { targetSkillId: "B", deficitHours: 2, priority: "MEDIUM", allowOvertime: true, maxOvertimeHoursPerAgent: 4, preferredAgentPool: "AVAILABLE" },
    ]);
  });
});
