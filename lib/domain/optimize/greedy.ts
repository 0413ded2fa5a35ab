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
import { computeCoverage, type CoverageGrid } from "../coverage";
import type { SkillCatalog } from "../skills";
import { instantToLocal, startOfIsoWeek } from "../time";
import { DEFAULT_LABOR_RULES, HOUR_MS, INTERVAL_MS, type Agent, type Instant, type LaborRules, type Shift, type Site } from "../types";

export type GapPriority = "HIGH" | "MEDIUM" | "LOW";
export type OptimizationGoal = "MINIMIZE_OVERTIME" | "MAXIMIZE_SKILL_COVERAGE";

export interface GapResolutionRule {
  targetSkillId: string;
  /** Informational: the shortfall arrays are the truth. */
  deficitHours: number;
  priority: GapPriority;
  allowOvertime: boolean;
  maxOvertimeHoursPerAgent: number;
  /** "AVAILABLE" (default): within availability windows; "ANY": windows ignored; or these agents only. */
  preferredAgentPool?: "AVAILABLE" | "ANY" | readonly string[];
}

export interface ComplianceRules {
  maxConsecutiveHours: number;
  /** Minutes of the unpaid break a new shift longer than 6 h gets. */
  minBreakDuration: number;
  respectPublishedShifts: boolean;
}

export interface GreedyInput {
  /** Proposals lie inside this grid; `required` arrays are indexed by its intervals. */
  grid: CoverageGrid;
  agents: readonly Agent[];
  sites: readonly Site[];
  catalog: SkillCatalog;
  /** The schedule as it is (every shift of every agent, any status). */
  shifts: readonly Shift[];
  /** Required agents per skill per interval. */
  required: ReadonlyMap<string, Float64Array>;
  rules: readonly GapResolutionRule[];
  compliance: ComplianceRules;
  goals?: readonly OptimizationGoal[];
}

export interface GreedyOptions {
  /** An interval joins a window when at least this many agents short (default 0.5). */
  minShortfall?: number;
  /** A proposal must cover at least this many shortfall hours (default 1). */
  minGainHours?: number;
  /** … and at least this share of its worked hours (default 0.25). */
  minUtilization?: number;
  /** Shortest extension, hours (default 1). */
  minExtensionHours?: number;
  /** Step between new-shift lengths, minutes (default 30). */
  lengthStepMinutes?: number;
  /** New shifts longer than this get a break, hours (default 6). */
  breakAfterHours?: number;
  /** Safety stop (default 10,000 proposals). */
  maxIterations?: number;
}

export interface RecommendedShift {
  skillId: string;
  /** ISO 8601, UTC. */
  startTime: string;
  endTime: string;
  /** Shortfall hours this shift covers. */
  coverageImpact: number;
  overtimeFlag: boolean;
  overtimeHours: number;
  /** CXone break shape: seconds from the start, seconds long. */
  breaks: { startTimeOffset: number; duration: number }[];
  /** The shift this one adjoins and extends (an existing shift's id, or greedy-n of another proposal); null for a new shift. */
  extendsShiftId: string | null;
}

export interface AssignmentRecommendation {
  agentId: string;
  recommendedShifts: RecommendedShift[];
  /**
   * 1 − 0.3 × (overtime share of the proposed hours) − 0.5 × (share outside availability).
   * Hard rules are never broken, so the score only prices the soft costs.
   */
  complianceScore: number;
}

/**
 * NO_QUALIFIED_AGENT: nobody (in the pool) serves the skill; NO_FEASIBLE_AGENT: qualified
 * agents exist but none is free, rested, available and within hours and overtime caps;
 * BELOW_MINIMUM_GAIN: the window is smaller than a proposal must cover (minGainHours);
 * ITERATION_LIMIT: the safety stop was reached first.
 */
export type UnmetReason = "NO_QUALIFIED_AGENT" | "NO_FEASIBLE_AGENT" | "BELOW_MINIMUM_GAIN" | "ITERATION_LIMIT";

export interface UnmetRequirement {
  skillId: string;
  start: string;
  end: string;
  shortfallHours: number;
  peakShortfall: number;
  reason: UnmetReason;
}

export interface GreedyResult {
  engine: "greedy";
  assignmentRecommendations: AssignmentRecommendation[];
  /** (covered hours after − before) / required hours, targeted skills, net coverage. */
  projectedCoverageImprovement: number;
  estimatedOvertimeHours: number;
  unmetRequirements: UnmetRequirement[];
  /** The proposals as draft shifts (for "accept recommendations"). */
  proposedShifts: Shift[];
  stats: {
    iterations: number;
    shortfallHoursBefore: number;
    shortfallHoursAfter: number;
    proposedHours: number;
  };
}


const PRIORITY_WEIGHT: Record<GapPriority, number> = { HIGH: 3, MEDIUM: 2, LOW: 1 };
const IH = INTERVAL_MS / HOUR_MS; // hours per interval
const EPS = 1e-9;

interface MergedRule {
  skillId: string;
  weight: number;
  allowOvertime: boolean;
  maxOvertimeHours: number;
  pool: "AVAILABLE" | "ANY" | Set<string>;
}

/** Per zone, per grid interval: local minute of day, ISO weekday, day and week indices. */
interface ZoneCalendar {
  minute: Int16Array;
  weekday: Int8Array;
  day: Int32Array;
  week: Int32Array;
  dayCount: number;
  weekCount: number;
}

interface Block {
  start: Instant;
  end: Instant;
  shiftId: string | null;
}

interface AgentState {
  agent: Agent;
  rules: LaborRules;
  cal: ZoneCalendar;
  served: Set<string>;
  /** availPrefix[i] = available intervals in [0, i). */
  availPrefix: Int32Array;
  /** Intervals in [0, i) a new shift may use: not within minRest of any shift (restFree), and available too (free). */
  restFreePrefix: Int32Array;
  freePrefix: Int32Array;
  blocks: Block[];
  dayWorked: Float64Array;
  dayStarts: Int32Array;
  weekPaid: Float64Array;
  overtime: number;
  proposed: { rec: RecommendedShift; hours: number; outsideHours: number }[];
  earliestMinute: number | null;
  minLen: number;
  maxStretchIntervals: number;
}

interface Candidate {
  state: AgentState;
  a: number;
  b: number;
  breakFrom: number;
  breakTo: number;
  gain: number;
  worked: number;
  overtime: number;
  outside: number;
  score: number;
  extends: Block | null;
}

/** greedyFill(input) → recommendations in the seed's shape, plus what could not be met. */
export function greedyFill(input: GreedyInput, options: GreedyOptions = {}): GreedyResult {
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

  // Results.
  const recommendations: AssignmentRecommendation[] = [];
  let overtimeTotal = 0;
  let proposedHours = 0;
  for (const st of states) {
    if (st.proposed.length === 0) continue;
    const hours = st.proposed.reduce((s, p) => s + p.hours, 0);
    const outside = st.proposed.reduce((s, p) => s + p.outsideHours, 0);
    const ot = st.proposed.reduce((s, p) => s + p.rec.overtimeHours, 0);
    overtimeTotal += ot;
    proposedHours += hours;
    const score = hours > 0 ? 1 - 0.3 * (ot / hours) - 0.5 * (outside / hours) : 1;
    recommendations.push({
      agentId: st.agent.id,
      recommendedShifts: st.proposed.map((p) => p.rec).sort((x, y) => (x.startTime < y.startTime ? -1 : 1)),
      complianceScore: round2(Math.max(0, Math.min(1, score))),
    });
  }

  const after = computeCoverage({ grid, shifts: [...input.shifts, ...proposedShifts], agents: agentsById, catalog, required: input.required });
  let requiredTotal = 0;
  let coveredBefore = 0;
  let coveredAfter = 0;
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
    }
  }

  return {
    engine: "greedy",
    assignmentRecommendations: recommendations,
    projectedCoverageImprovement: requiredTotal > 0 ? round3((coveredAfter - coveredBefore) / requiredTotal) : 0,
    estimatedOvertimeHours: round2(overtimeTotal),
    unmetRequirements: unmet(shortfall, rules, failures, grid, opt.minShortfall, hitLimit),
    proposedShifts,
    stats: {
      iterations,
      shortfallHoursBefore: round2(shortfallBefore),
      shortfallHoursAfter: round2(sumShortfall(shortfall)),
      proposedHours: round2(proposedHours),
    },
  };
}

// ---------------------------------------------------------------- rules

function mergeRules(list: readonly GapResolutionRule[]): Map<string, MergedRule> {
  const out = new Map<string, MergedRule>();
  for (const r of list) {
    const pool: MergedRule["pool"] = Array.isArray(r.preferredAgentPool) ? new Set(r.preferredAgentPool as readonly string[]) : ((r.preferredAgentPool as "AVAILABLE" | "ANY" | undefined) ?? "AVAILABLE");
    const prev = out.get(r.targetSkillId);
    if (!prev) {
      out.set(r.targetSkillId, {
        skillId: r.targetSkillId,
        weight: PRIORITY_WEIGHT[r.priority] ?? 1,
        allowOvertime: r.allowOvertime,
        maxOvertimeHours: r.allowOvertime ? Math.max(0, r.maxOvertimeHoursPerAgent) : 0,
        pool,
      });
      continue;
    }
    // Several rules for one skill (one per gap day): the most generous wins.
    prev.weight = Math.max(prev.weight, PRIORITY_WEIGHT[r.priority] ?? 1);
    prev.allowOvertime ||= r.allowOvertime;
    if (r.allowOvertime) prev.maxOvertimeHours = Math.max(prev.maxOvertimeHours, r.maxOvertimeHoursPerAgent);
    if (prev.pool === "ANY" || pool === "ANY") prev.pool = "ANY";
    else if (prev.pool instanceof Set && pool instanceof Set) for (const id of pool) prev.pool.add(id);
    else prev.pool = "AVAILABLE";
  }
  return out;
}

function inPool(pool: MergedRule["pool"], agentId: string): boolean {
  return pool instanceof Set ? pool.has(agentId) : true;
}

function shiftLimits(rules: LaborRules, compliance: ComplianceRules) {
  const maxStretch = Math.floor(Math.min(rules.maxShiftHours, rules.maxConsecutiveHours, compliance.maxConsecutiveHours) / IH + EPS);
  const minLen = Math.max(1, Math.ceil(rules.minShiftHours / IH - EPS));
  return { minLen, maxStretch };
}

function parseClock(text: string | null): number | null {
  if (!text) return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

// ---------------------------------------------------------------- calendars and availability

function buildCalendar(grid: CoverageGrid, zone: string): ZoneCalendar {
  const n = Math.max(0, grid.intervalCount);
  const minute = new Int16Array(n);
  const weekday = new Int8Array(n);
  const day = new Int32Array(n);
  const week = new Int32Array(n);
  const dayIndex = new Map<string, number>();
  const weekIndex = new Map<string, number>();
  let lastKey = "";
  let lastDay = -1;
  let lastWeek = -1;
  let lastWeekday = 0;
  for (let i = 0; i < n; i++) {
    const t = grid.start + i * INTERVAL_MS;
    const l = instantToLocal(t, zone);
    minute[i] = l.hour * 60 + l.minute;
    const key = `${l.year}-${String(l.month).padStart(2, "0")}-${String(l.day).padStart(2, "0")}`;
    if (key !== lastKey) {
      lastKey = key;
      lastDay = dayIndex.get(key) ?? dayIndex.size;
      dayIndex.set(key, lastDay);
      const wk = startOfIsoWeek(key);
      lastWeek = weekIndex.get(wk) ?? weekIndex.size;
      weekIndex.set(wk, lastWeek);
      const dow = new Date(Date.UTC(l.year, l.month - 1, l.day)).getUTCDay();
      lastWeekday = dow === 0 ? 7 : dow;
    }
    day[i] = lastDay;
    week[i] = lastWeek;
    weekday[i] = lastWeekday;
  }
  return { minute, weekday, day, week, dayCount: Math.max(1, dayIndex.size), weekCount: Math.max(1, weekIndex.size) };
}

/** Intervals wholly inside an availability window (no windows = always available). */
function availabilityPrefix(agent: Agent, cal: ZoneCalendar, count: number): Int32Array {
  const prefix = new Int32Array(count + 1);
  const windows = agent.availability;
  for (let i = 0; i < count; i++) {
    let ok = windows.length === 0;
    if (!ok) {
      const m = cal.minute[i];
      const wd = cal.weekday[i];
      const prevWd = wd === 1 ? 7 : wd - 1;
      for (const w of windows) {
        if ((w.weekday === wd && w.startMinute <= m && m + 15 <= w.endMinute) || (w.weekday === prevWd && w.startMinute <= m + 1440 && m + 1455 <= w.endMinute)) {
          ok = true;
          break;
        }
      }
    }
    prefix[i + 1] = prefix[i] + (ok ? 1 : 0);
  }
  return prefix;
}

/**
 * Adds (sign 1) worked hours per local day, paid hours per ISO week and the shift start to
 * the agent's counters, for the part of [start, end) inside the grid.
 */
function accountTime(st: AgentState, grid: CoverageGrid, start: Instant, end: Instant, unpaid: readonly (readonly [number, number])[], countsStart: boolean, sign: 1 | -1): void {
  const count = grid.intervalCount;
  const a = Math.max(0, Math.floor((start - grid.start) / INTERVAL_MS));
  const b = Math.min(count, Math.ceil((end - grid.start) / INTERVAL_MS));
  for (let i = a; i < b; i++) {
    const t0 = Math.max(start, grid.start + i * INTERVAL_MS);
    const t1 = Math.min(end, grid.start + (i + 1) * INTERVAL_MS);
    if (t1 <= t0) continue;
    const worked = (t1 - t0) / HOUR_MS;
    let off = 0;
    for (const [u0, u1] of unpaid) off += Math.max(0, Math.min(t1, u1) - Math.max(t0, u0)) / HOUR_MS;
    st.dayWorked[st.cal.day[i]] += sign * worked;
    st.weekPaid[st.cal.week[i]] += sign * (worked - off);
  }
  if (countsStart && start >= grid.start && start < grid.start + count * INTERVAL_MS) {
    st.dayStarts[st.cal.day[Math.floor((start - grid.start) / INTERVAL_MS)]] += sign;
  }
}

// ---------------------------------------------------------------- windows and placements

interface Window {
  skillId: string;
  a: number;
  b: number;
  area: number;
  weight: number;
}

function largestWindow(shortfall: Map<string, Float64Array>, rules: Map<string, MergedRule>, blocked: Map<string, Uint8Array>, minShortfall: number): Window | null {
  let best: Window | null = null;
  for (const [skillId, sf] of shortfall) {
    const weight = rules.get(skillId)!.weight;
    const mask = blocked.get(skillId);
    let a = -1;
    let area = 0;
    for (let i = 0; i <= sf.length; i++) {
      const open = i < sf.length && sf[i] >= minShortfall - EPS && !(mask && mask[i]);
      if (open) {
        if (a < 0) {
          a = i;
          area = 0;
        }
        area += sf[i] * IH;
      } else if (a >= 0) {
        const score = area * weight;
        if (!best || score > best.area * best.weight + EPS) best = { skillId, a, b: i, area, weight };
        a = -1;
      }
    }
  }
  return best;
}

/** gainPrefix[i] = Σ_{j<i} min(1, shortfall[j]) × interval hours. */
function gainPrefix(sf: Float64Array): Float64Array {
  const p = new Float64Array(sf.length + 1);
  for (let i = 0; i < sf.length; i++) p[i + 1] = p[i] + (sf[i] > 1 ? 1 : sf[i] > 0 ? sf[i] : 0) * IH;
  return p;
}

interface Placement {
  a: number;
  b: number;
  breakFrom: number;
  breakTo: number;
  gain: number;
  base: number;
}

function breakFor(a: number, b: number, breakAfterIntervals: number, breakIntervals: number): [number, number] {
  const len = b - a;
  if (breakIntervals === 0 || len <= breakAfterIntervals) return [0, 0];
  const from = a + Math.floor((len - breakIntervals) / 2);
  return [from, from + breakIntervals];
}

function placementsFor(wa: number, wb: number, minLen: number, maxLen: number, step: number, count: number, breakAfter: number, breakLen: number, prefix: Float64Array, idleWeight: number): Placement[] {
  const out: Placement[] = [];
  if (maxLen < minLen) return out;
  for (let a = Math.max(0, wa - maxLen + 1); a < wb; a++) {
    for (let len = minLen; len <= maxLen; len += step) {
      const b = a + len;
      if (b > count) break;
      if (b <= wa) continue;
      const [bf, bt] = breakFor(a, b, breakAfter, breakLen);
      const gain = prefix[b] - prefix[a] - (prefix[bt] - prefix[bf]);
      const worked = (len - (bt - bf)) * IH;
      out.push({ a, b, breakFrom: bf, breakTo: bt, gain, base: gain - idleWeight * (worked - gain) });
    }
  }
  // Best first; ties to the earlier, shorter shift so results do not depend on sort stability.
  out.sort((x, y) => y.base - x.base || x.a - y.a || x.b - y.b);
  return out;
}

// ---------------------------------------------------------------- feasibility

function evaluate(
  st: AgentState,
  a: number,
  b: number,
  breakFrom: number,
  breakTo: number,
  extendsBlock: Block | null,
  prefix: Float64Array,
  rule: MergedRule,
  grid: CoverageGrid,
  overtimeWeight: number,
  idleWeight: number,
  opt: { minGainHours: number; minUtilization: number },
): Candidate | null {
  const count = grid.intervalCount;
  if (a < 0 || b > count || b <= a) return null;
  const start = grid.start + a * INTERVAL_MS;
  const end = grid.start + b * INTERVAL_MS;
  const gain = prefix[b] - prefix[a] - (prefix[breakTo] - prefix[breakFrom]);
  const worked = (b - a - (breakTo - breakFrom)) * IH;
  if (gain < opt.minGainHours - EPS || gain < opt.minUtilization * worked - EPS) return null;

  // Availability.
  const availableIntervals = st.availPrefix[b] - st.availPrefix[a];
  if (rule.pool === "AVAILABLE" || rule.pool instanceof Set) {
    if (availableIntervals !== b - a) return null;
  }
  const outside = (b - a - availableIntervals) * IH;

  // Overlap, rest, adjacency.
  const restMs = st.rules.minRestHours * HOUR_MS;
  const limits = st.maxStretchIntervals * INTERVAL_MS;
  let stretchStart = start;
  let stretchEnd = end;
  const blocks = st.blocks;
  // Blocks are sorted and (in sane data) disjoint; scan those that can interact.
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end + restMs <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = Math.max(0, lo - 1); k < blocks.length; k++) {
    const blk = blocks[k];
    if (blk.start >= end + restMs) break;
    if (blk.end <= start - restMs) continue;
    if (blk.start < end && blk.end > start) return null; // overlap
    if (blk.end === start || blk.start === end) {
      if (!extendsBlock) return null; // a new shift may not touch another: it needs rest
      if (blk.end === start) stretchStart = Math.min(stretchStart, blk.start);
      if (blk.start === end) stretchEnd = Math.max(stretchEnd, blk.end);
      continue;
    }
    return null; // closer than the minimum rest
  }
  if (extendsBlock) {
    // Follow the chain of adjoining shifts (a shift, its extension, an extension of that…).
    for (let grew = true; grew; ) {
      grew = false;
      for (const blk of blocks) {
        if (blk.end === stretchStart && blk.start < stretchStart) {
          stretchStart = blk.start;
          grew = true;
        } else if (blk.start === stretchEnd && blk.end > stretchEnd) {
          stretchEnd = blk.end;
          grew = true;
        }
      }
    }
    if (stretchEnd - stretchStart > limits + EPS) return null;
  }

  // Local clock rules.
  if (st.earliestMinute !== null && st.cal.minute[a] < st.earliestMinute) {
    // Only a start of work counts: an extension after a shift starts nothing.
    if (!extendsBlock || extendsBlock.start === end) return null;
  }
  if (!extendsBlock && st.dayStarts[st.cal.day[a]] + 1 > st.rules.maxShiftsPerDay) return null;
  // Runs of equal day (and week) index: a shift touches two or three days at most.
  const { day, week } = st.cal;
  for (let i = a; i < b; ) {
    const d = day[i];
    let j = i;
    while (j < b && day[j] === d) j++;
    if (st.dayWorked[d] + (j - i) * IH > st.rules.maxDailyHours + EPS) return null;
    i = j;
  }

  // Contract hours and overtime (paid hours: the break is unpaid).
  const contract = st.agent.contractHoursPerWeek;
  let overtime = 0;
  for (let i = a; i < b; ) {
    const w = week[i];
    let j = i;
    let paid = 0;
    for (; j < b && week[j] === w; j++) if (j < breakFrom || j >= breakTo) paid += IH;
    const before = Math.max(0, st.weekPaid[w] - contract);
    const after = Math.max(0, st.weekPaid[w] + paid - contract);
    overtime += after - before;
    i = j;
  }
  if (overtime > EPS) {
    if (!rule.allowOvertime) return null;
    if (st.overtime + overtime > rule.maxOvertimeHours + EPS) return null;
  }

  const score = gain - idleWeight * (worked - gain) - overtimeWeight * overtime - 0.5 * outside;
  return { state: st, a, b, breakFrom, breakTo, gain, worked, overtime, outside, score, extends: extendsBlock };
}

function apply(c: Candidate, skillId: string, grid: CoverageGrid, sf: Float64Array, n: number, catalog: SkillCatalog): Shift {
  const st = c.state;
  const start = grid.start + c.a * INTERVAL_MS;
  const end = grid.start + c.b * INTERVAL_MS;
  const unpaid: [number, number][] = c.breakTo > c.breakFrom ? [[grid.start + c.breakFrom * INTERVAL_MS, grid.start + c.breakTo * INTERVAL_MS]] : [];
  accountTime(st, grid, start, end, unpaid, !c.extends, 1);
  st.overtime += c.overtime;
  const block: Block = { start, end, shiftId: `greedy-${n}` };
  const at = st.blocks.findIndex((blk) => blk.start > start);
  if (at < 0) st.blocks.push(block);
  else st.blocks.splice(at, 0, block);
  refreshFree(st, grid);
  for (let i = c.a; i < c.b; i++) {
    if (i >= c.breakFrom && i < c.breakTo) continue;
    sf[i] = sf[i] > 1 ? sf[i] - 1 : 0;
  }
  const breaks = unpaid.map(([u0, u1]) => ({ startTimeOffset: (u0 - start) / 1000, duration: (u1 - u0) / 1000 }));
  const overtimeHours = round2(c.overtime);
  st.proposed.push({
    rec: {
      skillId,
      startTime: isoNoMillis(start),
      endTime: isoNoMillis(end),
      coverageImpact: round2(c.gain),
      overtimeFlag: c.overtime > EPS,
      overtimeHours,
      breaks,
      extendsShiftId: c.extends ? c.extends.shiftId : null,
    },
    hours: c.worked,
    outsideHours: c.outside,
  });
  // The proficiency of the held skill that serves the target (itself or a child of it).
  const held = st.agent.skills.filter((s) => catalog.served([s.skillId]).has(skillId));
  const proficiency = held.length ? Math.max(...held.map((s) => s.proficiency)) : 3;
  return {
    id: `greedy-${n}`,
    agentId: st.agent.id,
    siteId: st.agent.homeSiteId,
    start,
    end,
    skills: [{ skillId, proficiency }],
    status: "DRAFT",
    breaks: unpaid.map(([u0, u1]) => ({ startOffsetMinutes: (u0 - start) / 60_000, durationMinutes: (u1 - u0) / 60_000, paid: false })),
    version: 1,
  };
}

/** Rebuilds the agent's free-interval prefixes from its blocks (after each proposal). */
function refreshFree(st: AgentState, grid: CoverageGrid): void {
  const count = grid.intervalCount;
  const blocked = new Uint8Array(count);
  const restMs = st.rules.minRestHours * HOUR_MS;
  for (const blk of st.blocks) {
    const from = Math.max(0, Math.floor((blk.start - restMs - grid.start) / INTERVAL_MS) + 1);
    const to = Math.min(count, Math.ceil((blk.end + restMs - grid.start) / INTERVAL_MS) - 1);
    // Interval i is blocked when a shift in it would end within rest of blk (or overlap it):
    // [i, i+1) intersects (blk.start − rest, blk.end + rest).
    for (let i = Math.max(0, from - 1); i < Math.min(count, to + 1); i++) {
      const t0 = grid.start + i * INTERVAL_MS;
      const t1 = t0 + INTERVAL_MS;
      if (t1 > blk.start - restMs && t0 < blk.end + restMs) blocked[i] = 1;
    }
  }
  const avail = st.availPrefix;
  for (let i = 0; i < count; i++) {
    const ok = blocked[i] === 0;
    st.restFreePrefix[i + 1] = st.restFreePrefix[i] + (ok ? 1 : 0);
    st.freePrefix[i + 1] = st.freePrefix[i] + (ok && avail[i + 1] - avail[i] === 1 ? 1 : 0);
  }
}

// ---------------------------------------------------------------- results

function unmet(
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

function sumShortfall(shortfall: Map<string, Float64Array>): number {
  let total = 0;
  for (const sf of shortfall.values()) for (let i = 0; i < sf.length; i++) total += sf[i] * IH;
  return total;
}

function isoNoMillis(t: Instant): string {
  return new Date(t).toISOString().replace(".000Z", "Z");
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
