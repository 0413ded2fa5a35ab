import { describe, expect, it } from "vitest";
import { buildCapacityModel, capacityCoverage, capacityTotals, uncoverable } from "@/lib/domain/optimize/capacity";
import { runCapacityPlan } from "@/lib/optimize/run-capacity";
import { capacityPlanSchema, toCapacityInput, type CapacityPlanRequest } from "@/lib/schemas/capacity-plan";

/** Required agents per 15-minute interval: [day, fromHour, toHour, agents] blocks over `days` days. */
function required(days: number, blocks: [number, number, number, number][]): number[] {
  const r = new Array<number>(days * 96).fill(0);
  for (const [day, from, to, n] of blocks) for (let i = day * 96 + from * 4; i < day * 96 + to * 4; i++) r[i] = n;
  return r;
}

// Tiny models solved in milliseconds; the limit is only headroom for a loaded machine (tests expect OPTIMAL).
const plan = (p: CapacityPlanRequest) => runCapacityPlan(p, { settings: { timeLimitSeconds: 25 } });
const countsOf = (r: Awaited<ReturnType<typeof runCapacityPlan>>) => Object.fromEntries(r.counts.map((c) => [`${c.shiftTypeId}@${c.day}`, c.count]));

describe("capacity plan, hand-solved", () => {
  it("minimum deviation: two agents 08–12 and one 12–16 are met exactly by one 8 h and one 4 h shift (the cheaper of the exact plans)", async () => {
    const r = await plan({
      required: required(1, [[0, 8, 12, 2], [0, 12, 16, 1]]),
      shiftTypes: [
        { id: "early", start: "08:00", lengthHours: 4 },
        { id: "day", start: "08:00", lengthHours: 8 },
        { id: "late", start: "12:00", lengthHours: 4 },
      ],
      objective: "MIN_DEVIATION",
    });
    expect(r.status).toBe("OPTIMAL");
    // Two early + one late also matches exactly, with three agents instead of two.
    expect(countsOf(r)).toEqual({ "early@0": 1, "day@0": 1 });
    expect(r.totals).toMatchObject({ deviationHours: 0, agents: 2 });
    expect(r.gap).toBe(0);
  });

  it("minimum deviation weighs short against over: 3 h of need and a 4 h shift → one agent, 1 h over", async () => {
    const r = await plan({ required: required(1, [[0, 8, 11, 1]]), shiftTypes: [{ id: "four", start: "08:00", lengthHours: 4 }], objective: "MIN_DEVIATION" });
    expect(countsOf(r)).toEqual({ "four@0": 1 });
    expect(r.totals).toMatchObject({ deviationHours: 1, overHours: 1, shortHours: 0 });
  });

  it("minimum deviation with a binding maximum: three needed, at most two on the only shift type → 4 agent-hours short", async () => {
    const r = await plan({ required: required(1, [[0, 8, 12, 3]]), shiftTypes: [{ id: "E", start: "08:00", lengthHours: 4, maxCount: 2 }] });
    expect(countsOf(r)).toEqual({ "E@0": 2 });
    expect(r.totals).toMatchObject({ deviationHours: 4, shortHours: 4, overHours: 0 });
  });

  const peak = required(1, [[0, 8, 12, 2], [0, 12, 14, 3], [0, 14, 20, 1]]);
  const abc = (maxA: number | null, cost: boolean) => [
    { id: "A", start: "08:00", lengthHours: 6, cost: cost ? 6 : 1, maxCount: maxA },
    { id: "B", start: "12:00", lengthHours: 8, cost: cost ? 8 : 1 },
    { id: "C", start: "08:00", lengthHours: 12, cost: cost ? 12 : 1 },
  ];

  it("minimum agents: three agents are needed at 12–14 and three suffice", async () => {
    const r = await plan({ required: peak, shiftTypes: abc(null, false), objective: "MIN_AGENTS" });
    expect(r.status).toBe("OPTIMAL");
    expect(r.totals.agents).toBe(3);
    expect(r.incumbent).toBeCloseTo(3, 9);
    expect(r.totals.shortHours).toBe(0);
  });

  it("minimum cost: paid by the hour, two 6 h and one 8 h shift (20) beat every plan with the 12 h shift (26, 30, 32)", async () => {
    const r = await plan({ required: peak, shiftTypes: abc(null, true), objective: "MIN_AGENTS" });
    expect(countsOf(r)).toEqual({ "A@0": 2, "B@0": 1 });
    expect(r.totals.cost).toBe(20);
  });

  it("minimum cost with A capped at one per day: one of each (26)", async () => {
    const r = await plan({ required: peak, shiftTypes: abc(1, true), objective: "MIN_AGENTS" });
    expect(countsOf(r)).toEqual({ "A@0": 1, "B@0": 1, "C@0": 1 });
    expect(r.totals.cost).toBe(26);
    expect(r.totals.shortHours).toBe(0);
  });

  it("a night shift crossing midnight covers the next day's early hours: one night agent instead of two", async () => {
    const r = await plan({
      required: required(2, [[0, 22, 24, 1], [1, 0, 6, 1]]),
      shiftTypes: [
        { id: "night", start: "22:00", lengthHours: 8 },
        { id: "late", start: "22:00", lengthHours: 2 },
        { id: "dawn", start: "00:00", lengthHours: 6 },
      ],
      objective: "MIN_AGENTS",
    });
    expect(countsOf(r)).toEqual({ "night@0": 1 });
    expect(r.coverage.slice(96 + 5 * 4, 96 + 6 * 4)).toEqual([1, 1, 1, 1]);
    expect(r.coverage[96 + 6 * 4]).toBe(0);
  });

  it("minimum agents that no plan can meet is refused, naming the interval and what is reachable", async () => {
    await expect(plan({ required: required(1, [[0, 8, 9, 2]]), shiftTypes: [{ id: "E", start: "08:00", lengthHours: 4, maxCount: 1 }], objective: "MIN_AGENTS" })).rejects.toThrow(
      /day 1 08:00 requires 2 agents and the shift types can place at most 1/,
    );
  });
});

describe("capacity plan model and coverage series", () => {
  const input = toCapacityInput(
    capacityPlanSchema.parse({ required: required(2, [[0, 6, 10, 2.5], [1, 0, 2, 1]]), shiftTypes: [{ id: "N", start: "22:00", lengthHours: 8 }, { id: "M", start: "06:00", lengthHours: 4, maxCount: 5 }] }),
  );

  it("a count's ceiling is the largest requirement it meets, rounded up, within maxCount; a shift meeting no demand has no column", () => {
    const cm = buildCapacityModel(input);
    // N on day 0 meets day 1 00:00–02:00 (1 agent); N on day 1 meets nothing; M on day 0 meets 2.5 → 3; M on day 1 meets nothing.
    expect(cm.columns.map((c) => [input.shiftTypes[c.type].id, c.day, cm.model.colUpper[c.col]])).toEqual([
      ["N", 0, 1],
      ["M", 0, 3],
    ]);
  });

  it("the coverage series clips a shift at the end of the horizon and sums counts", () => {
    const cov = capacityCoverage(input, [
      { shiftTypeId: "N", day: 1, count: 2 },
      { shiftTypeId: "M", day: 0, count: 3 },
    ]);
    expect(cov.length).toBe(192);
    expect([...cov.slice(24, 40)]).toEqual(new Array(16).fill(3));
    expect(cov[40]).toBe(0);
    expect([...cov.slice(96 + 88)]).toEqual(new Array(8).fill(2));
    expect(capacityTotals(input, [{ shiftTypeId: "M", day: 0, count: 3 }])).toMatchObject({ overHours: 2, shortHours: 2, agents: 3, cost: 3 });
  });

  it("feasibility check under maxCount is exact per interval", () => {
    const capped = { ...input, shiftTypes: [input.shiftTypes[1]] };
    expect(uncoverable(capped).map((u) => u.interval)).toEqual([96, 97, 98, 99, 100, 101, 102, 103]);
  });
});

describe("capacity plan input", () => {
  const ok = { required: required(1, [[0, 8, 9, 1]]), shiftTypes: [{ id: "E", start: "08:00", lengthHours: 4 }] };
  const issue = (p: unknown) => {
    const r = capacityPlanSchema.safeParse(p);
    expect(r.success).toBe(false);
    return r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(" | ");
  };

  it("no shift types", () => expect(issue({ ...ok, shiftTypes: [] })).toMatch(/^shiftTypes: Give at least one shift type/));
  it("a shift type longer than 24 h names the row and the value", () => expect(issue({ ...ok, shiftTypes: [ok.shiftTypes[0], { id: "X", start: "08:00", lengthHours: 25 }] })).toBe("shiftTypes.1.lengthHours: A shift type lasts at most 24 hours (got 25)."));
  it("an empty requirement", () => expect(issue({ ...ok, required: [] })).toMatch(/^required: required is empty/));
  it("a requirement that is not whole days", () => expect(issue({ ...ok, required: [1, 2, 3] })).toMatch(/required has 3 values: give 96 per day/));
  it("a requirement with no demand", () => expect(issue({ ...ok, required: new Array(96).fill(0) })).toMatch(/no demand/));
  it("a start off the grid and a length off the quarter hour", () => {
    expect(issue({ ...ok, shiftTypes: [{ id: "E", start: "08:10", lengthHours: 4 }] })).toMatch(/^shiftTypes.0.start: Start "08:10"/);
    expect(issue({ ...ok, shiftTypes: [{ id: "E", start: "08:00", lengthHours: 4.1 }] })).toMatch(/^shiftTypes.0.lengthHours: Length 4.1 h/);
  });
  it("a shift type named twice", () => expect(issue({ ...ok, shiftTypes: [ok.shiftTypes[0], ok.shiftTypes[0]] })).toMatch(/shiftTypes.1.id: Shift type "E" is named twice/));
  it("an unknown objective", () => expect(issue({ ...ok, objective: "CHEAPEST" })).toMatch(/^objective: objective is MIN_DEVIATION/));
});
