/**
 * Results both engines share: the unmet requirements with their reasons, shortfall sums.
 */
import { computeCoverage, type CoverageGrid, type SkillCoverage } from "../coverage";
import type { SkillCatalog } from "../skills";
import { INTERVAL_MS, type Agent, type Shift } from "../types";
import { EPS, IH, isoNoMillis, round2, round3, type MergedRule } from "./common";
import type { AssignmentRecommendation, GreedyInput, RecommendedShift, UnmetReason, UnmetRequirement } from "./types";

/** One proposal as an engine made it: its recommendation, worked hours and hours outside availability. */
export interface ProposalRecord {
  agentId: string;
  rec: RecommendedShift;
  hours: number;
  outsideHours: number;
}

/**
 * The seed's summary of a set of proposals: recommendations per agent (compliance score:
 * 1 − 0.3 × overtime share − 0.5 × share outside availability), estimated overtime, and the
 * projected improvement on the targeted skills with the net coverage engine.
 */
export function summarize(
  input: GreedyInput,
  rules: ReadonlyMap<string, MergedRule>,
  before: ReadonlyMap<string, SkillCoverage>,
  records: readonly ProposalRecord[],
  proposedShifts: readonly Shift[],
  agentsById: ReadonlyMap<string, Agent>,
  catalog: SkillCatalog,
) {
  const { grid } = input;
  const count = grid.intervalCount;
  const byAgent = new Map<string, ProposalRecord[]>();
  for (const r of records) {
    const list = byAgent.get(r.agentId);
    if (list) list.push(r);
    else byAgent.set(r.agentId, [r]);
  }
  const recommendations: AssignmentRecommendation[] = [];
  let overtimeTotal = 0;
  let proposedHours = 0;
  for (const agentId of [...byAgent.keys()].sort()) {
    const list = byAgent.get(agentId)!;
    const hours = list.reduce((s, p) => s + p.hours, 0);
    const outside = list.reduce((s, p) => s + p.outsideHours, 0);
    const ot = list.reduce((s, p) => s + p.rec.overtimeHours, 0);
    overtimeTotal += ot;
    proposedHours += hours;
    const score = hours > 0 ? 1 - 0.3 * (ot / hours) - 0.5 * (outside / hours) : 1;
    recommendations.push({
      agentId,
      recommendedShifts: list.map((p) => p.rec).sort((x, y) => (x.startTime < y.startTime ? -1 : 1)),
      complianceScore: round2(Math.max(0, Math.min(1, score))),
    });
  }
  const after = computeCoverage({ grid, shifts: [...input.shifts, ...proposedShifts], agents: agentsById, catalog, required: input.required });
  let requiredTotal = 0;
  let coveredBefore = 0;
  let coveredAfter = 0;
  let netShortfallAfter = 0;
  for (const skillId of rules.keys()) {
    const req = input.required.get(skillId);
    if (!req) continue;
    const b = before.get(skillId)?.net;
    const a = after.get(skillId)?.net;
    for (let i = 0; i < count; i++) {
      const r = req[i] > 0 ? req[i] : 0;
      requiredTotal += r;
      coveredBefore += Math.min(r, b?.[i] ?? 0);
      coveredAfter += Math.min(r, a?.[i] ?? 0);
      netShortfallAfter += Math.max(0, r - (a?.[i] ?? 0)) * IH;
    }
  }
  return {
    assignmentRecommendations: recommendations,
    projectedCoverageImprovement: requiredTotal > 0 ? round3((coveredAfter - coveredBefore) / requiredTotal) : 0,
    estimatedOvertimeHours: round2(overtimeTotal),
    proposedHours: round2(proposedHours),
    /** Shortfall hours left on the targeted skills, net coverage recomputed with every proposal. */
    netShortfallAfter: round2(netShortfallAfter),
  };
}

/** Shortfall per targeted skill per interval: max(0, required − net scheduled). */
export function targetShortfall(input: GreedyInput, rules: ReadonlyMap<string, MergedRule>, before: ReadonlyMap<string, SkillCoverage>): Map<string, Float64Array> {
  const count = Math.max(0, input.grid.intervalCount);
  const shortfall = new Map<string, Float64Array>();
  for (const rule of rules.values()) {
    const cov = before.get(rule.skillId);
    const req = input.required.get(rule.skillId);
    const sf = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const r = req?.[i] ?? 0;
      const s = cov?.net[i] ?? 0;
      sf[i] = r > s ? r - s : 0;
    }
    shortfall.set(rule.skillId, sf);
  }
  return shortfall;
}

export function unmet(
  shortfall: Map<string, Float64Array>,
  rules: Map<string, MergedRule>,
  failures: { skillId: string; a: number; b: number; reason: UnmetReason }[],
  grid: CoverageGrid,
  minShortfall: number,
  hitLimit: boolean,
): UnmetRequirement[] {
  const out: UnmetRequirement[] = [];
  for (const [skillId, sf] of shortfall) {
    if (!rules.has(skillId)) continue;
    let a = -1;
    let hours = 0;
    let peak = 0;
    for (let i = 0; i <= sf.length; i++) {
      const open = i < sf.length && sf[i] >= minShortfall - EPS;
      if (open) {
        if (a < 0) {
          a = i;
          hours = 0;
          peak = 0;
        }
        hours += sf[i] * IH;
        if (sf[i] > peak) peak = sf[i];
      } else if (a >= 0) {
        const f = failures.find((x) => x.skillId === skillId && x.a < i && x.b > a);
        out.push({
          skillId,
          start: isoNoMillis(grid.start + a * INTERVAL_MS),
          end: isoNoMillis(grid.start + i * INTERVAL_MS),
          shortfallHours: round2(hours),
          peakShortfall: round2(peak),
          reason: f?.reason ?? (hitLimit ? "ITERATION_LIMIT" : "NO_FEASIBLE_AGENT"),
        });
        a = -1;
      }
    }
  }
  return out.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.skillId < y.skillId ? -1 : 1));
}

export function sumShortfall(shortfall: Map<string, Float64Array>): number {
  let total = 0;
  for (const sf of shortfall.values()) for (let i = 0; i < sf.length; i++) total += sf[i] * IH;
  return total;
}
