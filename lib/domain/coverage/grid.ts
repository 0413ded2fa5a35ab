/** The 15-minute UTC grid coverage is counted on. */
import { ceilToInterval, floorToInterval } from "../time";
import { INTERVAL_MS, type Instant, type TimeRange } from "../types";

export interface CoverageGrid {
  /** On the 15-minute UTC grid. */
  start: Instant;
  intervalCount: number;
}

/** The grid covering `range`: 09:10–17:05 → 09:00 start, 33 intervals (to 17:15). */
export function gridFor(range: TimeRange): CoverageGrid {
  const start = floorToInterval(range.start);
  const end = ceilToInterval(range.end);
  return { start, intervalCount: Math.max(0, Math.round((end - start) / INTERVAL_MS)) };
}

/** Exclusive end of the grid. */
export function gridEnd(grid: CoverageGrid): Instant {
  return grid.start + grid.intervalCount * INTERVAL_MS;
}

/** Start instant of interval `index`. */
export function intervalStartAt(grid: CoverageGrid, index: number): Instant {
  return grid.start + index * INTERVAL_MS;
}
