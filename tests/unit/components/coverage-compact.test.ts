import { describe, expect, it } from "vitest";
import { chartPoints, compactCharts, compactGaps, packGaps, unpackGaps } from "@/app/(dashboard)/coverage/compact-series";
import type { CoverageCharts, GapRow } from "@/lib/types/coverage";

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

describe("packGaps / unpackGaps (the gap rows as one string in the page)", () => {
  const rows = [
    { skillId: "SKILL_SALES", date: "2026-12-01", start: 1, end: 2, peakShortfall: 30.3, deficitHours: 50.41, priority: "HIGH" as const, window: "Tue 1 Dec 19:30 – Wed 2 Dec 01:00 UTC" },
    { skillId: "SKILL \"B\"", date: "2026-12-02", start: 3, end: 4, peakShortfall: 0.5, deficitHours: 0.13, priority: "MEDIUM" as const, window: "Wed 2 Dec 08:00–09:15 UTC" },
  ];

  it("reads back exactly the rows it was given, once per row list", () => {
    expect(unpackGaps(packGaps(rows))).toEqual(rows);
    expect(packGaps(rows)).toBe(packGaps(rows));
    expect(unpackGaps(packGaps([]))).toEqual([]);
  });
});

describe("compactCharts / chartPoints (the chart series packed as one string)", () => {
  const t0 = Date.UTC(2026, 11, 1);
  const step = 15 * 60_000;
  const point = (i: number, others: boolean) => ({ t: t0 + i * step, required: 10 + i / 3, net: 9.123 + i, gross: 11 + i, shortfall: Math.max(0, 1 - i), covered: 9, ...(others ? { otherNet: 0.5 * i, otherGross: i } : {}) });
  const view = (others: boolean, mode: "net" | "gross") =>
    ({ view: mode, bucketMinutes: 15, series: [{ skillId: "S", name: "S", points: [0, 1, 2, 3].map((i) => point(i, others)) }, { skillId: "E", name: "E", points: [] }] }) as unknown as CoverageCharts;

  it("gives the points the charts drew from the arrays, to 0.01, in the chosen view", () => {
    const [s, empty] = compactCharts(view(false, "net")).series;
    expect(chartPoints(s)).toEqual([0, 1, 2, 3].map((i) => ({ t: t0 + i * step, required: Math.round((10 + i / 3) * 100) / 100, scheduled: Math.round((9.123 + i) * 100) / 100, shortfall: Math.max(0, 1 - i) })));
    expect(chartPoints(s, t0 + step, t0 + 3 * step).map((p) => p.t)).toEqual([t0 + step, t0 + 2 * step]);
    expect(chartPoints(empty)).toEqual([]);
    const [g] = compactCharts(view(true, "gross")).series;
    expect(chartPoints(g).map((p) => [p.scheduled, p.otherSites])).toEqual([0, 1, 2, 3].map((i) => [11 + i, i]));
  });
});
