import { describe, expect, it } from "vitest";
import { chartPoints, compactCharts, compactGaps, packGaps, packLine, RECENT_GAPS_KEPT, unpackGaps, unpackLine } from "@/app/(dashboard)/coverage/compact-series";
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
    { skillId: "SKILL_SALES", date: "2026-12-01", start: Date.UTC(2026, 11, 1, 19, 30), end: Date.UTC(2026, 11, 2, 1), peakShortfall: 30.3, deficitHours: 50.41, priority: "HIGH" as const, window: "Tue 1 Dec 19:30 – Wed 2 Dec 01:00 UTC" },
    { skillId: "SKILL \"B\"", date: "2026-12-02", start: Date.UTC(2026, 11, 2, 8), end: Date.UTC(2026, 11, 2, 9, 15), peakShortfall: 0.5, deficitHours: 0.13, priority: "MEDIUM" as const, window: "Wed 2 Dec 08:00–09:15 UTC" },
    { skillId: "SKILL_SALES", date: "2026-12-03", start: Date.UTC(2026, 11, 3, 12), end: Date.UTC(2026, 11, 3, 12, 15), peakShortfall: 1, deficitHours: 0.25, priority: "MEDIUM" as const, window: "Thu 3 Dec 12:00–12:15 UTC" },
  ];

  it("reads back exactly the rows it was given, once per row list", () => {
    expect(unpackGaps(packGaps(rows, "UTC"))).toEqual(rows);
    expect(packGaps(rows, "UTC")).toBe(packGaps(rows, "UTC"));
    expect(unpackGaps(packGaps([], "UTC"))).toEqual([]);
  });

  it("reads each row's day in the view's zone: a window starting 19:30 UTC is the same evening in New York", () => {
    const ny = [{ ...rows[0], date: "2026-12-01", start: Date.UTC(2026, 11, 2, 0, 30), end: Date.UTC(2026, 11, 2, 3), window: "Tue 1 Dec 19:30–22:00 EST" }];
    expect(unpackGaps(packGaps(ny, "America/New_York"))[0].date).toBe("2026-12-01");
  });

  it("reads a string seen lately from memory while views alternate (all sites, one site, all sites), and forgets the oldest beyond its limit", () => {
    // Equal content in new string objects, as each request's payload brings them.
    const fresh = <T extends string>(s: T) => JSON.parse(JSON.stringify(s)) as T;
    const allSites = packGaps(rows, "UTC");
    const oneSite = packGaps(rows.slice(0, 1), "UTC");
    const first = unpackGaps(fresh(allSites));
    const other = unpackGaps(fresh(oneSite));
    expect(unpackGaps(fresh(allSites))).toBe(first);
    expect(unpackGaps(fresh(oneSite))).toBe(other);
    for (let i = 0; i < RECENT_GAPS_KEPT; i++) unpackGaps(packGaps(rows.slice(0, 1 + (i % 3)).map((r) => ({ ...r, window: `${r.window} #${i}` })), "UTC"));
    const again = unpackGaps(fresh(allSites));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it("writes each skill id once, not once per row", () => {
    const packed = packGaps(rows, "UTC");
    expect(packed.split("SKILL_SALES").length - 1).toBe(1);
  });
});

describe("packLine / unpackLine (one line of a chart series)", () => {
  it("writes runs of zeros as ~n and reads them back", () => {
    expect(packLine([0, 0, 0, 1.5, 0, 2, 0, 0])).toBe("~3,1.5,0,2,~2");
    expect(unpackLine("~3,1.5,0,2,~2")).toEqual([0, 0, 0, 1.5, 0, 2, 0, 0]);
  });

  it("round-trips an empty line, a line without zeros and a line of zeros", () => {
    for (const line of [[], [1, 2.25, 3], [0, 0, 0, 0]]) expect(unpackLine(packLine(line))).toEqual(line);
  });
});

describe("compactCharts / chartPoints (the chart series packed as one string)", () => {
  const t0 = Date.UTC(2026, 11, 1);
  const step = 15 * 60_000;
  const point = (i: number, others: boolean) => ({ t: t0 + i * step, required: 10 + i / 3, net: 9.123 + i, gross: 11 + i, shortfall: Math.max(0, 1 - i), covered: 9, ...(others ? { otherNet: 0.5 * i, otherGross: i } : {}) });
  const view = (others: boolean, mode: "net" | "gross") =>
    ({ view: mode, bucketMinutes: 15, days: [], series: [{ skillId: "S", name: "S", points: [0, 1, 2, 3].map((i) => point(i, others)) }, { skillId: "E", name: "E", points: [] }] }) as unknown as CoverageCharts;

  it("gives the points the charts drew from the arrays, to 0.01, in the chosen view", () => {
    const [s, empty] = compactCharts(view(false, "net")).series;
    expect(chartPoints(s)).toEqual([0, 1, 2, 3].map((i) => ({ t: t0 + i * step, required: Math.round((10 + i / 3) * 100) / 100, scheduled: Math.round((9.123 + i) * 100) / 100, shortfall: Math.max(0, 1 - i) })));
    expect(chartPoints(s, t0 + step, t0 + 3 * step).map((p) => p.t)).toEqual([t0 + step, t0 + 2 * step]);
    expect(chartPoints(empty)).toEqual([]);
    const [g] = compactCharts(view(true, "gross")).series;
    expect(chartPoints(g).map((p) => [p.scheduled, p.otherSites])).toEqual([0, 1, 2, 3].map((i) => [11 + i, i]));
  });

  it("sends the heatmap's hours and ratios to 0.0001, and keeps a day without demand's ratio empty", () => {
    const day = { skillId: "S", date: "2026-12-01", start: t0, end: t0 + 86_400_000, requiredHours: 392.95, availableHours: 409.80292901481664, coveredHours: 354.85292901481665, coverageRatio: 0.903048553288756, deficitHours: 38.097070985183365, isGap: false, priority: null };
    const days = compactCharts({ ...view(false, "net"), days: [day, { ...day, date: "2026-12-02", requiredHours: 0, coverageRatio: null }] } as unknown as CoverageCharts).days;
    expect(days[0]).toEqual({ ...day, availableHours: 409.8029, coveredHours: 354.8529, coverageRatio: 0.903, deficitHours: 38.0971 });
    expect(days[1].coverageRatio).toBeNull();
  });
});
