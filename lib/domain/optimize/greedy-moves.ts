/**
 * The greedy engine's working state per agent and its moves: where a new shift or an
 * extension may go (evaluate), and what placing one changes (apply).
 */
import type { CoverageGrid } from "../coverage";
import type { SkillCatalog } from "../skills";
import { HOUR_MS, INTERVAL_MS, type Agent, type Instant, type LaborRules, type Shift } from "../types";
import { EPS, IH, isoNoMillis, round2, type MergedRule, type ZoneCalendar } from "./common";
import type { RecommendedShift } from "./types";

export interface Block {
  start: Instant;
  end: Instant;
  shiftId: string | null;
}

export interface AgentState {
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

export interface Candidate {
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
  /**
   * An extension placed before a shift moves the stretch's start: from the local day it
   * started on (`from`, or -1 outside the grid) to the day of `a`. Null when no day changes.
   */
  moveStart: { from: number; to: number } | null;
}

/**
 * Adds (sign 1) worked hours per local day, paid hours per ISO week and the shift start to
 * the agent's counters, for the part of [start, end) inside the grid.
 */
export function accountTime(st: AgentState, grid: CoverageGrid, start: Instant, end: Instant, unpaid: readonly (readonly [number, number])[], countsStart: boolean, sign: 1 | -1): void {
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

// ---------------------------------------------------------------- feasibility

export function evaluate(
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
  // An extension before a shift starts the stretch earlier: when that earlier start falls on
  // another local day (a Sunday 00:30 shift extended from Saturday 22:00), that day gains a
  // start and must still be within maxShiftsPerDay.
  let moveStart: Candidate["moveStart"] = null;
  if (extendsBlock && extendsBlock.start === end) {
    const oldIndex = Math.floor((end - grid.start) / INTERVAL_MS);
    const from = oldIndex >= 0 && oldIndex < count ? st.cal.day[oldIndex] : -1;
    const to = st.cal.day[a];
    if (from !== to) {
      if (st.dayStarts[to] + 1 > st.rules.maxShiftsPerDay) return null;
      moveStart = { from, to };
    }
  }
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
  return { state: st, a, b, breakFrom, breakTo, gain, worked, overtime, outside, score, extends: extendsBlock, moveStart };
}

export function apply(c: Candidate, skillId: string, grid: CoverageGrid, sf: Float64Array, n: number, catalog: SkillCatalog): Shift {
  const st = c.state;
  const start = grid.start + c.a * INTERVAL_MS;
  const end = grid.start + c.b * INTERVAL_MS;
  const unpaid: [number, number][] = c.breakTo > c.breakFrom ? [[grid.start + c.breakFrom * INTERVAL_MS, grid.start + c.breakTo * INTERVAL_MS]] : [];
  accountTime(st, grid, start, end, unpaid, !c.extends, 1);
  if (c.moveStart) {
    st.dayStarts[c.moveStart.to] += 1;
    if (c.moveStart.from >= 0) st.dayStarts[c.moveStart.from] -= 1;
  }
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
export function refreshFree(st: AgentState, grid: CoverageGrid): void {
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
