import { describe, expect, it } from "vitest";
import { gridFor, type CoverageGrid } from "@/lib/domain/coverage";
import {
  DEFAULT_GAP_THRESHOLDS,
  dailyRollup,
  describeGapWindow,
  findGapWindows,
  intervalShortfall,
  type GapWindow,
} from "@/lib/domain/gaps";
import { localDayRange } from "@/lib/domain/time";

const HOUR = 3_600_000;
const QUARTER = 900_000;
const NY = "America/New_York";

/** A series of `count` values where intervals [from, to) take `value` over a base. */
function series(count: number, base: number, ...runs: Array<[from: number, to: number, value: number]>): Float64Array {
  const out = new Float64Array(count).fill(base);
  for (const [from, to, value] of runs) out.fill(value, from, to);
  return out;
}

describe("intervalShortfall", () => {
  it("is required minus scheduled, never negative", () => {
    expect(Array.from(intervalShortfall(Float64Array.from([3, 1, 2.5]), Float64Array.from([2, 2, 0.5])))).toEqual([1, 0, 2]);
  });

  it("treats a missing or NaN scheduled value as nobody", () => {
    expect(Array.from(intervalShortfall(Float64Array.from([1, 2]), Float64Array.from([Number.NaN])))).toEqual([1, 2]);
  });
});

describe("dailyRollup", () => {
  const utcDay: CoverageGrid = gridFor(localDayRange("2026-06-02", "UTC"));

  it("flags a day whose totals balance but whose evening is short (golden)", () => {
    // Required 2 all day; 3 scheduled in the morning, 1 in the evening.
    // required = 96 × 2 × 0.25 = 48 h; available = (48 × 3 + 48 × 1) × 0.25 = 48 h: balanced.
    // covered = (48 × 2 + 48 × 1) × 0.25 = 36 h → ratio 0.75 < 0.85 → gap, MEDIUM (≥ 0.70).
    // deficit = 48 × 1 × 0.25 = 12 h.
    const [d] = dailyRollup("SKILL_SALES", utcDay, series(96, 2), series(96, 3, [48, 96, 1]), "UTC");
    expect(d).toEqual({
      skillId: "SKILL_SALES",
      date: "2026-06-02",
      start: Date.UTC(2026, 5, 2),
      end: Date.UTC(2026, 5, 3),
      requiredHours: 48,
      availableHours: 48,
      coveredHours: 36,
      coverageRatio: 0.75,
      deficitHours: 12,
      isGap: true,
      priority: "MEDIUM",
    });
  });

  it("marks a day covered at half as HIGH", () => {
    const [d] = dailyRollup("SKILL_SALES", utcDay, series(96, 2), series(96, 1), "UTC");
    expect(d.coverageRatio).toBe(0.5);
    expect(d.priority).toBe("HIGH");
  });

  it("puts the thresholds' boundaries on the kinder side: 0.85 is no gap, 0.70 is MEDIUM", () => {
    const [at85] = dailyRollup("S", utcDay, series(96, 20), series(96, 17), "UTC");
    expect(at85.coverageRatio).toBe(0.85);
    expect(at85.isGap).toBe(false);
    expect(at85.priority).toBeNull();
    const [at70] = dailyRollup("S", utcDay, series(96, 10), series(96, 7), "UTC");
    expect(at70.coverageRatio).toBe(0.7);
    expect(at70.priority).toBe("MEDIUM");
  });

  it("never calls a day with nothing required a gap", () => {
    const [d] = dailyRollup("S", utcDay, series(96, 0), series(96, 0), "UTC");
    expect(d.requiredHours).toBe(0);
    expect(d.coverageRatio).toBeNull();
    expect(d.isGap).toBe(false);
    expect(d.priority).toBeNull();
  });

  it("applies custom thresholds", () => {
    const strict = { ...DEFAULT_GAP_THRESHOLDS, gapBelow: 0.95, highBelow: 0.92 };
    const [d] = dailyRollup("S", utcDay, series(96, 10), series(96, 9), "UTC", strict);
    expect(d.priority).toBe("HIGH");
  });

  it("splits a New York grid into local days of 24, 23 and 24 hours around spring-forward", () => {
    const range = { start: localDayRange("2026-03-07", NY).start, end: localDayRange("2026-03-09", NY).end };
    const grid = gridFor(range);
    expect(grid.intervalCount).toBe(96 + 92 + 96);
    const days = dailyRollup("S", grid, series(grid.intervalCount, 1), series(grid.intervalCount, 1), NY);
    expect(days.map((d) => d.date)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    expect(days.map((d) => (d.end - d.start) / HOUR)).toEqual([24, 23, 24]);
    expect(days.map((d) => d.requiredHours)).toEqual([24, 23, 24]);
    expect(days.every((d) => d.coverageRatio === 1 && !d.isGap)).toBe(true);
  });

  it("includes only the part of a local day inside the grid", () => {
    // 12:00 UTC–12:00 UTC next day is 08:00–08:00 in New York (EDT): two partial days.
    const grid: CoverageGrid = { start: Date.UTC(2026, 5, 2, 12), intervalCount: 96 };
    const days = dailyRollup("S", grid, series(96, 1), series(96, 1), NY);
    expect(days.map((d) => [d.date, d.requiredHours])).toEqual([
      ["2026-06-02", 16],
      ["2026-06-03", 8],
    ]);
    expect(days[0].start).toBe(grid.start);
    expect(days[1].end).toBe(grid.start + 96 * QUARTER);
  });

  it("returns nothing for an empty grid", () => {
    expect(dailyRollup("S", { start: 0, intervalCount: 0 }, new Float64Array(), new Float64Array(), "UTC")).toEqual([]);
  });
});

describe("findGapWindows", () => {
  // Tuesday 2026-06-02 in New York; interval i starts at local 00:00 + 15 min × i.
  const grid = gridFor(localDayRange("2026-06-02", NY));
  const at = (i: number) => grid.start + i * QUARTER;

  it("finds the evening run 17:00–20:30 with its peak and deficit", () => {
    // Required 10 from 17:00 (68) to 20:30 (82); scheduled 8, and 5.5 at 18:00 (72).
    // Shortfall 2 × 13 intervals + 4.5 → deficit 30.5 × 0.25 = 7.625 h; peak 4.5.
    // covered / required = (8 × 13 + 5.5) / 140 = 0.78 → MEDIUM.
    const required = series(96, 4, [68, 82, 10]);
    const scheduled = series(96, 4, [68, 82, 8], [72, 73, 5.5]);
    expect(findGapWindows("SKILL_SALES", grid, required, scheduled, NY)).toEqual([
      {
        skillId: "SKILL_SALES",
        date: "2026-06-02",
        start: at(68),
        end: at(82),
        peakShortfall: 4.5,
        deficitHours: 7.625,
        priority: "MEDIUM",
      },
    ]);
  });

  it("keeps runs apart, counts exactly 0.5 short and skips 0.4", () => {
    const required = series(96, 2);
    const scheduled = series(96, 2, [10, 12, 1], [13, 14, 1.5], [20, 21, 1.6], [30, 32, 1]);
    const windows = findGapWindows("S", grid, required, scheduled, NY);
    expect(windows.map((w) => [(w.start - grid.start) / QUARTER, (w.end - grid.start) / QUARTER])).toEqual([
      [10, 12],
      [13, 14],
      [30, 32],
    ]);
  });

  it("marks a window HIGH when under 70 % of it is covered", () => {
    // Required 4, scheduled 1 for an hour: covered / required = 0.25 → HIGH.
    const windows = findGapWindows("S", grid, series(96, 4), series(96, 4, [40, 44, 1]), NY);
    expect(windows).toHaveLength(1);
    expect(windows[0].priority).toBe("HIGH");
    expect(windows[0].deficitHours).toBe(3);
  });

  it("lets a run cross local midnight and dates it by its start", () => {
    const twoDays = gridFor({ start: localDayRange("2026-06-02", NY).start, end: localDayRange("2026-06-03", NY).end });
    const required = series(192, 1);
    const scheduled = series(192, 1, [92, 100, 0]);
    const [w] = findGapWindows("S", twoDays, required, scheduled, NY);
    expect(w.date).toBe("2026-06-02");
    expect((w.end - w.start) / QUARTER).toBe(8);
  });

  it("closes a run that reaches the end of the grid", () => {
    const [w] = findGapWindows("S", grid, series(96, 1), series(96, 1, [90, 96, 0]), NY);
    expect(w.end).toBe(at(96));
  });

  it("finds nothing when nobody is short", () => {
    expect(findGapWindows("S", grid, series(96, 2), series(96, 3), NY)).toEqual([]);
  });
});

describe("describeGapWindow", () => {
  const grid = gridFor(localDayRange("2026-06-02", NY));
  const window = (from: number, to: number, peak: number): GapWindow => ({
    skillId: "SKILL_SALES",
    date: "2026-06-02",
    start: grid.start + from * QUARTER,
    end: grid.start + to * QUARTER,
    peakShortfall: peak,
    deficitHours: 1,
    priority: "MEDIUM",
  });

  it("reads like a planner's note in local time", () => {
    expect(describeGapWindow(window(68, 82, 4.5), NY)).toBe("Tue 2 Jun 17:00–20:30 EDT SKILL_SALES short 4.5 agents at peak");
  });

  it("uses the skill's display name when given", () => {
    expect(describeGapWindow(window(68, 82, 4.5), NY, "Sales")).toBe("Tue 2 Jun 17:00–20:30 EDT Sales short 4.5 agents at peak");
  });

  it("rounds to one decimal and says 'agent' for one", () => {
    expect(describeGapWindow(window(36, 40, 1), NY)).toBe("Tue 2 Jun 09:00–10:00 EDT SKILL_SALES short 1 agent at peak");
    expect(describeGapWindow(window(36, 40, 2.04), NY)).toBe("Tue 2 Jun 09:00–10:00 EDT SKILL_SALES short 2 agents at peak");
  });

  it("ends a window at local midnight as 24:00", () => {
    expect(describeGapWindow(window(88, 96, 3), NY)).toBe("Tue 2 Jun 22:00–24:00 EDT SKILL_SALES short 3 agents at peak");
  });

  it("shows another zone's clock when asked, with both dates across midnight", () => {
    expect(describeGapWindow(window(68, 82, 4.5), "UTC")).toBe("Tue 2 Jun 21:00 – Wed 3 Jun 00:30 UTC SKILL_SALES short 4.5 agents at peak");
  });
});
