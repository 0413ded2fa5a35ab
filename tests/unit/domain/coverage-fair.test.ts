/**
 * One rule for splitting shortfall across skills (lib/domain/coverage/README.md): among the
 * splits with the least total shortfall, the lexicographic max-min of coverage ratios.
 * Checked by hand on small cases and against an independent oracle: progressive filling by
 * bisection with Hall's condition over every subset of skills (no max-flow).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCoverage, gridFor, type CoverageInput } from "@/lib/domain/coverage";
import { SkillCatalog } from "@/lib/domain/skills";
import type { Agent, Shift, Skill } from "@/lib/domain/types";
import { oracleRatios, type Case } from "./coverage-oracle";

const T = (h: number, m = 0) => Date.UTC(2026, 11, 1, h, m);
const skill = (id: string, parentId: string | null = null): Skill => ({ id, name: id, parentId, equivalenceGroup: null });

function agent(id: string, skills: string[]): Agent {
  return {
    id,
    username: id,
    name: id,
    homeSiteId: "site-1",
    timeZone: "UTC",
    skills: skills.map((skillId) => ({ skillId, proficiency: 3 })),
    attributes: {},
    hireDate: "2020-01-01",
    performanceRank: 1,
    contractHoursPerWeek: 40,
    availability: [],
  };
}

function shift(id: string, agentId: string): Shift {
  return { id, agentId, siteId: "site-1", start: T(9), end: T(9, 15), skills: [], status: "PUBLISHED", breaks: [], version: 1 };
}

/** One interval, 09:00–09:15: `teams` of agents holding the same skills, and the demand. */
function oneInterval(catalog: SkillCatalog, teams: Array<[count: number, skills: string[]]>, required: Record<string, number>): CoverageInput {
  const agents: Agent[] = [];
  teams.forEach(([count, skills], t) => {
    for (let k = 0; k < count; k++) agents.push(agent(`t${t}-${k}`, skills));
  });
  return {
    grid: gridFor({ start: T(9), end: T(9, 15) }),
    shifts: agents.map((a) => shift(`s-${a.id}`, a.id)),
    agents: new Map(agents.map((a) => [a.id, a])),
    catalog,
    required: new Map(Object.entries(required).map(([id, v]) => [id, Float64Array.of(v)])),
  };
}

const netOf = (input: CoverageInput) => Object.fromEntries([...computeCoverage(input)].map(([id, c]) => [id, c.net[0]]));
const shortfall = (net: Record<string, number>, required: Record<string, number>) =>
  Object.entries(required).reduce((sum, [id, r]) => sum + Math.max(0, r - (net[id] ?? 0)), 0);

describe("fair split: the demo's sales family", () => {
  // SALES_PREMIUM agents also serve SALES (parent); SALES_US is its own queue.
  const catalog = new SkillCatalog([skill("SKILL_SALES"), skill("SKILL_SALES_PREMIUM", "SKILL_SALES"), skill("SKILL_SALES_US")]);
  const required = { SKILL_SALES: 4, SKILL_SALES_PREMIUM: 2, SKILL_SALES_US: 4 };
  const input = oneInterval(
    catalog,
    [
      [4, ["SKILL_SALES_PREMIUM", "SKILL_SALES_US"]],
      [2, ["SKILL_SALES", "SKILL_SALES_US"]],
    ],
    required,
  );

  it("shares 4 agents of shortfall so SALES, PREMIUM and US all read 60 %, not SALES 100 % and PREMIUM 0 %", () => {
    // Filling in skill order gave SALES 4/4, PREMIUM 0/2, US 2/4: the same total shortfall.
    const net = netOf(input);
    expect(net.SKILL_SALES / 4).toBeCloseTo(0.6, 9);
    expect(net.SKILL_SALES_PREMIUM / 2).toBeCloseTo(0.6, 9);
    expect(net.SKILL_SALES_US / 4).toBeCloseTo(0.6, 9);
    expect(shortfall(net, required)).toBeCloseTo(4, 9);
  });

  it("gives the same ratios whatever the skills are called and whatever order the agents come in", () => {
    // Renamed so the alphabetical order of the three skills is reversed.
    const renamed = new SkillCatalog([skill("Z_SALES"), skill("Y_PREMIUM", "Z_SALES"), skill("X_US")]);
    const other = oneInterval(
      renamed,
      [
        [2, ["Z_SALES", "X_US"]],
        [4, ["Y_PREMIUM", "X_US"]],
      ],
      { Z_SALES: 4, Y_PREMIUM: 2, X_US: 4 },
    );
    const net = netOf({ ...other, shifts: [...other.shifts].reverse() });
    const ours = netOf(input);
    expect(net.Z_SALES).toBeCloseTo(ours.SKILL_SALES, 9);
    expect(net.Y_PREMIUM).toBeCloseTo(ours.SKILL_SALES_PREMIUM, 9);
    expect(net.X_US).toBeCloseTo(ours.SKILL_SALES_US, 9);
  });
});

describe("fair split: levels", () => {
  const catalog = new SkillCatalog([skill("A"), skill("B"), skill("C")]);

  it("settles the skill only one small team serves at 50 %, then lifts the others to 100 %", () => {
    // 1 agent serves A or B, 3 serve B or C. A can never pass 1/2; B and C then fit in the 3.
    const required = { A: 2, B: 2, C: 1 };
    const net = netOf(oneInterval(catalog, [[1, ["A", "B"]], [3, ["B", "C"]]], required));
    expect(net.A).toBeCloseTo(1, 9);
    expect(net.B).toBeCloseTo(2, 9);
    expect(net.C).toBeCloseTo(1, 9);
  });

  it("counts single-skill agents first and raises the lowest ratio: C with 1 of 4 gets the shared agent", () => {
    // Shared agent serves B or C; B already has 2 of 3 alone (67 %), C 1 of 4 (25 %).
    const required = { B: 3, C: 4 };
    const net = netOf(oneInterval(catalog, [[2, ["B"]], [1, ["C"]], [1, ["B", "C"]]], required));
    expect(net.B).toBeCloseTo(2, 9);
    expect(net.C).toBeCloseTo(2, 9);
  });

  it("evens two equally short skills: 3 shared agents for 4 + 4 → 1.5 each beyond what singles give", () => {
    const required = { A: 4, B: 4 };
    const net = netOf(oneInterval(catalog, [[1, ["A"]], [1, ["B"]], [3, ["A", "B"]]], required));
    expect(net.A).toBeCloseTo(2.5, 9);
    expect(net.B).toBeCloseTo(2.5, 9);
  });

  it("leaves skills with nothing required out of the ratios: surplus still goes somewhere", () => {
    const required = { A: 1, B: 0 };
    const net = netOf(oneInterval(catalog, [[3, ["A", "B"]]], required));
    expect(net.A).toBeGreaterThanOrEqual(1 - 1e-9);
    expect(net.A + net.B).toBeCloseTo(3, 9);
  });
});


const SKILLS = ["K1", "K2", "K3", "K4"];
const propCatalog = new SkillCatalog(SKILLS.map((id) => skill(id)));

const caseArb: fc.Arbitrary<Case> = fc.record({
  teams: fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.subarray(SKILLS, { minLength: 1, maxLength: 3 })), {
    minLength: 1,
    maxLength: 5,
  }),
  // Demand in quarter agents, as forecasts come.
  required: fc.record(Object.fromEntries(SKILLS.map((id) => [id, fc.integer({ min: 0, max: 24 }).map((n) => n / 4)]))),
});

describe("fair split against the oracle", () => {
  it("gives every skill the oracle's capped coverage ratio", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const net = netOf(oneInterval(propCatalog, c.teams, c.required));
        for (const [id, ratio] of Object.entries(oracleRatios(SKILLS, c))) {
          expect(Math.abs(Math.min(1, net[id] / c.required[id]) - ratio), id).toBeLessThan(1e-7);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is lexicographically at least as good as every split on a 1/4-agent grid", () => {
    // A brute force over explicit splits: every team's agents in quarter steps over its skills.
    const small = fc.record({
      teams: fc.array(fc.tuple(fc.integer({ min: 1, max: 2 }), fc.subarray(SKILLS.slice(0, 3), { minLength: 2, maxLength: 3 })), {
        minLength: 1,
        maxLength: 2,
      }),
      required: fc.record(Object.fromEntries(SKILLS.slice(0, 3).map((id) => [id, fc.integer({ min: 0, max: 12 }).map((n) => n / 4)]))),
    });
    fc.assert(
      fc.property(small, (c) => {
        const ids = Object.keys(c.required).filter((id) => c.required[id] > 0);
        const sortedRatios = (net: Record<string, number>) => ids.map((id) => Math.min(1, (net[id] ?? 0) / c.required[id])).sort((a, b) => a - b);
        const ours = sortedRatios(netOf(oneInterval(propCatalog, c.teams, c.required)));
        const splits = (quarters: number, parts: number): number[][] =>
          parts === 1 ? [[quarters]] : Array.from({ length: quarters + 1 }, (_, q) => splits(quarters - q, parts - 1).map((rest) => [q, ...rest])).flat();
        const perTeam = c.teams.map(([n, skills]) => splits(n * 4, skills.length));
        const walk = (team: number, net: Record<string, number>) => {
          if (team === c.teams.length) {
            const theirs = sortedRatios(net);
            // Ours must not be lexicographically smaller than any explicit split.
            const k = theirs.findIndex((v, j) => Math.abs(v - ours[j]) > 1e-9);
            if (k >= 0) expect(ours[k]).toBeGreaterThan(theirs[k]);
            return;
          }
          for (const split of perTeam[team]) {
            const next = { ...net };
            c.teams[team][1].forEach((id, j) => (next[id] = (next[id] ?? 0) + split[j] / 4));
            walk(team + 1, next);
          }
        };
        walk(0, {});
      }),
      { numRuns: 60 },
    );
  });
});
