import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addShiftGross,
  chartBucket,
  computeCoverage,
  computeGrossCoverage,
  downsampleSeries,
  gridFor,
  servedSkillIds,
  shiftWorkSegments,
  type CoverageGrid,
  type CoverageInput,
} from "@/lib/domain/coverage";
import { dailyRollup } from "@/lib/domain/gaps";
import { SkillCatalog } from "@/lib/domain/skills";
import { localDayRange } from "@/lib/domain/time";
import type { Agent, Shift, ShiftBreak, ShiftStatus, Skill } from "@/lib/domain/types";
import { oracleRatios } from "./coverage-oracle";

const MIN = 60_000;
const HOUR = 60 * MIN;
const T = (h: number, m = 0) => Date.UTC(2026, 5, 1, h, m);

const skill = (id: string, parentId: string | null = null): Skill => ({ id, name: id, parentId, equivalenceGroup: null });
const catalog = new SkillCatalog([
  skill("SKILL_SALES"),
  skill("SKILL_SALES_PREMIUM", "SKILL_SALES"),
  skill("SKILL_SUPPORT"),
]);

function agent(id: string, skills: string[], timeZone = "UTC"): Agent {
  return {
    id,
    username: id,
    name: id,
    homeSiteId: "site-1",
    timeZone,
    skills: skills.map((skillId) => ({ skillId, proficiency: 3 })),
    attributes: {},
    hireDate: "2020-01-01",
    performanceRank: 1,
    contractHoursPerWeek: 40,
    availability: [],
  };
}

function shift(
  id: string,
  agentId: string,
  start: number,
  end: number,
  extra: { breaks?: ShiftBreak[]; status?: ShiftStatus; skills?: string[] } = {},
): Shift {
  return {
    id,
    agentId,
    siteId: "site-1",
    start,
    end,
    skills: (extra.skills ?? []).map((skillId) => ({ skillId, proficiency: 3 })),
    status: extra.status ?? "PUBLISHED",
    breaks: extra.breaks ?? [],
    version: 1,
  };
}

const agentMap = (...list: Agent[]) => new Map(list.map((a) => [a.id, a]));
const f64 = (values: number[]) => Float64Array.from(values);

function expectSeries(actual: Float64Array | undefined, expected: number[]) {
  expect(actual).toBeDefined();
  expect(actual!.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual![i], `index ${i}`).toBeCloseTo(v, 9));
}

describe("gridFor", () => {
  it("floors the start and ceils the end: 09:10–17:05 → 09:00, 33 intervals", () => {
    expect(gridFor({ start: T(9, 10), end: T(17, 5) })).toEqual({ start: T(9), intervalCount: 33 });
  });

  it("keeps an aligned range as it is", () => {
    expect(gridFor({ start: T(9), end: T(11) })).toEqual({ start: T(9), intervalCount: 8 });
  });
});

describe("shiftWorkSegments", () => {
  it("removes a 30-minute lunch from an 8-hour shift", () => {
    const s = shift("s", "a", T(9), T(17), { breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }] });
    expect(shiftWorkSegments(s)).toEqual([
      [T(9), T(13)],
      [T(13, 30), T(17)],
    ]);
  });

  it("takes paid breaks off the phones too", () => {
    const s = shift("s", "a", T(9), T(10), { breaks: [{ startOffsetMinutes: 30, durationMinutes: 15, paid: true }] });
    expect(shiftWorkSegments(s)).toEqual([
      [T(9), T(9, 30)],
      [T(9, 45), T(10)],
    ]);
  });

  it("merges overlapping and unsorted breaks and clips those past the end", () => {
    const s = shift("s", "a", T(9), T(12), {
      breaks: [
        { startOffsetMinutes: 170, durationMinutes: 30, paid: false },
        { startOffsetMinutes: 60, durationMinutes: 20, paid: true },
        { startOffsetMinutes: 70, durationMinutes: 20, paid: false },
      ],
    });
    expect(shiftWorkSegments(s)).toEqual([
      [T(9), T(10)],
      [T(10, 30), T(11, 50)],
    ]);
  });

  it("ignores empty breaks and returns nothing for an empty shift", () => {
    const s = shift("s", "a", T(9), T(10), { breaks: [{ startOffsetMinutes: 10, durationMinutes: 0, paid: false }] });
    expect(shiftWorkSegments(s)).toEqual([[T(9), T(10)]]);
    expect(shiftWorkSegments(shift("s", "a", T(10), T(10)))).toEqual([]);
    expect(shiftWorkSegments(shift("s", "a", T(10), T(9)))).toEqual([]);
  });

  it("does not mutate the shift's breaks when sorting them", () => {
    const breaks = [
      { startOffsetMinutes: 60, durationMinutes: 10, paid: false },
      { startOffsetMinutes: 10, durationMinutes: 10, paid: false },
    ];
    shiftWorkSegments(shift("s", "a", T(9), T(11), { breaks }));
    expect(breaks[0].startOffsetMinutes).toBe(60);
  });
});

describe("servedSkillIds", () => {
  it("lets an agent with SKILL_SALES_PREMIUM serve SKILL_SALES", () => {
    const a = agent("a", ["SKILL_SALES_PREMIUM"]);
    expect(servedSkillIds(shift("s", "a", T(9), T(10)), a, catalog)).toEqual(["SKILL_SALES", "SKILL_SALES_PREMIUM"]);
  });

  it("never lets an agent with SKILL_SALES serve SKILL_SALES_PREMIUM", () => {
    const a = agent("a", ["SKILL_SALES"]);
    expect(servedSkillIds(shift("s", "a", T(9), T(10)), a, catalog)).toEqual(["SKILL_SALES"]);
  });

  it("uses the shift's listed skills over the agent's", () => {
    const a = agent("a", ["SKILL_SALES_PREMIUM", "SKILL_SUPPORT"]);
    expect(servedSkillIds(shift("s", "a", T(9), T(10), { skills: ["SKILL_SUPPORT"] }), a, catalog)).toEqual(["SKILL_SUPPORT"]);
  });

  it("serves nothing for an unknown agent on a shift without listed skills", () => {
    expect(servedSkillIds(shift("s", "ghost", T(9), T(10)), undefined, catalog)).toEqual([]);
  });
});

/*
 * Golden fixture: one morning, 09:00–11:00 UTC (8 intervals).
 *
 *   a1 SALES                 09:10–11:00, unpaid break 10:00–10:15 (offset 50 min)
 *   a2 SALES_PREMIUM+SUPPORT 09:00–10:20 → serves SALES, SALES_PREMIUM, SUPPORT
 *   a3 SUPPORT               09:00–11:00
 *   a4 SALES                 10:30–11:00, DRAFT
 *
 * Worked fraction per interval (minutes inside / 15):
 *             09:00 09:15 09:30 09:45 10:00 10:15 10:30 10:45
 *   a1         5/15   1     1     1     0     1     1     1     (09:10 → 5 min = 1/3; break)
 *   a2          1     1     1     1     1    5/15   0     0     (10:15–10:20 = 1/3)
 *   a3          1     1     1     1     1     1     1     1
 *   a4          0     0     0     0     0     0     1     1
 *
 * Gross (everyone fully for every skill served):
 *   SALES   = a1 + a2 + a4 = [1/3+1, 2, 2, 2, 0+1, 1+1/3, 2, 2]
 *   PREMIUM = a2           = [1, 1, 1, 1, 1, 1/3, 0, 0]
 *   SUPPORT = a2 + a3      = [2, 2, 2, 2, 2, 1+1/3, 1, 1]
 *
 * Required:
 *   SALES   = [1, 1,   1,   1, 1, 1,   2, 2]
 *   PREMIUM = [0, 0,   0.5, 0, 0, 0.5, 0, 0]
 *   SUPPORT = [1, 2,   1.5, 3, 1, 1,   1, 1]
 *
 * Net: single-skill agents first, then a2's time goes where it is still short, and what
 * is left is split evenly over a2's three skills (each interval has a unique optimum):
 *   09:00 SALES short 1 − 1/3 = 2/3 → a2 gives 2/3, leftover 1/3 → 1/9 each
 *         SALES 1/3+2/3+1/9 = 10/9, PREMIUM 1/9, SUPPORT 1 + 1/9 = 10/9
 *   09:15 only SUPPORT short (2 − 1 = 1) → SUPPORT 2
 *   09:30 PREMIUM short 0.5, SUPPORT short 0.5 → both filled: PREMIUM 0.5, SUPPORT 1.5
 *   09:45 SUPPORT short 2, a2 has 1 → SUPPORT 2 (1 agent still short)
 *   10:00 a1 on break: SALES short 1 → a2 to SALES: SALES 1
 *   10:15 PREMIUM short 0.5, a2 has 1/3 → PREMIUM 1/3 (1/6 short)
 *   10:30, 10:45 a2 gone: net = gross
 */
describe("computeCoverage golden fixture: a morning with a break, a 09:10 start and a multi-skilled agent", () => {
  const agents = agentMap(
    agent("a1", ["SKILL_SALES"]),
    agent("a2", ["SKILL_SALES_PREMIUM", "SKILL_SUPPORT"]),
    agent("a3", ["SKILL_SUPPORT"]),
    agent("a4", ["SKILL_SALES"]),
  );
  const shifts = [
    shift("A", "a1", T(9, 10), T(11), { breaks: [{ startOffsetMinutes: 50, durationMinutes: 15, paid: false }] }),
    shift("B", "a2", T(9), T(10, 20)),
    shift("C", "a3", T(9), T(11)),
    shift("D", "a4", T(10, 30), T(11), { status: "DRAFT" }),
  ];
  const required = new Map([
    ["SKILL_SALES", f64([1, 1, 1, 1, 1, 1, 2, 2])],
    ["SKILL_SALES_PREMIUM", f64([0, 0, 0.5, 0, 0, 0.5, 0, 0])],
    ["SKILL_SUPPORT", f64([1, 2, 1.5, 3, 1, 1, 1, 1])],
  ]);
  const input: CoverageInput = { grid: gridFor({ start: T(9), end: T(11) }), shifts, agents, catalog, required };

  it("computes gross by hand", () => {
    const cov = computeCoverage(input);
    expect([...cov.keys()]).toEqual(["SKILL_SALES", "SKILL_SALES_PREMIUM", "SKILL_SUPPORT"]);
    expectSeries(cov.get("SKILL_SALES")?.gross, [4 / 3, 2, 2, 2, 1, 4 / 3, 2, 2]);
    expectSeries(cov.get("SKILL_SALES_PREMIUM")?.gross, [1, 1, 1, 1, 1, 1 / 3, 0, 0]);
    expectSeries(cov.get("SKILL_SUPPORT")?.gross, [2, 2, 2, 2, 2, 4 / 3, 1, 1]);
  });

  it("computes net by hand, smaller than gross where a2 is shared", () => {
    const cov = computeCoverage(input);
    expectSeries(cov.get("SKILL_SALES")?.net, [10 / 9, 1, 1, 1, 1, 1, 2, 2]);
    expectSeries(cov.get("SKILL_SALES_PREMIUM")?.net, [1 / 9, 0, 0.5, 0, 0, 1 / 3, 0, 0]);
    expectSeries(cov.get("SKILL_SUPPORT")?.net, [10 / 9, 2, 1.5, 2, 1, 1, 1, 1]);
  });

  it("copies required onto the grid", () => {
    const cov = computeCoverage(input);
    expectSeries(cov.get("SKILL_SUPPORT")?.required, [1, 2, 1.5, 3, 1, 1, 1, 1]);
    expect(cov.get("SKILL_SUPPORT")?.required).not.toBe(required.get("SKILL_SUPPORT"));
  });

  it("gives the same gross from computeGrossCoverage and from adding shifts one by one", () => {
    const gross = computeGrossCoverage(input);
    const incremental = new Map<string, Float64Array>();
    for (const s of shifts) addShiftGross(incremental, s, agents.get(s.agentId), catalog, input.grid);
    for (const [id, arr] of gross) expectSeries(incremental.get(id), Array.from(arr));
    expectSeries(gross.get("SKILL_SALES"), [4 / 3, 2, 2, 2, 1, 4 / 3, 2, 2]);
  });

  it("counts DRAFT by default and only PUBLISHED when asked", () => {
    const published = computeCoverage({ ...input, countedStatuses: ["PUBLISHED"] });
    expectSeries(published.get("SKILL_SALES")?.gross, [4 / 3, 2, 2, 2, 1, 4 / 3, 1, 1]);
    const drafts = computeCoverage({ ...input, countedStatuses: ["DRAFT"] });
    expectSeries(drafts.get("SKILL_SALES")?.gross, [0, 0, 0, 0, 0, 0, 1, 1]);
    expectSeries(drafts.get("SKILL_SUPPORT")?.gross, [0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("does not mutate its input", () => {
    const before = JSON.stringify({ shifts, required: [...required].map(([k, v]) => [k, Array.from(v)]) });
    computeCoverage(input);
    expect(JSON.stringify({ shifts, required: [...required].map(([k, v]) => [k, Array.from(v)]) })).toBe(before);
  });

  it("gives the same split whatever the order of the shifts", () => {
    const a = computeCoverage(input);
    const b = computeCoverage({ ...input, shifts: [...shifts].reverse() });
    for (const [id, c] of a) expect(Array.from(b.get(id)!.net)).toEqual(Array.from(c.net));
  });
});

describe("computeCoverage hierarchy", () => {
  const grid = gridFor({ start: T(9), end: T(10) });
  const required = new Map([
    ["SKILL_SALES", f64([1, 1, 1, 1])],
    ["SKILL_SALES_PREMIUM", f64([1, 1, 1, 1])],
  ]);

  it("counts an agent with SKILL_SALES_PREMIUM toward SKILL_SALES", () => {
    const cov = computeCoverage({
      grid,
      shifts: [shift("s", "p", T(9), T(10))],
      agents: agentMap(agent("p", ["SKILL_SALES_PREMIUM"])),
      catalog,
      required,
    });
    expectSeries(cov.get("SKILL_SALES")?.gross, [1, 1, 1, 1]);
    expectSeries(cov.get("SKILL_SALES_PREMIUM")?.gross, [1, 1, 1, 1]);
  });

  it("does not count an agent with SKILL_SALES toward SKILL_SALES_PREMIUM", () => {
    const cov = computeCoverage({
      grid,
      shifts: [shift("s", "b", T(9), T(10))],
      agents: agentMap(agent("b", ["SKILL_SALES"])),
      catalog,
      required,
    });
    expectSeries(cov.get("SKILL_SALES")?.gross, [1, 1, 1, 1]);
    expectSeries(cov.get("SKILL_SALES_PREMIUM")?.gross, [0, 0, 0, 0]);
    expectSeries(cov.get("SKILL_SALES_PREMIUM")?.net, [0, 0, 0, 0]);
  });

  it("reports skills that are served but not required, with zero demand", () => {
    const cov = computeCoverage({
      grid,
      shifts: [shift("s", "c", T(9), T(10))],
      agents: agentMap(agent("c", ["SKILL_SUPPORT"])),
      catalog,
      required,
    });
    expectSeries(cov.get("SKILL_SUPPORT")?.required, [0, 0, 0, 0]);
    expectSeries(cov.get("SKILL_SUPPORT")?.net, [1, 1, 1, 1]);
  });
});

describe("addShiftGross", () => {
  const grid = gridFor({ start: T(9), end: T(10) });
  const a = agent("a", ["SKILL_SALES_PREMIUM"]);
  const s = shift("s", "a", T(9, 10), T(9, 50));

  it("creates the arrays of every served skill and adds minutes inside / 15", () => {
    const target = new Map<string, Float64Array>();
    addShiftGross(target, s, a, catalog, grid);
    expect([...target.keys()].sort()).toEqual(["SKILL_SALES", "SKILL_SALES_PREMIUM"]);
    expectSeries(target.get("SKILL_SALES"), [1 / 3, 1, 1, 1 / 3]);
  });

  it("removes exactly what it added", () => {
    const target = new Map([["SKILL_SALES", f64([2, 2, 2, 2])]]);
    addShiftGross(target, s, a, catalog, grid);
    addShiftGross(target, s, a, catalog, grid, -1);
    expect(Array.from(target.get("SKILL_SALES")!)).toEqual([2, 2, 2, 2]);
    expect(Array.from(target.get("SKILL_SALES_PREMIUM")!)).toEqual([0, 0, 0, 0]);
  });

  it("clips a shift that starts before the grid", () => {
    const target = new Map<string, Float64Array>();
    addShiftGross(target, shift("s", "a", T(8), T(9, 20)), a, catalog, grid);
    expectSeries(target.get("SKILL_SALES"), [1, 1 / 3, 0, 0]);
  });
});

/*
 * Golden fixture across the New York spring-forward day, 2026-03-08 (a 23-hour day).
 * A night shift 00:00–06:00 local is 05:00Z–10:00Z: 5 real hours, 20 intervals, not 24.
 * Its 30-minute break at +180 min is 08:00Z–08:30Z (04:00–04:30 EDT): intervals 12, 13.
 * Worked: 4.5 hours. Required 1 agent all day: 92 intervals → 23 hours.
 * Rollup: requiredHours 23, availableHours = coveredHours = 4.5, ratio 4.5/23 → HIGH gap.
 */
describe("computeCoverage golden fixture: the New York spring-forward night", () => {
  const NY = "America/New_York";
  const day = localDayRange("2026-03-08", NY);
  const grid = gridFor(day);
  const night = shift("N", "n1", Date.UTC(2026, 2, 8, 5), Date.UTC(2026, 2, 8, 10), {
    breaks: [{ startOffsetMinutes: 180, durationMinutes: 30, paid: false }],
  });
  const required = new Map([["SKILL_SUPPORT", new Float64Array(92).fill(1)]]);
  const input: CoverageInput = {
    grid,
    shifts: [night],
    agents: agentMap(agent("n1", ["SKILL_SUPPORT"], NY)),
    catalog,
    required,
  };

  it("makes a 92-interval grid for the 23-hour day", () => {
    expect(grid).toEqual({ start: Date.UTC(2026, 2, 8, 5), intervalCount: 92 });
  });

  it("covers 20 real intervals minus the break", () => {
    const expected = new Array<number>(92).fill(0);
    for (let i = 0; i < 20; i++) expected[i] = i === 12 || i === 13 ? 0 : 1;
    const cov = computeCoverage(input).get("SKILL_SUPPORT")!;
    expectSeries(cov.gross, expected);
    expectSeries(cov.net, expected);
  });

  it("rolls up a 23-hour day with 4.5 hours covered as a HIGH gap", () => {
    const cov = computeCoverage(input).get("SKILL_SUPPORT")!;
    const [d] = dailyRollup("SKILL_SUPPORT", grid, cov.required, cov.net, NY);
    expect(d.date).toBe("2026-03-08");
    expect(d.end - d.start).toBe(23 * HOUR);
    expect(d.requiredHours).toBe(23);
    expect(d.availableHours).toBe(4.5);
    expect(d.coveredHours).toBe(4.5);
    expect(d.coverageRatio).toBeCloseTo(4.5 / 23, 12);
    expect(d.priority).toBe("HIGH");
  });
});

describe("downsampleSeries", () => {
  it("averages buckets, the last one possibly shorter", () => {
    expect(Array.from(downsampleSeries(f64([1, 2, 3, 4, 5]), 2, "mean"))).toEqual([1.5, 3.5, 5]);
  });

  it("keeps the peak with max", () => {
    expect(Array.from(downsampleSeries(f64([1, 4, 3, 2, 5, 0, 0, 0]), 4, "max"))).toEqual([4, 5]);
  });

  it("returns a copy for a bucket of 1", () => {
    const v = f64([1, 2]);
    const out = downsampleSeries(v, 1, "mean");
    expect(Array.from(out)).toEqual([1, 2]);
    expect(out).not.toBe(v);
  });

  it("picks hourly points for 28 days and keeps short ranges as they are", () => {
    expect(chartBucket(2688)).toBe(4);
    expect(chartBucket(96)).toBe(1);
    expect(Math.ceil(8640 / chartBucket(8640))).toBeLessThanOrEqual(1000);
  });
});

/* ------------------------------------------------------------------------------------ */
/* Properties                                                                            */
/* ------------------------------------------------------------------------------------ */

const PROP_SKILLS = ["P1", "P1_C", "P1_C_G", "P2", "S3"];
const propCatalog = new SkillCatalog([skill("P1"), skill("P1_C", "P1"), skill("P1_C_G", "P1_C"), skill("P2"), skill("S3")]);
interface World {
  grid: CoverageGrid;
  agents: Agent[];
  shifts: Shift[];
  required: Map<string, Float64Array>;
}

/** Small worlds of 8 intervals; `intervals: 200` spans several of the net split's blocks of 64. */
function worldArb(skillPool: string[], options: { listedSkills: boolean; intervals?: number }) {
  const intervals = options.intervals ?? 8;
  const spanMin = intervals * 15;
  const agentArb = fc.subarray(skillPool, { minLength: 1, maxLength: Math.min(3, skillPool.length) });
  const breakArb = fc.record({
    startOffsetMinutes: fc.integer({ min: -2, max: 30 }).map((n) => n * 5),
    durationMinutes: fc.integer({ min: 0, max: 6 }).map((n) => n * 5),
    paid: fc.boolean(),
  });
  const shiftArb = fc.record({
    agent: fc.nat(),
    startMin: fc.integer({ min: -6, max: spanMin / 5 + 2 }).map((n) => n * 5),
    lengthMin: fc.integer({ min: 1, max: Math.max(30, spanMin / 20) }).map((n) => n * 5),
    breaks: fc.array(breakArb, { maxLength: 2 }),
    status: fc.constantFrom<ShiftStatus>("PUBLISHED", "DRAFT"),
    listed: options.listedSkills ? fc.oneof(fc.constant([] as string[]), agentArb) : fc.constant([] as string[]),
  });
  const requiredArb = fc.array(
    fc.oneof(fc.integer({ min: 0, max: 12 }).map((n) => n / 4), fc.double({ min: 0, max: 4, noNaN: true })),
    { minLength: intervals, maxLength: intervals },
  );
  return fc
    .record({
      agentSkills: fc.array(agentArb, { minLength: 1, maxLength: 6 }),
      shifts: fc.array(shiftArb, { maxLength: intervals > 8 ? 40 : 14 }),
      required: fc.array(requiredArb, { minLength: PROP_SKILLS.length, maxLength: PROP_SKILLS.length }),
    })
    .map(({ agentSkills, shifts, required }): World => {
      const agents = agentSkills.map((skills, i) => agent(`a${i}`, skills));
      return {
        grid: { start: T(9), intervalCount: intervals },
        agents,
        shifts: shifts.map((s, k) =>
          shift(`s${k}`, `a${s.agent % agents.length}`, T(9) + s.startMin * MIN, T(9) + (s.startMin + s.lengthMin) * MIN, {
            breaks: s.breaks,
            status: s.status,
            skills: s.listed,
          }),
        ),
        required: new Map(PROP_SKILLS.map((id, k) => [id, f64(required[k])])),
      };
    });
}

const inputOf = (w: World, cat = propCatalog): CoverageInput => ({
  grid: w.grid,
  shifts: w.shifts,
  agents: agentMap(...w.agents),
  catalog: cat,
  required: w.required,
});

/** Oracle: a minute-by-minute bitmap of worked time, independent of shiftWorkSegments. */
function workedFractions(s: Shift, grid: CoverageGrid): number[] {
  const gridStartMin = grid.start / MIN;
  const minutes = new Uint8Array(grid.intervalCount * 15);
  for (let m = s.start / MIN; m < s.end / MIN; m++) {
    const k = m - gridStartMin;
    if (k >= 0 && k < minutes.length) minutes[k] = 1;
  }
  for (const b of s.breaks) {
    for (let m = 0; m < b.durationMinutes; m++) {
      const abs = s.start / MIN + b.startOffsetMinutes + m;
      if (abs < s.start / MIN || abs >= s.end / MIN) continue;
      const k = abs - gridStartMin;
      if (k >= 0 && k < minutes.length) minutes[k] = 0;
    }
  }
  const out = new Array<number>(grid.intervalCount).fill(0);
  for (let k = 0; k < minutes.length; k++) out[Math.floor(k / 15)] += minutes[k] / 15;
  return out;
}

interface Holder {
  skills: string[];
  fractions: number[];
}

function holders(w: World): Holder[] {
  const agents = agentMap(...w.agents);
  return w.shifts.map((s) => ({
    skills: servedSkillIds(s, agents.get(s.agentId), propCatalog),
    fractions: workedFractions(s, w.grid),
  }));
}

function totalShortfall(w: World, netOf: (skill: string, i: number) => number): number {
  let total = 0;
  for (const id of PROP_SKILLS) {
    for (let i = 0; i < w.grid.intervalCount; i++) total += Math.max(0, w.required.get(id)![i] - netOf(id, i));
  }
  return total;
}

/** Any split of each holder's time over their skills by weights; weights all 0 → even. */
function splitBy(w: World, weight: (holder: number, skill: string, i: number) => number): Map<string, number[]> {
  const out = new Map(PROP_SKILLS.map((id) => [id, new Array<number>(w.grid.intervalCount).fill(0)]));
  holders(w).forEach((h, k) => {
    for (let i = 0; i < w.grid.intervalCount; i++) {
      const ws = h.skills.map((id) => weight(k, id, i));
      const sum = ws.reduce((a, b) => a + b, 0);
      h.skills.forEach((id, j) => {
        out.get(id)![i] += h.fractions[i] * (sum > 0 ? ws[j] / sum : 1 / h.skills.length);
      });
    }
  });
  return out;
}

/**
 * The least possible total shortfall by min-cut, brute force over skill subsets X:
 * max-flow = min over X of Σ_{s∈X} required_s + Σ_{holders not inside X} time.
 */
function optimalShortfall(w: World): number {
  const hs = holders(w);
  let total = 0;
  for (let i = 0; i < w.grid.intervalCount; i++) {
    let best = Infinity;
    for (let mask = 0; mask < 1 << PROP_SKILLS.length; mask++) {
      let cut = 0;
      PROP_SKILLS.forEach((id, k) => {
        if (mask & (1 << k)) cut += w.required.get(id)![i];
      });
      for (const h of hs) {
        if (h.skills.some((id) => !(mask & (1 << PROP_SKILLS.indexOf(id))))) cut += h.fractions[i];
      }
      best = Math.min(best, cut);
    }
    const demand = PROP_SKILLS.reduce((a, id) => a + w.required.get(id)![i], 0);
    total += demand - best;
  }
  return total;
}

describe.each([
  { label: "8 intervals", intervals: 8, numRuns: 100 },
  { label: "200 intervals, across the net split's blocks", intervals: 200, numRuns: 25 },
])("computeCoverage properties ($label)", ({ intervals, numRuns }) => {
  const world = worldArb(PROP_SKILLS, { listedSkills: true, intervals });
  const params = { numRuns };

  it("matches a minute-by-minute oracle for gross", () => {
    fc.assert(
      fc.property(world, (w) => {
        const cov = computeCoverage(inputOf(w));
        const expected = new Map(PROP_SKILLS.map((id) => [id, new Array<number>(w.grid.intervalCount).fill(0)]));
        for (const h of holders(w)) for (const id of h.skills) h.fractions.forEach((f, i) => (expected.get(id)![i] += f));
        for (const id of PROP_SKILLS) {
          const gross = cov.get(id)!.gross;
          expected.get(id)!.forEach((v, i) => expect(Math.abs(gross[i] - v)).toBeLessThan(1e-9));
        }
      }),
      params,
    );
  });

  it("gives exactly the gross of computeGrossCoverage", () => {
    fc.assert(
      fc.property(world, (w) => {
        const gross = computeGrossCoverage(inputOf(w));
        for (const [id, c] of computeCoverage(inputOf(w))) expect(Array.from(c.gross)).toEqual(Array.from(gross.get(id)!));
      }),
      params,
    );
  });

  it("never puts net above gross", () => {
    fc.assert(
      fc.property(world, (w) => {
        for (const c of computeCoverage(inputOf(w)).values()) {
          c.net.forEach((v, i) => expect(v).toBeLessThanOrEqual(c.gross[i] + 1e-9));
        }
      }),
      params,
    );
  });

  it("spends exactly the agents' worked time across skills", () => {
    fc.assert(
      fc.property(world, (w) => {
        const cov = computeCoverage(inputOf(w));
        const worked = new Array<number>(w.grid.intervalCount).fill(0);
        for (const h of holders(w)) h.fractions.forEach((f, i) => (worked[i] += f));
        for (let i = 0; i < w.grid.intervalCount; i++) {
          let sum = 0;
          for (const c of cov.values()) sum += c.net[i];
          expect(Math.abs(sum - worked[i])).toBeLessThan(1e-9);
        }
      }),
      params,
    );
  });

  const weightsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 });

  it("reaches the least total shortfall (min-cut) and beats the proportional, even and random splits", () => {
    fc.assert(
      fc.property(world, weightsArb, (w, randomWeights) => {
        const cov = computeCoverage(inputOf(w));
        const ours = totalShortfall(w, (id, i) => cov.get(id)?.net[i] ?? 0);
        expect(Math.abs(ours - optimalShortfall(w))).toBeLessThan(1e-7);
        const proportional = splitBy(w, (_, id, i) => w.required.get(id)![i]);
        const even = splitBy(w, () => 1);
        const random = splitBy(w, (k, id, i) => randomWeights[(k * 7 + PROP_SKILLS.indexOf(id) * 3 + i) % randomWeights.length]);
        for (const split of [proportional, even, random]) {
          expect(ours).toBeLessThanOrEqual(totalShortfall(w, (id, i) => split.get(id)![i]) + 1e-9);
        }
      }),
      params,
    );
  });

  it("shares the least shortfall fairly: every interval has the oracle's lexicographic max-min ratios", () => {
    fc.assert(
      fc.property(world, (w) => {
        const cov = computeCoverage(inputOf(w));
        const hs = holders(w);
        for (let i = 0; i < w.grid.intervalCount; i++) {
          // Demand below a millionth of an agent is noise to both sides: left out.
          const required = Object.fromEntries(PROP_SKILLS.map((id) => [id, w.required.get(id)![i] > 1e-6 ? w.required.get(id)![i] : 0]));
          const teams = hs.filter((h) => h.fractions[i] > 0 && h.skills.length > 0).map((h): [number, string[]] => [h.fractions[i], h.skills]);
          for (const [id, ratio] of Object.entries(oracleRatios(PROP_SKILLS, { teams, required }))) {
            // Compared in agents, not as ratios: a ratio over a demand of a millionth of an
            // agent turns 1e-12 of float noise into a visible difference.
            if (required[id] === 0) continue;
            const ours = Math.min(required[id], cov.get(id)!.net[i]);
            expect(Math.abs(ours - ratio * required[id]), `${id} at interval ${i}`).toBeLessThan(1e-5);
          }
        }
      }),
      params,
    );
  });

  it("keeps net equal to gross when every agent serves one skill", () => {
    fc.assert(
      fc.property(worldArb(["P2", "S3"], { listedSkills: false, intervals }), (w) => {
        const single: World = { ...w, agents: w.agents.map((a) => ({ ...a, skills: a.skills.slice(0, 1) })) };
        for (const c of computeCoverage(inputOf(single)).values()) {
          c.net.forEach((v, i) => expect(Math.abs(v - c.gross[i])).toBeLessThan(1e-9));
        }
      }),
      params,
    );
  });

  it("does not depend on the order of the shifts", () => {
    fc.assert(
      fc.property(world, (w) => {
        const a = computeCoverage(inputOf(w));
        const b = computeCoverage(inputOf({ ...w, shifts: [...w.shifts].reverse() }));
        for (const [id, c] of a) {
          c.net.forEach((v, i) => expect(Math.abs(v - b.get(id)!.net[i])).toBeLessThan(1e-9));
        }
      }),
      params,
    );
  });

  it("returns to the same gross after adding and removing a shift", () => {
    fc.assert(
      fc.property(world, (w) => {
        const input = inputOf(w);
        const gross = computeGrossCoverage(input);
        const target = new Map([...gross].map(([id, arr]) => [id, Float64Array.from(arr)]));
        for (const s of w.shifts) {
          const a = input.agents.get(s.agentId);
          addShiftGross(target, s, a, propCatalog, w.grid);
          addShiftGross(target, s, a, propCatalog, w.grid, -1);
        }
        for (const [id, arr] of gross) arr.forEach((v, i) => expect(Math.abs(target.get(id)![i] - v)).toBeLessThan(1e-9));
      }),
      params,
    );
  });
});
