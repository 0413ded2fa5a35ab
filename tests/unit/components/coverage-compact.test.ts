import { describe, expect, it } from "vitest";
import { compactGaps } from "@/app/(dashboard)/coverage/compact-series";
import type { GapRow } from "@/lib/types/coverage";

describe("compactGaps (what the Coverage page sends for its gap table)", () => {
  const row: GapRow = {
    skillId: "SKILL_SALES",
    skillName: "Sales",
    date: "2026-12-01",
    start: Date.UTC(2026, 11, 1, 19, 30),
    end: Date.UTC(2026, 11, 2, 1),
    peakShortfall: 30.299999999999997,
    deficitHours: 50.41378025298871,
    priority: "HIGH",
    description: "Tue 1 Dec 19:30 – Wed 2 Dec 01:00 UTC SKILL_SALES short 30.3 agents at peak",
    window: "Tue 1 Dec 19:30 – Wed 2 Dec 01:00 UTC",
  };

  it("keeps what the table sorts, shows and opens, with numbers to 0.01", () => {
    expect(compactGaps([row], "UTC")).toEqual([{ skillId: "SKILL_SALES", date: "2026-12-01", start: row.start, end: row.end, peakShortfall: 30.3, deficitHours: 50.41, priority: "HIGH", window: row.window }]);
  });

  it("drops the description and the skill's name, and words a window the cache did not", () => {
    const [slim] = compactGaps([row], "UTC");
    expect(Object.keys(slim)).not.toContain("description");
    expect(Object.keys(slim)).not.toContain("skillName");
    expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(row).length * 0.7);
    const [worded] = compactGaps([{ ...row, window: undefined }], "America/New_York");
    expect(worded.window).toBe("Tue 1 Dec 14:30–20:00 EST");
  });

  it("is made once per cached row list", () => {
    const rows = [row];
    expect(compactGaps(rows, "UTC")).toBe(compactGaps(rows, "UTC"));
  });
});
