/**
 * What both engines share: merged gap rules, shift limits, local calendars per zone and
 * availability per interval, the break rule, formatting.
 */
import type { CoverageGrid } from "../coverage";
import { instantToLocal, startOfIsoWeek } from "../time";
import { HOUR_MS, INTERVAL_MS, type Agent, type Instant, type LaborRules } from "../types";
import type { ComplianceRules, GapPriority, GapResolutionRule } from "./types";

export const PRIORITY_WEIGHT: Record<GapPriority, number> = { HIGH: 3, MEDIUM: 2, LOW: 1 };
/** Hours per interval. */
export const IH = INTERVAL_MS / HOUR_MS;
export const EPS = 1e-9;

export interface MergedRule {
  skillId: string;
  weight: number;
  allowOvertime: boolean;
  maxOvertimeHours: number;
  pool: "AVAILABLE" | "ANY" | Set<string>;
}

/** Per zone, per grid interval: local minute of day, ISO weekday, day and week indices. */
export interface ZoneCalendar {
  minute: Int16Array;
  weekday: Int8Array;
  day: Int32Array;
  week: Int32Array;
  dayCount: number;
  weekCount: number;
  /** Monday "YYYY-MM-DD" of each home-zone ISO week the grid touches → its index in `week`. */
  weekIndex?: ReadonlyMap<string, number>;
  zone?: string;
}

// ---------------------------------------------------------------- rules

export function mergeRules(list: readonly GapResolutionRule[]): Map<string, MergedRule> {
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

export function inPool(pool: MergedRule["pool"], agentId: string): boolean {
  return pool instanceof Set ? pool.has(agentId) : true;
}

export function shiftLimits(rules: LaborRules, compliance: ComplianceRules) {
  const maxStretch = Math.floor(Math.min(rules.maxShiftHours, rules.maxConsecutiveHours, compliance.maxConsecutiveHours) / IH + EPS);
  const minLen = Math.max(1, Math.ceil(rules.minShiftHours / IH - EPS));
  return { minLen, maxStretch };
}

export function parseClock(text: string | null): number | null {
  if (!text) return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

// ---------------------------------------------------------------- calendars and availability

/** The home-zone ISO week (its Monday) holding `t`. */
export function isoWeekOf(t: number, zone: string): string {
  const l = instantToLocal(t, zone);
  return startOfIsoWeek(`${l.year}-${String(l.month).padStart(2, "0")}-${String(l.day).padStart(2, "0")}`);
}

export function buildCalendar(grid: CoverageGrid, zone: string): ZoneCalendar {
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
  return { minute, weekday, day, week, dayCount: Math.max(1, dayIndex.size), weekCount: Math.max(1, weekIndex.size), weekIndex, zone };
}

/** Intervals wholly inside an availability window (no windows = always available). */
export function availabilityPrefix(agent: Agent, cal: ZoneCalendar, count: number): Int32Array {
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


/** A new shift longer than breakAfter gets one unpaid break of breakIntervals in its middle. */
export function breakFor(a: number, b: number, breakAfterIntervals: number, breakIntervals: number): [number, number] {
  const len = b - a;
  if (breakIntervals === 0 || len <= breakAfterIntervals) return [0, 0];
  const from = a + Math.floor((len - breakIntervals) / 2);
  return [from, from + breakIntervals];
}

export function isoNoMillis(t: Instant): string {
  return new Date(t).toISOString().replace(".000Z", "Z");
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
