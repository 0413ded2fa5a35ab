/**
 * A greedy gap filler: the optimization engine behind the CXone simulator (engine
 * "greedy"), and a quick first answer beside the LP model.
 *
 * Loop: take the largest shortfall window (agent-hours short × priority weight) of a
 * targeted skill; among the agents who serve the skill and are in the rule's pool,
 * find the legal shift that covers most of the remaining shortfall — a new shift of
 * legal length, or an extension adjoining one of the agent's shifts — score it
 * (covered hours − idle hours × 0.2 − overtime hours × 0.5 when minimizing overtime),
 * propose the best, update the shortfall, repeat. A window nobody can help is set aside
 * with the reason; the loop ends when no window is left. What stays short is returned
 * as `unmetRequirements`.
 *
 * Hard rules, never broken by a proposal:
 * - no overlap with any shift of the agent (existing or proposed); existing shifts are
 *   never moved, shortened or removed — the engine only adds, so published shifts are
 *   respected whatever `respectPublishedShifts` says;
 * - rest ≥ the site's minRestHours between separate shifts; an extension adjoins a
 *   shift exactly and the joined stretch stays ≤ min(maxShiftHours, maxConsecutiveHours);
 * - new shifts between the site's minShiftHours and min(maxShiftHours, maxConsecutiveHours);
 *   a new shift longer than 6 h gets one unpaid break of minBreakDuration in its middle;
 * - local clock rules in the agent's home zone: earliest start, max daily hours, max
 *   shifts per day; availability windows unless the pool is "ANY";
 * - paid hours beyond the weekly contract (home-zone ISO week) are overtime: only where
 *   the skill's rule allows it, and within maxOvertimeHoursPerAgent per agent.
 *
 * Simplifications (documented, conservative where it matters): shifts outside the grid do
 * not count toward daily or weekly hours of the edge days; a new shift lists only its
 * target skill, so the search credits it to that skill alone (the final projected
 * improvement is recomputed with the full net coverage engine).
 *
 * Pure: plain data in, plain data out, no clock, no I/O.
 */
import { runSteps, type Steps } from "./steps";
import { computeCoverage } from "../coverage";
import { DEFAULT_LABOR_RULES, INTERVAL_MS, type Shift } from "../types";
import { EPS, IH, availabilityPrefix, buildCalendar, inPool, mergeRules, parseClock, round2, shiftLimits, type ZoneCalendar } from "./common";
import { accountTime, apply, evaluate, refreshFree, type AgentState, type Candidate } from "./greedy-moves";
import { gainPrefix, largestWindow, placementsFor, type Placement } from "./greedy-windows";
import { summarize, sumShortfall, targetShortfall, unmet, type ProposalRecord } from "./results";
import type { GreedyInput, GreedyOptions, GreedyResult, UnmetReason } from "./types";

export * from "./types";

/** greedyFill(input) → recommendations in the seed's shape, plus what could not be met. */
export function greedyFill(input: GreedyInput, options: GreedyOptions = {}): GreedyResult {
  return runSteps(greedySteps(input, options));
}

/** The greedy as steps: one per window it works on (see `steps.ts`). */
export function* greedySteps(input: GreedyInput, options: GreedyOptions = {}): Steps<GreedyResult> {
  const opt = {
    minShortfall: options.minShortfall ?? 0.5,
    minGainHours: options.minGainHours ?? 1,
    minUtilization: options.minUtilization ?? 0.25,
    minExtensionIntervals: Math.max(1, Math.round((options.minExtensionHours ?? 1) / IH)),
    lengthStep: Math.max(1, Math.round((options.lengthStepMinutes ?? 30) / 15)),
    breakAfterIntervals: Math.round((options.breakAfterHours ?? 6) / IH),
    maxIterations: options.maxIterations ?? 10_000,
  };
  const { grid, catalog, compliance } = input;
  const count = Math.max(0, grid.intervalCount);
  const goals = input.goals ?? ["MINIMIZE_OVERTIME", "MAXIMIZE_SKILL_COVERAGE"];
  const overtimeWeight = goals.includes("MINIMIZE_OVERTIME") ? 0.5 : 0.1;
  const idleWeight = 0.2;
  const breakIntervals = Math.ceil(Math.max(0, compliance.minBreakDuration) / 15);

  const rules = mergeRules(input.rules);
  const agentsById = new Map(input.agents.map((a) => [a.id, a]));
  const sitesById = new Map(input.sites.map((s) => [s.id, s]));

  // Coverage before, with the project's net engine; shortfall per targeted skill.
  const before = computeCoverage({ grid, shifts: input.shifts, agents: agentsById, catalog, required: input.required });
  const shortfall = targetShortfall(input, rules, before);
  const shortfallBefore = sumShortfall(shortfall);

  // Agent state.
  const calendars = new Map<string, ZoneCalendar>();
  const calendarFor = (zone: string) => {
    let c = calendars.get(zone);
    if (!c) calendars.set(zone, (c = buildCalendar(grid, zone)));
    return c;
  };
  const states: AgentState[] = [];
  const stateById = new Map<string, AgentState>();
  for (const agent of [...input.agents].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    const site = sitesById.get(agent.homeSiteId);
    const labor = site?.laborRules ?? DEFAULT_LABOR_RULES;
    const cal = calendarFor(agent.timeZone || site?.timeZone || "UTC");
    const limits = shiftLimits(labor, compliance);
    const st: AgentState = {
      agent,
      rules: labor,
      cal,
      served: catalog.served(agent.skills.map((s) => s.skillId)),
      availPrefix: availabilityPrefix(agent, cal, count),
      restFreePrefix: new Int32Array(count + 1),
      freePrefix: new Int32Array(count + 1),
      blocks: [],
      dayWorked: new Float64Array(cal.dayCount),
      dayStarts: new Int32Array(cal.dayCount),
      weekPaid: new Float64Array(cal.weekCount),
      overtime: 0,
      proposed: [],
      earliestMinute: parseClock(labor.earliestStartLocal),
      minLen: limits.minLen,
      maxStretchIntervals: limits.maxStretch,
    };
    states.push(st);
    stateById.set(agent.id, st);
  }
  for (const shift of input.shifts) {
    const st = stateById.get(shift.agentId);
    if (!st || !(shift.end > shift.start)) continue;
    st.blocks.push({ start: shift.start, end: shift.end, shiftId: shift.id });
    const unpaid = shift.breaks.filter((b) => !b.paid).map((b) => [shift.start + b.startOffsetMinutes * 60_000, shift.start + (b.startOffsetMinutes + b.durationMinutes) * 60_000] as const);
    accountTime(st, grid, shift.start, shift.end, unpaid, true, 1);
  }
  for (const st of states) {
    st.blocks.sort((x, y) => x.start - y.start);
    refreshFree(st, grid);
  }

  // The main loop.
  const blocked = new Map<string, Uint8Array>();
  const failures: { skillId: string; a: number; b: number; reason: UnmetReason }[] = [];
  const prefixes = new Map<string, Float64Array>();
  const prefixOf = (skillId: string) => {
    let p = prefixes.get(skillId);
    if (!p) prefixes.set(skillId, (p = gainPrefix(shortfall.get(skillId)!)));
    return p;
  };
  const proposedShifts: Shift[] = [];
  let iterations = 0;
  let hitLimit = false;

  for (;;) {
    yield;
    const window = largestWindow(shortfall, rules, blocked, opt.minShortfall);
    if (!window) break;
    if (iterations >= opt.maxIterations) {
      hitLimit = true;
      break;
    }
    const rule = rules.get(window.skillId)!;
    const prefix = prefixOf(window.skillId);
    const qualified = states.filter((st) => st.served.has(window.skillId) && inPool(rule.pool, st.agent.id));
    let best: Candidate | null = null;
    const placementCache = new Map<string, Placement[]>();

    for (const st of qualified) {
      // Hours this agent could still add near the window: spare contract hours of the weeks
      // a shift there could touch, plus what is left of the overtime cap. Too few for the
      // shortest extension (or new shift) and the agent is skipped without evaluating.
      const lo = Math.max(0, window.a - st.maxStretchIntervals);
      const hi = Math.min(count - 1, window.b + st.maxStretchIntervals);
      let spare = rule.allowOvertime ? Math.max(0, rule.maxOvertimeHours - st.overtime) : 0;
      for (let w = st.cal.week[lo]; w <= st.cal.week[hi]; w++) spare += Math.max(0, st.agent.contractHoursPerWeek - st.weekPaid[w]);
      if (spare < opt.minExtensionIntervals * IH - EPS) continue;
      const newShiftsPossible = spare >= (st.minLen - (st.minLen > opt.breakAfterIntervals ? breakIntervals : 0)) * IH - EPS;

      // New shifts overlapping the window, best gain first (one list per pair of length bounds).
      const key = `${st.minLen}:${st.maxStretchIntervals}`;
      let placements = placementCache.get(key);
      if (!placements) {
        placements = placementsFor(window.a, window.b, st.minLen, st.maxStretchIntervals, opt.lengthStep, count, opt.breakAfterIntervals, breakIntervals, prefix, idleWeight);
        placementCache.set(key, placements);
      }
      const free = rule.pool === "ANY" ? st.restFreePrefix : st.freePrefix;
      // A new shift overlapping the window uses at least one window interval, which must be free.
      const freeInWindow = newShiftsPossible && free[window.b] - free[window.a] > 0;
      for (const p of freeInWindow ? placements : []) {
        if (best && p.base <= best.score) break;
        // Cheap first: every interval free of rest zones (and available, unless the pool is ANY).
        if (free[p.b] - free[p.a] !== p.b - p.a) continue;
        const c = evaluate(st, p.a, p.b, p.breakFrom, p.breakTo, null, prefix, rule, grid, overtimeWeight, idleWeight, opt);
        if (c && (!best || c.score > best.score)) best = c;
      }
      // Extensions adjoining the agent's shifts near the window.
      const reach = st.maxStretchIntervals * INTERVAL_MS;
      const windowStart = grid.start + window.a * INTERVAL_MS;
      const windowEnd = grid.start + window.b * INTERVAL_MS;
      for (const block of st.blocks) {
        if (block.end + reach <= windowStart || block.start - reach >= windowEnd) continue;
        const bs = Math.round((block.start - grid.start) / INTERVAL_MS);
        const be = Math.round((block.end - grid.start) / INTERVAL_MS);
        if (block.start !== grid.start + bs * INTERVAL_MS || block.end !== grid.start + be * INTERVAL_MS) continue;
        const blockLen = be - bs;
        const room = st.maxStretchIntervals - blockLen;
        for (let k = opt.minExtensionIntervals; k <= room; k++) {
          if (be < window.b && be + k > window.a) {
            const c = evaluate(st, be, be + k, 0, 0, block, prefix, rule, grid, overtimeWeight, idleWeight, opt);
            if (c && (!best || c.score > best.score)) best = c;
          }
          if (bs - k < window.b && bs > window.a) {
            const c = evaluate(st, bs - k, bs, 0, 0, block, prefix, rule, grid, overtimeWeight, idleWeight, opt);
            if (c && (!best || c.score > best.score)) best = c;
          }
        }
      }
    }

    if (!best) {
      let mask = blocked.get(window.skillId);
      if (!mask) blocked.set(window.skillId, (mask = new Uint8Array(count)));
      mask.fill(1, window.a, window.b);
      const reason: UnmetReason = qualified.length === 0 ? "NO_QUALIFIED_AGENT" : window.area < opt.minGainHours - EPS ? "BELOW_MINIMUM_GAIN" : "NO_FEASIBLE_AGENT";
      failures.push({ skillId: window.skillId, a: window.a, b: window.b, reason });
      continue;
    }

    iterations++;
    const shift = apply(best, window.skillId, grid, shortfall.get(window.skillId)!, proposedShifts.length + 1, catalog);
    proposedShifts.push(shift);
    prefixes.delete(window.skillId);
  }

  const records: ProposalRecord[] = [];
  for (const st of states) for (const p of st.proposed) records.push({ agentId: st.agent.id, ...p });
  const summary = summarize(input, rules, before, records, proposedShifts, agentsById, catalog);
  return {
    engine: "greedy",
    assignmentRecommendations: summary.assignmentRecommendations,
    projectedCoverageImprovement: summary.projectedCoverageImprovement,
    estimatedOvertimeHours: summary.estimatedOvertimeHours,
    unmetRequirements: unmet(shortfall, rules, failures, grid, opt.minShortfall, hitLimit),
    proposedShifts,
    stats: {
      iterations,
      shortfallHoursBefore: round2(shortfallBefore),
      shortfallHoursAfter: round2(sumShortfall(shortfall)),
      proposedHours: summary.proposedHours,
    },
  };
}
