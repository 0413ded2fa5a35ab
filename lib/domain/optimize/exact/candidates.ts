/**
 * Candidate shifts per agent for the exact model: every start on the 15-minute grid with
 * every allowed length (new shifts), and every extension of an existing shift, kept only
 * when it passes each rule that does not depend on other proposals (availability, earliest
 * start, rest from existing shifts, daily hours, starts per day, hours cap) and touches a
 * shortfall the agent may cover. Rules that couple proposals are constraints of the model.
 */
import type { CoverageGrid } from "../../coverage";
import { HOUR_MS, INTERVAL_MS, type Agent, type Instant, type LaborRules, type Shift } from "../../types";
import { EPS, IH, breakFor, inPool, parseClock, shiftLimits, type MergedRule, type ZoneCalendar, isoWeekOf } from "../common";
import type { ComplianceRules } from "../types";

export type CandidateKind = "new" | "before" | "after";

export interface ExactCandidate {
  agent: number;
  kind: CandidateKind;
  /** Grid intervals [a, b); the unpaid break [breakFrom, breakTo) (equal when none). */
  a: number;
  b: number;
  breakFrom: number;
  breakTo: number;
  extendsShiftId: string | null;
  /** Hours of span per local day (the daily-hours rule counts the span, as the greedy does). */
  dayHours: [number, number][];
  /** Paid hours per home-zone ISO week. */
  weekPaid: [number, number][];
  /** Change of shift starts per local day (+1 for a new shift; ±1 when a before-extension moves a start across midnight). */
  startDelta: [number, number][];
  /** Occupied span with half the minimum rest on each free side, in half-intervals: two candidates conflict iff these overlap. */
  lo: number;
  hi: number;
  outsideHours: number;
  /** Existing block id this extends, for the max-stretch row. */
  block: number;
}

export interface AgentFrame {
  agent: Agent;
  labor: LaborRules;
  cal: ZoneCalendar;
  /** Targeted skills the agent serves and is in the pool of, with whether availability binds. */
  skills: { skillId: string; anyPool: boolean; allowOvertime: boolean }[];
  availPrefix: Int32Array;
  dayWorked: Float64Array;
  dayStarts: Int32Array;
  weekPaid: Float64Array;
  /** Contract hours left per week, and the overtime cap over all weeks. */
  spare: Float64Array;
  overtimeCap: number;
  blocks: { start: Instant; end: Instant; id: string; room: number }[];
}

export interface CandidateOptions {
  lengthStep: number;
  /** New shifts start on local clock minutes divisible by this (15 = every interval). */
  startStepMinutes: number;
  breakAfterIntervals: number;
  breakIntervals: number;
  minExtensionIntervals: number;
}

/** Counters of the existing schedule inside the grid: worked span per day, paid per week, starts per day. */
export function frameFor(agent: Agent, labor: LaborRules, cal: ZoneCalendar, availPrefix: Int32Array, shifts: readonly Shift[], rules: ReadonlyMap<string, MergedRule>, served: Set<string>, grid: CoverageGrid): AgentFrame {
  const count = grid.intervalCount;
  const dayWorked = new Float64Array(cal.dayCount);
  const dayStarts = new Int32Array(cal.dayCount);
  const weekPaid = new Float64Array(cal.weekCount);
  const mine = shifts.filter((s) => s.agentId === agent.id && s.end > s.start).sort((x, y) => x.start - y.start);
  for (const s of mine) {
    const unpaid = s.breaks.filter((br) => !br.paid).map((br) => [s.start + br.startOffsetMinutes * 60_000, s.start + (br.startOffsetMinutes + br.durationMinutes) * 60_000] as const);
    const a = Math.max(0, Math.floor((s.start - grid.start) / INTERVAL_MS));
    const b = Math.min(count, Math.ceil((s.end - grid.start) / INTERVAL_MS));
    for (let i = a; i < b; i++) {
      const t0 = Math.max(s.start, grid.start + i * INTERVAL_MS);
      const t1 = Math.min(s.end, grid.start + (i + 1) * INTERVAL_MS);
      if (t1 <= t0) continue;
      let off = 0;
      for (const [u0, u1] of unpaid) off += Math.max(0, Math.min(t1, u1) - Math.max(t0, u0));
      dayWorked[cal.day[i]] += (t1 - t0) / HOUR_MS;
      weekPaid[cal.week[i]] += (t1 - t0 - off) / HOUR_MS;
    }
    if (s.start >= grid.start && s.start < grid.start + count * INTERVAL_MS) dayStarts[cal.day[Math.floor((s.start - grid.start) / INTERVAL_MS)]]++;
    // Hours worked outside the grid but in one of its home-zone weeks count toward that
    // week's contract (a range of one day, or a week in UTC for an agent in Manila): without
    // them the weekly hours rule would only see the part of the week inside the range.
    if (cal.weekIndex) {
      const gridEnd = grid.start + count * INTERVAL_MS;
      for (const [p0, p1] of [[s.start, Math.min(s.end, grid.start)], [Math.max(s.start, gridEnd), s.end]] as const) {
        if (p1 <= p0) continue;
        const w = cal.weekIndex.get(isoWeekOf(p0, cal.zone ?? agent.timeZone));
        if (w === undefined) continue;
        let off = 0;
        for (const [u0, u1] of unpaid) off += Math.max(0, Math.min(p1, u1) - Math.max(p0, u0));
        weekPaid[w] += (p1 - p0 - off) / HOUR_MS;
      }
    }
  }
  const skills = [];
  let overtimeCap = 0;
  for (const rule of rules.values()) {
    if (!served.has(rule.skillId) || !inPool(rule.pool, agent.id)) continue;
    skills.push({ skillId: rule.skillId, anyPool: rule.pool === "ANY", allowOvertime: rule.allowOvertime && rule.maxOvertimeHours > 0 });
    if (rule.allowOvertime) overtimeCap = Math.max(overtimeCap, rule.maxOvertimeHours);
  }
  const spare = new Float64Array(cal.weekCount);
  for (let w = 0; w < cal.weekCount; w++) spare[w] = Math.max(0, agent.contractHoursPerWeek - weekPaid[w]);
  // Stretches of exactly adjoining shifts count as one for max stretch.
  const blocks = mine.map((s) => ({ start: s.start, end: s.end, id: s.id, room: 0 }));
  for (const blk of blocks) {
    let from = blk.start;
    let to = blk.end;
    for (let grew = true; grew; ) {
      grew = false;
      for (const o of blocks) {
        if (o.end === from && o.start < from) {
          from = o.start;
          grew = true;
        } else if (o.start === to && o.end > to) {
          to = o.end;
          grew = true;
        }
      }
    }
    blk.room = to - from;
  }
  return { agent, labor, cal, skills, availPrefix, dayWorked, dayStarts, weekPaid, spare, overtimeCap, blocks };
}

/**
 * canCover[i] = 1 when the agent may cover some targeted shortfall in interval i.
 * Candidates that touch none are pruned: they can only add cost.
 */
export function coverMask(frame: AgentFrame, shortfall: ReadonlyMap<string, Float64Array>, count: number): Uint8Array {
  const mask = new Uint8Array(count);
  for (const s of frame.skills) {
    const sf = shortfall.get(s.skillId);
    if (!sf) continue;
    for (let i = 0; i < count; i++) if (sf[i] > EPS && (s.anyPool || frame.availPrefix[i + 1] - frame.availPrefix[i] === 1)) mask[i] = 1;
  }
  return mask;
}

export function candidatesFor(index: number, frame: AgentFrame, grid: CoverageGrid, compliance: ComplianceRules, mask: Uint8Array, opt: CandidateOptions): ExactCandidate[] {
  const count = grid.intervalCount;
  const { labor, cal, availPrefix } = frame;
  const { minLen, maxStretch } = shiftLimits(labor, compliance);
  const restMs = labor.minRestHours * HOUR_MS;
  const R = Math.ceil((labor.minRestHours * HOUR_MS) / INTERVAL_MS - EPS);
  const earliest = parseClock(labor.earliestStartLocal);
  const requireAvail = !frame.skills.some((s) => s.anyPool);
  const maskPrefix = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) maskPrefix[i + 1] = maskPrefix[i] + mask[i];
  const hoursLeft = frame.overtimeCap + frame.spare.reduce((s, x) => s + x, 0);
  const out: ExactCandidate[] = [];
  if (hoursLeft < IH - EPS || frame.skills.length === 0) return out;

  // Gap to every existing shift: [i, i+1) must stay clear of (start − rest, end + rest).
  const blocked = (skip: Set<number>) => {
    const m = new Uint8Array(count);
    frame.blocks.forEach((blk, k) => {
      if (skip.has(k)) return;
      const from = Math.max(0, Math.floor((blk.start - restMs - grid.start) / INTERVAL_MS));
      const to = Math.min(count, Math.ceil((blk.end + restMs - grid.start) / INTERVAL_MS));
      for (let i = from; i < to; i++) {
        const t0 = grid.start + i * INTERVAL_MS;
        if (t0 + INTERVAL_MS > blk.start - restMs && t0 < blk.end + restMs) m[i] = 1;
      }
    });
    const p = new Int32Array(count + 1);
    for (let i = 0; i < count; i++) p[i + 1] = p[i] + m[i];
    return p;
  };
  const freeAll = blocked(new Set());

  const build = (kind: CandidateKind, a: number, b: number, bf: number, bt: number, block: number): ExactCandidate | null => {
    const dayHours = new Map<number, number>();
    const weekPaid = new Map<number, number>();
    let paid = 0;
    for (let i = a; i < b; i++) {
      dayHours.set(cal.day[i], (dayHours.get(cal.day[i]) ?? 0) + IH);
      if (i < bf || i >= bt) {
        weekPaid.set(cal.week[i], (weekPaid.get(cal.week[i]) ?? 0) + IH);
        paid += IH;
      }
    }
    for (const [d, h] of dayHours) if (frame.dayWorked[d] + h > labor.maxDailyHours + EPS) return null;
    for (const [w, h] of weekPaid) if (h > frame.spare[w] + frame.overtimeCap + EPS) return null;
    if (paid > hoursLeft + EPS) return null;
    const startDelta: [number, number][] = [];
    if (kind === "new") startDelta.push([cal.day[a], 1]);
    if (kind === "before") {
      const blk = frame.blocks[block];
      const old = Math.floor((blk.start - grid.start) / INTERVAL_MS);
      const from = old >= 0 && old < count ? cal.day[old] : -1;
      if (from !== cal.day[a]) {
        startDelta.push([cal.day[a], 1]);
        if (from >= 0) startDelta.push([from, -1]);
      }
    }
    for (const [d, n] of startDelta) if (n > 0 && frame.dayStarts[d] + n > labor.maxShiftsPerDay) return null;
    const lo = kind === "after" ? 2 * a : 2 * a - R;
    const hi = kind === "before" ? 2 * b : 2 * b + R;
    return {
      agent: index,
      kind,
      a,
      b,
      breakFrom: bf,
      breakTo: bt,
      extendsShiftId: kind === "new" ? null : frame.blocks[block].id,
      dayHours: [...dayHours],
      weekPaid: [...weekPaid],
      startDelta,
      lo,
      hi,
      outsideHours: (b - a - (availPrefix[b] - availPrefix[a])) * IH,
      block,
    };
  };
  const availOk = (a: number, b: number) => !requireAvail || availPrefix[b] - availPrefix[a] === b - a;
  const startOk = (a: number) => earliest === null || cal.minute[a] >= earliest;

  for (let a = 0; a < count; a++) {
    if (!startOk(a) || cal.minute[a] % opt.startStepMinutes !== 0) continue;
    for (let len = minLen; len <= maxStretch; len += opt.lengthStep) {
      const b = a + len;
      if (b > count) break;
      const [bf, bt] = breakFor(a, b, opt.breakAfterIntervals, opt.breakIntervals);
      if (maskPrefix[b] - maskPrefix[a] - (maskPrefix[bt] - maskPrefix[bf]) === 0) continue;
      if (freeAll[b] - freeAll[a] !== 0 || !availOk(a, b)) continue;
      const c = build("new", a, b, bf, bt, -1);
      if (c) out.push(c);
    }
  }
  frame.blocks.forEach((blk, k) => {
    const bs = Math.round((blk.start - grid.start) / INTERVAL_MS);
    const be = Math.round((blk.end - grid.start) / INTERVAL_MS);
    if (blk.start !== grid.start + bs * INTERVAL_MS || blk.end !== grid.start + be * INTERVAL_MS) return;
    const room = maxStretch - Math.round(blk.room / INTERVAL_MS);
    const chain = new Set<number>();
    frame.blocks.forEach((o, j) => {
      if (o.end > blk.start - 1 && o.start < blk.end + 1 && (o.end === blk.start || o.start === blk.end || j === k)) chain.add(j);
    });
    const free = blocked(chain);
    for (let n = opt.minExtensionIntervals; n <= room; n++) {
      for (const [kind, a, b] of [["after", be, be + n], ["before", bs - n, bs]] as const) {
        if (a < 0 || b > count || maskPrefix[b] - maskPrefix[a] === 0) continue;
        if (free[b] - free[a] !== 0 || !availOk(a, b)) continue;
        if (kind === "before" && !startOk(a)) continue;
        // An adjoining neighbour on that side already continues the stretch: extend that one instead.
        if (frame.blocks.some((o) => (kind === "after" ? o.start === blk.end : o.end === blk.start))) continue;
        const c = build(kind, a, b, a, a, k);
        if (c) out.push(c);
      }
    }
  });
  return out;
}

/**
 * Maximal sets of pairwise-conflicting candidates of one agent (overlap or rest closer than
 * the minimum): an interval graph, so one "at most one" row per maximal clique is exact.
 */
export function conflictCliques(cands: readonly { lo: number; hi: number }[], ids: readonly number[]): number[][] {
  const events: [number, number, number][] = [];
  ids.forEach((id, k) => {
    events.push([cands[k].lo, 1, id], [cands[k].hi, 0, id]);
  });
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const active = new Set<number>();
  const out: number[][] = [];
  let lastLeft = false;
  for (const [, type, id] of events) {
    if (type === 1) {
      active.add(id);
      lastLeft = true;
    } else {
      if (lastLeft && active.size > 1) out.push([...active]);
      active.delete(id);
      lastLeft = false;
    }
  }
  return out;
}
