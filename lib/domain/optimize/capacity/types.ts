/**
 * The capacity plan: how many agents to put on each shift type on each day so that the
 * scheduled agents per 15-minute interval follow the required agents of one skill.
 * Plain data; `lib/schemas/capacity-plan.ts` validates the same shape at the edges.
 *
 * Time is the site's local clock: interval i is day ⌊i / 96⌋, minute 15·(i mod 96) of that
 * day. A shift type starting on day d at 22:00 for 8 h covers 22:00–24:00 of day d and
 * 00:00–06:00 of day d + 1; past the last day of the horizon it counts for nothing.
 */
export const INTERVALS_PER_DAY = 96;
export const INTERVAL_MINUTES = 15;

export type CapacityObjective =
  /** Minimise Σ over intervals of |scheduled − required| (agent-intervals; × 0.25 for agent-hours). */
  | "MIN_DEVIATION"
  /** Minimise Σ cost × agents (cost 1 = number of agents) with every interval covered. */
  | "MIN_AGENTS";

export interface ShiftType {
  id: string;
  /** Local start, minutes after midnight, on the 15-minute grid. */
  startMinute: number;
  /** Length in minutes, on the 15-minute grid, at most 24 h. */
  lengthMinutes: number;
  /** Cost of one agent on this shift type for one day (default 1). */
  cost: number;
  /** At most this many agents on this shift type per day (null: no limit). */
  maxCount: number | null;
}

export interface CapacityInput {
  /** Required agents per 15-minute interval, 96 per day, day 0 first. */
  required: readonly number[];
  shiftTypes: readonly ShiftType[];
  objective: CapacityObjective;
}

export interface CapacityCount {
  shiftTypeId: string;
  day: number;
  count: number;
}

export interface CapacityTotals {
  /** Σ |scheduled − required| in agent-hours. */
  deviationHours: number;
  /** Σ max(0, required − scheduled) and Σ max(0, scheduled − required), agent-hours. */
  shortHours: number;
  overHours: number;
  /** Agents placed (Σ counts) and their cost. */
  agents: number;
  cost: number;
}
