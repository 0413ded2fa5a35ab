/**
 * Gaps: where scheduled (net) coverage falls short of required, found interval by interval
 * (an overstaffed morning never hides an understaffed evening), rolled up per local
 * calendar day as CXone does, and cut into windows a planner can act on.
 */
import type { CoverageGrid } from "./coverage";
import { formatWindow } from "./coverage/labels";
import { addDays, localDateKey, localDayRange } from "./time";
import { INTERVAL_MINUTES, INTERVAL_MS, type Instant } from "./types";

const HOURS_PER_INTERVAL = INTERVAL_MINUTES / 60;
/** Net coverage is a float split: 0.4999999999 short is 0.5 short. */
const EPS = 1e-9;

export interface GapThresholds {
  /** A day is a gap when coveredHours / requiredHours is below this. */
  gapBelow: number;
  /** … and HIGH priority below this, else MEDIUM. */
  highBelow: number;
  /** An interval joins a gap window when at least this many agents short. */
  windowMinShortfall: number;
}

export const DEFAULT_GAP_THRESHOLDS: Readonly<GapThresholds> = Object.freeze({
  gapBelow: 0.85,
  highBelow: 0.7,
  windowMinShortfall: 0.5,
});

export type GapPriority = "HIGH" | "MEDIUM";

/** Required and scheduled are never negative, and missing or NaN counts as 0. */
function clean(v: number | undefined): number {
  return v !== undefined && v > 0 ? v : 0;
}

/** max(0, required − scheduled) per interval: [3, 1] vs [2, 2] → [1, 0]. */
export function intervalShortfall(required: Float64Array, scheduled: Float64Array): Float64Array {
  const out = new Float64Array(required.length);
  for (let i = 0; i < required.length; i++) {
    const d = clean(required[i]) - clean(scheduled[i]);
    out[i] = d > 0 ? d : 0;
  }
  return out;
}

export interface DailyCoverage {
  skillId: string;
  /** YYYY-MM-DD, the local calendar day in the rollup's zone. */
  date: string;
  /** The part of that local day the grid covers. */
  start: Instant;
  end: Instant;
  requiredHours: number;
  /** Scheduled hours (CXone's availableHours). */
  availableHours: number;
  /** Σ min(required, scheduled) hours: overstaffing one interval never pays for another. */
  coveredHours: number;
  /** coveredHours / requiredHours; null when nothing is required. */
  coverageRatio: number | null;
  deficitHours: number;
  isGap: boolean;
  priority: GapPriority | null;
}

/**
 * Per local calendar day of `timeZone` (23 or 25 hours on DST days), the required,
 * scheduled, covered and missing hours. A day with nothing required stays in the list
 * (ratio null) but is never a gap. Intervals belong to the day in which they start.
 * Example: required 2 all day, scheduled 3 in the morning and 1 in the evening → the
 * hours balance, yet covered/required = 0.75 → a MEDIUM gap.
 */
export function dailyRollup(
  skillId: string,
  grid: CoverageGrid,
  required: Float64Array,
  scheduled: Float64Array,
  timeZone: string,
  thresholds: GapThresholds = DEFAULT_GAP_THRESHOLDS,
): DailyCoverage[] {
  const count = grid.intervalCount;
  if (!(count > 0)) return [];
  const gridStart = grid.start;
  const gridStop = gridStart + count * INTERVAL_MS;
  const out: DailyCoverage[] = [];
  const lastKey = localDateKey(gridStop - 1, timeZone);
  for (let key = localDateKey(gridStart, timeZone); key <= lastKey; key = addDays(key, 1)) {
    const day = localDayRange(key, timeZone);
    const start = Math.max(day.start, gridStart);
    const end = Math.min(day.end, gridStop);
    if (end <= start) continue;
    // Real zones change offset on the quarter-hour grid, so these are whole indices.
    const from = Math.ceil((start - gridStart) / INTERVAL_MS);
    const to = Math.ceil((end - gridStart) / INTERVAL_MS);
    let req = 0;
    let avail = 0;
    let covered = 0;
    let deficit = 0;
    for (let i = from; i < to; i++) {
      const r = clean(required[i]);
      const s = clean(scheduled[i]);
      req += r;
      avail += s;
      covered += r < s ? r : s;
      if (r > s) deficit += r - s;
    }
    const ratio = req > 0 ? covered / req : null;
    const isGap = ratio !== null && ratio < thresholds.gapBelow;
    out.push({
      skillId,
      date: key,
      start,
      end,
      requiredHours: req * HOURS_PER_INTERVAL,
      availableHours: avail * HOURS_PER_INTERVAL,
      coveredHours: covered * HOURS_PER_INTERVAL,
      coverageRatio: ratio,
      deficitHours: deficit * HOURS_PER_INTERVAL,
      isGap,
      priority: isGap ? (ratio < thresholds.highBelow ? "HIGH" : "MEDIUM") : null,
    });
  }
  return out;
}

export interface GapWindow {
  skillId: string;
  /** Local date (YYYY-MM-DD) of the window's start; a window may run past midnight. */
  date: string;
  start: Instant;
  end: Instant;
  /** Largest shortfall (agents) of one interval in the window. */
  peakShortfall: number;
  deficitHours: number;
  priority: GapPriority;
}

/**
 * Maximal runs of consecutive intervals at least `windowMinShortfall` agents short.
 * A run is not cut at local midnight. Priority uses the same yardstick as a day, over
 * the window only: covered/required below `highBelow` → HIGH, else MEDIUM (required 4,
 * scheduled 1 for an hour → 0.25 → HIGH; required 10, scheduled 9 → 0.9 → MEDIUM).
 */
export function findGapWindows(
  skillId: string,
  grid: CoverageGrid,
  required: Float64Array,
  scheduled: Float64Array,
  timeZone: string,
  thresholds: GapThresholds = DEFAULT_GAP_THRESHOLDS,
): GapWindow[] {
  const count = grid.intervalCount;
  const out: GapWindow[] = [];
  let runStart = -1;
  let peak = 0;
  let deficit = 0;
  let req = 0;
  let covered = 0;
  const close = (endIndex: number) => {
    const start = grid.start + runStart * INTERVAL_MS;
    out.push({
      skillId,
      date: localDateKey(start, timeZone),
      start,
      end: grid.start + endIndex * INTERVAL_MS,
      peakShortfall: peak,
      deficitHours: deficit * HOURS_PER_INTERVAL,
      priority: covered / req < thresholds.highBelow ? "HIGH" : "MEDIUM",
    });
    runStart = -1;
  };
  for (let i = 0; i < count; i++) {
    const r = clean(required[i]);
    const s = clean(scheduled[i]);
    const short = r - s;
    if (short > 0 && short >= thresholds.windowMinShortfall - EPS) {
      if (runStart < 0) {
        runStart = i;
        peak = 0;
        deficit = 0;
        req = 0;
        covered = 0;
      }
      if (short > peak) peak = short;
      deficit += short;
      req += r;
      covered += s;
    } else if (runStart >= 0) {
      close(i);
    }
  }
  if (runStart >= 0) close(count);
  return out;
}

/** 4.5 → "4.5", 3 → "3", 2.25 → "2.3" (one decimal, as a planner reads it). */
function formatAgents(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/**
 * One line for a planner, in the site's local clock, with dates and zone:
 * "Tue 2 Jun 17:00–20:30 EDT SKILL_SALES short 4.5 agents at peak"; across midnight
 * "Fri 4 Dec 23:30 – Sat 5 Dec 17:00 EST …" (formatWindow). A window ending at local
 * midnight reads "…–24:00" so it is not mistaken for one ending the same morning.
 */
export function describeGapWindow(w: GapWindow, timeZone: string, skillName?: string): string {
  const peak = formatAgents(w.peakShortfall);
  const unit = peak === "1" ? "agent" : "agents";
  return `${formatWindow(w.start, w.end, timeZone)} ${skillName ?? w.skillId} short ${peak} ${unit} at peak`;
}
