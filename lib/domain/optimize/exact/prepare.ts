/**
 * From the optimizer's request to the exact model: shortfall on net coverage, agent
 * frames, candidates, the sparse model, and the greedy's answer as a warm start.
 */
import { runSteps, type Steps } from "../steps";
import { computeCoverage, type SkillCoverage } from "../../coverage";
import { DEFAULT_LABOR_RULES, INTERVAL_MS, type Agent } from "../../types";
import { availabilityPrefix, buildCalendar, IH, mergeRules, type MergedRule, type ZoneCalendar } from "../common";
import { targetShortfall } from "../results";
import type { GreedyInput, GreedyResult } from "../types";
import { candidatesFor, coverMask, frameFor, type AgentFrame, type ExactCandidate } from "./candidates";
import { pruneDominated } from "./dominance";
import { buildModelSteps, type ExactWeights, type ModelIndex, type SparseModel } from "./model";

export interface ExactOptions {
  /** Step between new-shift lengths, minutes (default 30: the site's lengths on the half hour). */
  lengthStepMinutes?: number;
  /**
   * New shifts start on local clock minutes divisible by this (default 15: every interval; 30 or
   * 60 shrink the model about 2× or 4×). The bound then holds for that start grid only.
   */
  startStepMinutes?: number;
  /** New shifts longer than this get a break, hours (default 6). */
  breakAfterHours?: number;
  /** Shortest extension, hours (default 1). */
  minExtensionHours?: number;
  /**
   * Cost per proposed shift in shortfall-hour units (default 0.02): prefer fewer, longer shifts.
   * Small on purpose: a fixed charge is what the relaxation pays only a fraction of, so a large
   * one widens the gap (at 0.1 the solver did not improve on the greedy in 10 s on 3 of 6 hard
   * one-day instances; at 0.02 it did on all 6).
   */
  perShiftCost?: number;
  /** Cost per idle (over-covering) hour (default 0.2, as the greedy). */
  idleCost?: number;
  /** Drop candidates another candidate of the same agent dominates (default true; off only to measure it). */
  pruneDominated?: boolean;
}

export interface ExactPrepared {
  input: GreedyInput;
  agents: Agent[];
  frames: AgentFrame[];
  rules: Map<string, MergedRule>;
  before: Map<string, SkillCoverage>;
  shortfall: Map<string, Float64Array>;
  model: SparseModel;
  index: ModelIndex;
  weights: ExactWeights;
  /** Candidates dropped as dominated, keyed `agent:a:b`, with the key of a kept one that dominates each. */
  replaced: Map<string, string>;
  /** Candidates before dominance pruning. */
  generated: number;
}

const candidateKey = (agent: number, a: number, b: number) => `${agent}:${a}:${b}`;

export function prepareExact(input: GreedyInput, options: ExactOptions = {}): ExactPrepared {
  return runSteps(prepareExactSteps(input, options));
}

/** `prepareExact` as steps: one per agent's candidates and one per agent's model rows. */
export function* prepareExactSteps(input: GreedyInput, options: ExactOptions = {}): Steps<ExactPrepared> {
  const { grid, catalog, compliance } = input;
  const count = Math.max(0, grid.intervalCount);
  const goals = input.goals ?? ["MINIMIZE_OVERTIME", "MAXIMIZE_SKILL_COVERAGE"];
  const weights: ExactWeights = {
    overtime: goals.includes("MINIMIZE_OVERTIME") ? 0.5 : 0.1,
    idle: options.idleCost ?? 0.2,
    perShift: options.perShiftCost ?? 0.02,
    outside: 0.5,
  };
  const rules = mergeRules(input.rules);
  const agentsById = new Map(input.agents.map((a) => [a.id, a]));
  const sitesById = new Map(input.sites.map((s) => [s.id, s]));
  const before = computeCoverage({ grid, shifts: input.shifts, agents: agentsById, catalog, required: input.required });
  const shortfall = targetShortfall(input, rules, before);
  const opt = {
    lengthStep: Math.max(1, Math.round((options.lengthStepMinutes ?? 30) / 15)),
    startStepMinutes: Math.max(15, Math.round((options.startStepMinutes ?? 15) / 15) * 15),
    breakAfterIntervals: Math.round((options.breakAfterHours ?? 6) / IH),
    breakIntervals: Math.ceil(Math.max(0, compliance.minBreakDuration) / 15),
    minExtensionIntervals: Math.max(1, Math.round((options.minExtensionHours ?? 1) / IH)),
  };
  const calendars = new Map<string, ZoneCalendar>();
  const agents = [...input.agents].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const byAgent = new Map<string, typeof input.shifts[number][]>();
  for (const s of input.shifts) (byAgent.get(s.agentId) ?? byAgent.set(s.agentId, []).get(s.agentId)!).push(s);
  const frames: AgentFrame[] = [];
  const candidates: ExactCandidate[] = [];
  const replaced = new Map<string, string>();
  let generated = 0;
  const costOf = (c: ExactCandidate) => weights.idle * (c.b - c.a - (c.breakTo - c.breakFrom)) * IH + weights.perShift + weights.outside * c.outsideHours;
  for (const [k, agent] of agents.entries()) {
    yield;
    const site = sitesById.get(agent.homeSiteId);
    const labor = site?.laborRules ?? DEFAULT_LABOR_RULES;
    const zone = agent.timeZone || site?.timeZone || "UTC";
    let cal = calendars.get(zone);
    if (!cal) calendars.set(zone, (cal = buildCalendar(grid, zone)));
    const served = catalog.served(agent.skills.map((s) => s.skillId));
    const frame = frameFor(agent, labor, cal, availabilityPrefix(agent, cal, count), byAgent.get(agent.id) ?? [], rules, served, grid);
    frames.push(frame);
    const mask = coverMask(frame, shortfall, count);
    const own = candidatesFor(k, frame, grid, compliance, mask, opt);
    generated += own.length;
    const maskPrefix = new Int32Array(count + 1);
    for (let i = 0; i < count; i++) maskPrefix[i + 1] = maskPrefix[i] + mask[i];
    const { kept, dominatedBy } = options.pruneDominated === false ? { kept: own, dominatedBy: new Map<ExactCandidate, ExactCandidate>() } : pruneDominated(own, maskPrefix, costOf);
    for (const c of kept) candidates.push(c);
    for (const [c, d] of dominatedBy) replaced.set(candidateKey(k, c.a, c.b), candidateKey(k, d.a, d.b));
  }
  const weightOf = new Map([...rules.values()].map((r) => [r.skillId, r.weight]));
  const { model, index } = yield* buildModelSteps(frames, candidates, shortfall, weightOf, count, weights);
  return { input, agents, frames, rules, before, shortfall, model, index, weights, replaced, generated };
}

/**
 * The greedy's proposals that are candidates of the model, as values of the binaries
 * (every other binary 0). HiGHS completes the continuous part and keeps it as the first
 * incumbent when it is feasible; greedy pieces the model does not have (an extension of a
 * greedy shift) are left out, so the warm start is the greedy minus those pieces.
 */
export function warmStartFromGreedy(prep: ExactPrepared, greedy: GreedyResult): { indices: Int32Array; values: Float64Array; matched: number; total: number } {
  const { grid } = prep.input;
  const agentIndex = new Map(prep.agents.map((a, k) => [a.id, k]));
  const byKey = new Map<string, number>();
  prep.index.candidates.forEach((c, id) => byKey.set(candidateKey(c.agent, c.a, c.b), id));
  const chosen = new Set<number>();
  for (const s of greedy.proposedShifts) {
    const k = agentIndex.get(s.agentId);
    if (k === undefined) continue;
    const own = candidateKey(k, Math.round((s.start - grid.start) / INTERVAL_MS), Math.round((s.end - grid.start) / INTERVAL_MS));
    // A greedy proposal pruned as dominated is replaced by the candidate that dominates it (as good or better).
    const id = byKey.get(own) ?? byKey.get(prep.replaced.get(own) ?? "");
    if (id !== undefined) chosen.add(id);
  }
  const n = prep.index.candidates.length;
  const indices = new Int32Array(n);
  const values = new Float64Array(n);
  for (let id = 0; id < n; id++) {
    indices[id] = id;
    values[id] = chosen.has(id) ? 1 : 0;
  }
  return { indices, values, matched: chosen.size, total: greedy.proposedShifts.length };
}
