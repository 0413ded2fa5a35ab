/**
 * From the solver's column values back to the seed's answer: proposals per agent with what
 * each covers, overtime against the contract week by week, the unmet requirements with why.
 */
import type { Shift } from "../../types";
import { INTERVAL_MS } from "../../types";
import { EPS, IH, isoNoMillis, round2 } from "../common";
import { summarize, type ProposalRecord } from "../results";
import type { GreedyResult, UnmetRequirement } from "../types";
import type { ExactPrepared } from "./prepare";

export type SolverStatus = "OPTIMAL" | "TIME_LIMIT" | "INTERRUPTED" | "INFEASIBLE" | "ERROR" | "NOT_RUN" | "GAP_REACHED"
  /** Large models: the best plan among the candidates the relaxation uses is proven; the gap to the relaxation's bound stays above the target. */
  | "RESTRICTED_OPTIMAL";

export interface SolveFigures {
  /** Proven lower bound on the objective (LP relaxation or better). */
  bound: number | null;
  /** Objective of the answer returned. */
  incumbent: number | null;
  /** (incumbent − bound) / incumbent; 0 when both are 0. */
  gap: number | null;
  solverStatus: SolverStatus;
  solveMs: number;
}

export type ExactResult = Omit<GreedyResult, "engine"> &
  SolveFigures & {
    engine: "exact" | "greedy";
    /** What the planner should know about how the answer was reached (fallbacks, decomposition). */
    notes: string[];
    model: { columns: number; rows: number; binaries: number; nonzeros: number };
    /** The greedy's answer in the same objective (its proposals fixed, the split solved), when measured. */
    greedyObjective?: number | null;
  };

export function gapOf(incumbent: number | null, bound: number | null): number | null {
  if (incumbent === null || bound === null) return null;
  const diff = Math.max(0, incumbent - bound);
  if (diff <= 1e-9) return 0;
  return diff / Math.max(Math.abs(incumbent), 1e-9);
}

export function modelSize(prep: ExactPrepared): ExactResult["model"] {
  return { columns: prep.model.numCols, rows: prep.model.numRows, binaries: prep.index.candidates.length, nonzeros: prep.model.indices.length };
}

export function decodeExact(prep: ExactPrepared, colValue: ArrayLike<number>, figures: SolveFigures, notes: string[] = []): ExactResult {
  const { input, index, agents, frames, shortfall, rules } = prep;
  const { grid, catalog } = input;
  const chosen = index.candidates.map((c, id) => ({ c, id })).filter(({ id }) => colValue[id] > 0.5);
  // Covered shares per agent-interval-skill.
  const share = new Map<string, number>();
  for (const e of index.y) if (colValue[e.col] > EPS) share.set(`${e.agent}:${e.interval}:${e.skillId}`, colValue[e.col]);
  const left = new Map([...shortfall].map(([k, sf]) => [k, Float64Array.from(sf)]));
  for (const e of index.u) left.get(e.skillId)![e.interval] = Math.max(0, colValue[e.col]);

  const records: ProposalRecord[] = [];
  const proposedShifts: Shift[] = [];
  const byAgent = new Map<number, typeof chosen>();
  for (const x of chosen) (byAgent.get(x.c.agent) ?? byAgent.set(x.c.agent, []).get(x.c.agent)!).push(x);
  let n = 0;
  for (const [k, list] of [...byAgent].sort((p, q) => p[0] - q[0])) {
    const agent = agents[k];
    const f = frames[k];
    const paidSoFar = Float64Array.from(f.weekPaid);
    for (const { c } of list.sort((p, q) => p.c.a - q.c.a)) {
      const bySkill = new Map<string, number>();
      for (let i = c.a; i < c.b; i++) {
        for (const s of f.skills) {
          const v = share.get(`${k}:${i}:${s.skillId}`);
          if (v) bySkill.set(s.skillId, (bySkill.get(s.skillId) ?? 0) + v * IH);
        }
      }
      let overtime = 0;
      for (const [w, h] of c.weekPaid) {
        const contract = agent.contractHoursPerWeek;
        overtime += Math.max(0, paidSoFar[w] + h - contract) - Math.max(0, paidSoFar[w] - contract);
        paidSoFar[w] += h;
      }
      const skills = [...bySkill].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1));
      const main = skills[0]?.[0] ?? f.skills[0].skillId;
      const start = grid.start + c.a * INTERVAL_MS;
      const end = grid.start + c.b * INTERVAL_MS;
      const unpaid = c.breakTo > c.breakFrom ? [[grid.start + c.breakFrom * INTERVAL_MS, grid.start + c.breakTo * INTERVAL_MS]] : [];
      const covered = skills.reduce((s, [, h]) => s + h, 0);
      records.push({
        agentId: agent.id,
        rec: {
          skillId: main,
          startTime: isoNoMillis(start),
          endTime: isoNoMillis(end),
          coverageImpact: round2(covered),
          overtimeFlag: overtime > EPS,
          overtimeHours: round2(overtime),
          breaks: unpaid.map(([u0, u1]) => ({ startTimeOffset: (u0 - start) / 1000, duration: (u1 - u0) / 1000 })),
          extendsShiftId: c.extendsShiftId,
        },
        hours: (c.b - c.a - (c.breakTo - c.breakFrom)) * IH,
        outsideHours: c.outsideHours,
      });
      const listed = (skills.length ? skills.map(([id]) => id) : [main]).map((skillId) => {
        const held = agent.skills.filter((s) => catalog.served([s.skillId]).has(skillId));
        return { skillId, proficiency: held.length ? Math.max(...held.map((s) => s.proficiency)) : 3 };
      });
      proposedShifts.push({
        id: `exact-${++n}`,
        agentId: agent.id,
        siteId: agent.homeSiteId,
        start,
        end,
        skills: listed,
        status: "DRAFT",
        breaks: unpaid.map(([u0, u1]) => ({ startOffsetMinutes: (u0 - start) / 60_000, durationMinutes: (u1 - u0) / 60_000, paid: false })),
        version: 1,
      });
    }
  }
  const agentsById = new Map(input.agents.map((a) => [a.id, a]));
  const summary = summarize(input, rules, prep.before, records, proposedShifts, agentsById, catalog);
  let before = 0;
  for (const sf of shortfall.values()) for (const v of sf) before += v * IH;
  return {
    engine: "exact",
    assignmentRecommendations: summary.assignmentRecommendations,
    projectedCoverageImprovement: summary.projectedCoverageImprovement,
    estimatedOvertimeHours: summary.estimatedOvertimeHours,
    unmetRequirements: unmetWithWhy(prep, left),
    proposedShifts,
    stats: { iterations: 0, shortfallHoursBefore: round2(before), shortfallHoursAfter: summary.netShortfallAfter, proposedHours: summary.proposedHours },
    ...figures,
    notes,
    model: modelSize(prep),
  };
}

/**
 * Windows still ≥ 0.5 agent short. Why: nobody serves the skill (NO_QUALIFIED_AGENT); no
 * candidate shift of any agent reaches the window — availability, rest, daily hours, starts
 * or the hours cap rule every one out (NO_FEASIBLE_AGENT); else candidates exist but the
 * model found it better not to use them: those agents cover larger gaps, or the shortest
 * legal shift would cost more in idle time and overtime than the gap weighs (TRADE_OFF).
 */
function unmetWithWhy(prep: ExactPrepared, left: Map<string, Float64Array>): UnmetRequirement[] {
  const { grid } = prep.input;
  const reach = new Map<string, Uint8Array>();
  for (const e of prep.index.y) {
    let r = reach.get(e.skillId);
    if (!r) reach.set(e.skillId, (r = new Uint8Array(grid.intervalCount)));
    r[e.interval] = 1;
  }
  const qualified = new Set(prep.frames.flatMap((f) => f.skills.map((s) => s.skillId)));
  const out: UnmetRequirement[] = [];
  for (const [skillId, sf] of left) {
    let a = -1;
    let hours = 0;
    let peak = 0;
    let reachable = false;
    for (let i = 0; i <= sf.length; i++) {
      if (i < sf.length && sf[i] >= 0.5 - EPS) {
        if (a < 0) {
          a = i;
          hours = 0;
          peak = 0;
          reachable = false;
        }
        hours += sf[i] * IH;
        peak = Math.max(peak, sf[i]);
        reachable ||= reach.get(skillId)?.[i] === 1;
      } else if (a >= 0) {
        out.push({
          skillId,
          start: isoNoMillis(grid.start + a * INTERVAL_MS),
          end: isoNoMillis(grid.start + i * INTERVAL_MS),
          shortfallHours: round2(hours),
          peakShortfall: round2(peak),
          reason: !qualified.has(skillId) ? "NO_QUALIFIED_AGENT" : reachable ? "TRADE_OFF" : "NO_FEASIBLE_AGENT",
        });
        a = -1;
      }
    }
  }
  return out.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.skillId < y.skillId ? -1 : 1));
}
