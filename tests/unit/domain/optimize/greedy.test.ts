import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gridFor } from "@/lib/domain/coverage";
import { greedyFill, type ComplianceRules, type GapResolutionRule, type GreedyInput } from "@/lib/domain/optimize/greedy";
import { SkillCatalog } from "@/lib/domain/skills";
import type { Agent, LaborRules, Shift, Site } from "@/lib/domain/types";

const H = 3_600_000;
const MON = Date.UTC(2026, 2, 2); // Monday 2 March 2026
const at = (day: number, hour: number) => MON + day * 24 * H + hour * H;
const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");

const LABOR: LaborRules = { minRestHours: 10, maxDailyHours: 12, maxConsecutiveHours: 10, maxShiftsPerDay: 1, minShiftHours: 4, maxShiftHours: 10, earliestStartLocal: null };
const site = (labor: Partial<LaborRules> = {}, timeZone = "UTC"): Site => ({ id: "S", name: "Site", timeZone, laborRules: { ...LABOR, ...labor } });
const catalog = new SkillCatalog([
  { id: "SALES", name: "Sales", parentId: null, equivalenceGroup: null },
  { id: "PREMIUM", name: "Premium", parentId: "SALES", equivalenceGroup: null },
  { id: "BILLING", name: "Billing", parentId: null, equivalenceGroup: null },
]);
const agent = (id: string, o: Partial<Agent> = {}): Agent => ({
  id,
  username: id,
  name: id,
  homeSiteId: "S",
  timeZone: "UTC",
  skills: [{ skillId: "SALES", proficiency: 3 }],
  attributes: {},
  hireDate: "2020-01-01",
  performanceRank: 1,
  contractHoursPerWeek: 40,
  availability: [],
  ...o,
});
const shift = (id: string, agentId: string, start: number, end: number, o: Partial<Shift> = {}): Shift => ({
  id,
  agentId,
  siteId: "S",
  start,
  end,
  skills: [],
  status: "PUBLISHED",
  breaks: [],
  version: 1,
  ...o,
});
const grid = gridFor({ start: MON, end: at(2, 0) });
/** Required agents: [from, to, n] in hours since Monday 00:00 UTC. */
function need(...blocks: [number, number, number][]): Float64Array {
  const a = new Float64Array(grid.intervalCount);
  for (const [from, to, n] of blocks) for (let i = from * 4; i < to * 4; i++) a[i] += n;
  return a;
}
const rule = (targetSkillId: string, o: Partial<GapResolutionRule> = {}): GapResolutionRule => ({
  targetSkillId,
  deficitHours: 0,
  priority: "HIGH",
  allowOvertime: false,
  maxOvertimeHoursPerAgent: 0,
  preferredAgentPool: "AVAILABLE",
  ...o,
});
const COMPLIANCE: ComplianceRules = { maxConsecutiveHours: 10, minBreakDuration: 30, respectPublishedShifts: true };

function run(o: Partial<GreedyInput> & Pick<GreedyInput, "agents" | "required" | "rules">) {
  return greedyFill({ grid, sites: [site()], catalog, shifts: [], compliance: COMPLIANCE, ...o });
}

describe("greedyFill, hand-checked", () => {
  it("fills a four-hour gap with one legal shift covering it", () => {
    const r = run({ agents: [agent("A")], required: new Map([["SALES", need([9, 13, 1])]]), rules: [rule("SALES")] });
    expect(r.engine).toBe("greedy");
    expect(r.assignmentRecommendations).toEqual([
      {
        agentId: "A",
        complianceScore: 1,
        recommendedShifts: [{ skillId: "SALES", startTime: iso(at(0, 9)), endTime: iso(at(0, 13)), coverageImpact: 4, overtimeFlag: false, overtimeHours: 0, breaks: [], extendsShiftId: null }],
      },
    ]);
    expect(r.unmetRequirements).toEqual([]);
    expect(r.stats).toMatchObject({ shortfallHoursBefore: 4, shortfallHoursAfter: 0 });
    expect(r.projectedCoverageImprovement).toBe(1);
    expect(r.proposedShifts[0]).toMatchObject({ agentId: "A", status: "DRAFT", skills: [{ skillId: "SALES", proficiency: 3 }] });
  });

  it("gives a shift longer than 6 h its break, which covers nothing", () => {
    const r = run({ agents: [agent("A")], required: new Map([["SALES", need([9, 17, 1])]]), rules: [rule("SALES")] });
    const [s] = r.assignmentRecommendations[0].recommendedShifts;
    expect([s.startTime, s.endTime]).toEqual([iso(at(0, 9)), iso(at(0, 17))]);
    expect(s.breaks).toEqual([{ startTimeOffset: 3.75 * 3600, duration: 1800 }]);
    expect(s.coverageImpact).toBe(7.5);
    // The half hour of the break is left, too small to be worth a shift of its own.
    expect(r.unmetRequirements).toEqual([
      { skillId: "SALES", start: iso(at(0, 12.75)), end: iso(at(0, 13.25)), shortfallHours: 0.5, peakShortfall: 1, reason: "BELOW_MINIMUM_GAIN" },
    ]);
  });

  it("never double-books an agent who already works then", () => {
    const r = run({
      agents: [agent("A"), agent("B")],
      shifts: [shift("s1", "A", at(0, 9), at(0, 17))],
      required: new Map([["SALES", need([9, 13, 2])]]),
      rules: [rule("SALES")],
    });
    expect(r.assignmentRecommendations.map((x) => x.agentId)).toEqual(["B"]);
    expect(r.stats.shortfallHoursAfter).toBe(0);
  });

  it("respects the minimum rest between shifts", () => {
    const base = { agents: [agent("A")], shifts: [shift("s1", "A", at(0, 14), at(0, 22))], rules: [rule("SALES")] };
    // Tue 06–10 needs someone; A finished at 22:00, so the earliest legal start is 08:00.
    const tooSoon = run({ ...base, required: new Map([["SALES", need([30, 34, 1])]]) });
    expect(tooSoon.assignmentRecommendations[0].recommendedShifts).toMatchObject([{ startTime: iso(at(1, 8)), endTime: iso(at(1, 12)), coverageImpact: 2 }]);
    expect(tooSoon.unmetRequirements).toEqual([
      { skillId: "SALES", start: iso(at(1, 6)), end: iso(at(1, 8)), shortfallHours: 2, peakShortfall: 1, reason: "NO_FEASIBLE_AGENT" },
    ]);
    const rested = run({ ...base, required: new Map([["SALES", need([32, 36, 1])]]) }); // Tue 08–12: 10 h rest
    expect(rested.assignmentRecommendations[0].recommendedShifts[0]).toMatchObject({ startTime: iso(at(1, 8)), endTime: iso(at(1, 12)) });
  });

  it("uses overtime only where the rule allows it, within the cap, as an extension of the shift", () => {
    const base = {
      agents: [agent("A", { contractHoursPerWeek: 8 })],
      shifts: [shift("s1", "A", at(0, 9), at(0, 17))],
      required: new Map([["SALES", need([17, 19, 1])]]),
    };
    const none = run({ ...base, rules: [rule("SALES")] });
    expect(none.assignmentRecommendations).toEqual([]);
    expect(none.unmetRequirements[0].reason).toBe("NO_FEASIBLE_AGENT");

    const capped = run({ ...base, rules: [rule("SALES", { allowOvertime: true, maxOvertimeHoursPerAgent: 1.5 })] });
    expect(capped.assignmentRecommendations).toEqual([
      {
        agentId: "A",
        complianceScore: 0.7,
        recommendedShifts: [{ skillId: "SALES", startTime: iso(at(0, 17)), endTime: iso(at(0, 18.5)), coverageImpact: 1.5, overtimeFlag: true, overtimeHours: 1.5, breaks: [], extendsShiftId: "s1" }],
      },
    ]);
    expect(capped.estimatedOvertimeHours).toBe(1.5);
  });

  it("keeps an extended stretch within maxConsecutiveHours", () => {
    const r = run({
      agents: [agent("A")],
      shifts: [shift("s1", "A", at(0, 8), at(0, 17))],
      required: new Map([["SALES", need([17, 21, 1])]]),
      rules: [rule("SALES")],
    });
    // 9 h shift + at most 1 h: the compliance cap of 10 consecutive hours.
    const shifts = r.assignmentRecommendations.flatMap((x) => x.recommendedShifts);
    expect(shifts).toEqual([expect.objectContaining({ startTime: iso(at(0, 17)), endTime: iso(at(0, 18)), extendsShiftId: "s1" })]);
  });

  it("only agents who serve the skill: a child serves its parent, never the reverse", () => {
    const premium = agent("P", { skills: [{ skillId: "PREMIUM", proficiency: 5 }] });
    const sales = agent("S1");
    const r = run({ agents: [premium, sales], required: new Map([["PREMIUM", need([9, 13, 1])]]), rules: [rule("PREMIUM")] });
    expect(r.assignmentRecommendations.map((x) => x.agentId)).toEqual(["P"]);
    const p = run({ agents: [premium], required: new Map([["SALES", need([9, 13, 1])]]), rules: [rule("SALES")] });
    expect(p.assignmentRecommendations[0].agentId).toBe("P");
    expect(p.proposedShifts[0].skills).toEqual([{ skillId: "SALES", proficiency: 5 }]);
    const none = run({ agents: [sales], required: new Map([["BILLING", need([9, 13, 1])]]), rules: [rule("BILLING")] });
    expect(none.assignmentRecommendations).toEqual([]);
    expect(none.unmetRequirements[0].reason).toBe("NO_QUALIFIED_AGENT");
  });

  it("reads availability in the agent's home zone; pool ANY may leave it at a compliance cost", () => {
    // Monday 09:00–13:00 in New York (UTC−5 on 2 March) is 14:00–18:00 UTC.
    const ny = agent("NY", { timeZone: "America/New_York", availability: [{ weekday: 1, startMinute: 9 * 60, endMinute: 13 * 60 }] });
    const required = new Map([["SALES", need([12, 18, 1])]]);
    const r = run({ agents: [ny], sites: [site({}, "America/New_York")], required, rules: [rule("SALES")] });
    expect(r.assignmentRecommendations[0].recommendedShifts[0]).toMatchObject({ startTime: iso(at(0, 14)), endTime: iso(at(0, 18)) });
    const any = run({ agents: [ny], sites: [site({}, "America/New_York")], required, rules: [rule("SALES", { preferredAgentPool: "ANY" })] });
    expect(any.assignmentRecommendations[0].recommendedShifts[0]).toMatchObject({ startTime: iso(at(0, 12)), endTime: iso(at(0, 18)) });
    expect(any.assignmentRecommendations[0].complianceScore).toBe(0.83);
  });

  it("never starts a shift before the site's earliest local start", () => {
    const r = run({ agents: [agent("A")], sites: [site({ earliestStartLocal: "06:00" })], required: new Map([["SALES", need([4, 8, 1])]]), rules: [rule("SALES")] });
    expect(r.assignmentRecommendations[0].recommendedShifts[0].startTime).toBe(iso(at(0, 6)));
  });

  it("keeps to the site's shifts per day and daily hours", () => {
    const base = { agents: [agent("A")], shifts: [shift("s1", "A", at(0, 6), at(0, 14))], required: new Map([["SALES", need([16, 20, 1])]]), rules: [rule("SALES")] };
    const onePerDay = run({ ...base, sites: [site({ minRestHours: 1, maxShiftsPerDay: 1 })] });
    expect(onePerDay.assignmentRecommendations).toEqual([]);
    const twoPerDay = run({ ...base, sites: [site({ minRestHours: 1, maxShiftsPerDay: 2 })] });
    expect(twoPerDay.assignmentRecommendations[0].recommendedShifts[0]).toMatchObject({ startTime: iso(at(0, 16)), endTime: iso(at(0, 20)) });
    // 8 h worked + 4 h would be 12 h that day.
    const tenHourDay = run({ ...base, sites: [site({ minRestHours: 1, maxShiftsPerDay: 2, maxDailyHours: 10 })] });
    expect(tenHourDay.assignmentRecommendations).toEqual([]);
  });

  it("a list pool restricts the agents", () => {
    const r = run({ agents: [agent("A"), agent("B")], required: new Map([["SALES", need([9, 13, 1])]]), rules: [rule("SALES", { preferredAgentPool: ["B"] })] });
    expect(r.assignmentRecommendations.map((x) => x.agentId)).toEqual(["B"]);
  });

  it("takes the largest window first, and a HIGH window before a bigger MEDIUM one", () => {
    const r = run({
      agents: [agent("A")],
      required: new Map([
        ["SALES", need([9, 13, 1])],
        ["BILLING", need([9, 15, 1])],
      ]),
      rules: [rule("SALES", { priority: "HIGH" }), rule("BILLING", { priority: "MEDIUM" })],
    });
    // A serves only SALES; with a billing agent too, the HIGH sales window (4 h × 3) beats billing (6 h × 2).
    expect(r.assignmentRecommendations[0].recommendedShifts[0].skillId).toBe("SALES");
  });
});

describe("greedyFill, invariants on random small centers", () => {
  const blocks = fc.array(fc.tuple(fc.integer({ min: 0, max: 44 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 5 });
  const existing = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 4, max: 9 })), { maxLength: 5 });

  it("no overlaps, rest or extension adjacency, legal lengths, caps kept, shortfall never grows", () => {
    fc.assert(
      fc.property(blocks, existing, fc.boolean(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 8, max: 40 }), (demand, given, allowOvertime, cap, contract) => {
        const agents = ["A", "B", "C", "D"].map((id, i) =>
          agent(id, { contractHoursPerWeek: contract, availability: i === 3 ? [{ weekday: 1, startMinute: 6 * 60, endMinute: 20 * 60 }] : [] }),
        );
        // Existing shifts, dropping any that overlap an earlier one of the same agent.
        const shifts: Shift[] = [];
        for (const [k, [a, from, len]] of given.entries()) {
          const s = shift(`e${k}`, agents[a].id, at(0, from), at(0, from + len));
          if (!shifts.some((x) => x.agentId === s.agentId && x.start < s.end && x.end > s.start)) shifts.push(s);
        }
        const required = new Map([["SALES", need(...demand.map(([from, len, n]) => [from, Math.min(48, from + len), n] as [number, number, number]))]]);
        const r = run({ agents, shifts, required, rules: [rule("SALES", { allowOvertime, maxOvertimeHoursPerAgent: cap })] });

        expect(r.stats.shortfallHoursAfter).toBeLessThanOrEqual(r.stats.shortfallHoursBefore + 1e-9);
        expect(r.projectedCoverageImprovement).toBeGreaterThanOrEqual(0);
        for (const rec of r.assignmentRecommendations) {
          const ot = rec.recommendedShifts.reduce((s, x) => s + x.overtimeHours, 0);
          if (!allowOvertime) expect(ot).toBe(0);
          expect(ot).toBeLessThanOrEqual(cap + 1e-9);
          const mine = shifts.filter((s) => s.agentId === rec.agentId).map((s) => ({ start: s.start, end: s.end, proposed: false, ext: false }));
          for (const x of rec.recommendedShifts) {
            const start = Date.parse(x.startTime);
            const end = Date.parse(x.endTime);
            expect(start).toBeGreaterThanOrEqual(grid.start);
            expect(end).toBeLessThanOrEqual(grid.start + grid.intervalCount * 900_000);
            if (x.extendsShiftId === null) {
              expect(end - start).toBeGreaterThanOrEqual(4 * H);
              expect(end - start).toBeLessThanOrEqual(10 * H);
            }
            if (rec.agentId === "D") {
              // Available Monday 06:00–20:00 only.
              expect(start).toBeGreaterThanOrEqual(at(0, 6));
              expect(end).toBeLessThanOrEqual(at(0, 20));
            }
            mine.push({ start, end, proposed: true, ext: x.extendsShiftId !== null });
          }
          mine.sort((a, b) => a.start - b.start);
          let stretchStart = mine[0].start;
          let stretchHasProposal = mine[0].proposed;
          for (let k = 1; k < mine.length; k++) {
            const prev = mine[k - 1];
            const cur = mine[k];
            expect(cur.start).toBeGreaterThanOrEqual(prev.end); // no overlap
            const gap = cur.start - prev.end;
            if (prev.proposed || cur.proposed) {
              if (gap === 0) expect(prev.ext || cur.ext).toBe(true);
              else expect(gap).toBeGreaterThanOrEqual(10 * H);
            }
            if (gap === 0) stretchHasProposal ||= cur.proposed;
            else {
              stretchStart = cur.start;
              stretchHasProposal = cur.proposed;
            }
            if (stretchHasProposal) expect(cur.end - stretchStart).toBeLessThanOrEqual(10 * H);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
