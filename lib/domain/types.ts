/**
 * The plain data the domain engines work on. No I/O, no framework: services load
 * rows from the database (or CXone) and map them to these shapes.
 *
 * Instants are epoch milliseconds in UTC. Zones appear only where a rule is about
 * calendar days or clock hours (see lib/domain/time).
 */

/** Epoch milliseconds, UTC. */
export type Instant = number;

/** The planning grid: 15-minute intervals aligned to UTC. */
export const INTERVAL_MINUTES = 15;
export const INTERVAL_MS = INTERVAL_MINUTES * 60_000;
export const HOUR_MS = 3_600_000;

export interface TimeRange {
  start: Instant;
  /** Exclusive. */
  end: Instant;
}

export interface Skill {
  id: string;
  name: string;
  /** A child skill serves its parent (SKILL_SALES_PREMIUM serves SKILL_SALES), never the reverse. */
  parentId: string | null;
  /** Regional skills that are equivalent across sites (SKILL_SALES_US ~ SKILL_SALES_UK). */
  equivalenceGroup: string | null;
}

export interface LaborRules {
  /** Minimum rest between two shifts, hours (instants, not clock time). */
  minRestHours: number;
  /** Max worked hours in one local calendar day of the agent's home zone. */
  maxDailyHours: number;
  /** Max hours of one continuous stretch of work (shifts closer than minRest join). */
  maxConsecutiveHours: number;
  maxShiftsPerDay: number;
  /** Shift length bounds used by imports and the optimizer. */
  minShiftHours: number;
  maxShiftHours: number;
  /** No shift may start before this local clock time ("06:00"), or null. */
  earliestStartLocal: string | null;
  /** Max paid hours in one ISO week of the agent's home zone; absent or null = no weekly cap (overtime still warns). */
  maxWeeklyHours?: number | null;
}

/** A typical contact-center rule set: what a site without its own rules gets. */
export const DEFAULT_LABOR_RULES: Readonly<LaborRules> = Object.freeze({
  minRestHours: 10,
  maxDailyHours: 12,
  maxConsecutiveHours: 10,
  maxShiftsPerDay: 1,
  minShiftHours: 4,
  maxShiftHours: 10,
  earliestStartLocal: null,
});

export interface Site {
  id: string;
  name: string;
  timeZone: string;
  laborRules: LaborRules;
}

export interface SkillProficiency {
  skillId: string;
  /** 1 (learning) … 5 (expert). */
  proficiency: number;
}

/** A weekly availability window in the agent's home zone. */
export interface AvailabilityWindow {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  startMinute: number;
  /** Minutes after local midnight, may exceed 1440 for windows past midnight. */
  endMinute: number;
}

export interface Agent {
  id: string;
  username: string;
  name: string;
  homeSiteId: string;
  /** IANA zone; defaults to the home site's zone. */
  timeZone: string;
  skills: SkillProficiency[];
  attributes: Record<string, string>;
  /** YYYY-MM-DD */
  hireDate: string;
  /** 1 = best. */
  performanceRank: number;
  contractHoursPerWeek: number;
  availability: AvailabilityWindow[];
}

export type ShiftStatus = "PUBLISHED" | "DRAFT";

export interface ShiftBreak {
  /** Minutes from the shift's start. */
  startOffsetMinutes: number;
  durationMinutes: number;
  paid: boolean;
}

export interface Shift {
  id: string;
  agentId: string;
  /** The site where the shift is worked (its supervisors review trades of it). */
  siteId: string;
  start: Instant;
  end: Instant;
  /** Skills listed on the shift; empty means "the agent's skills". */
  skills: SkillProficiency[];
  status: ShiftStatus;
  breaks: ShiftBreak[];
  version: number;
}

/** Required agents for one skill in one 15-minute interval. */
export interface DemandPoint {
  skillId: string;
  intervalStart: Instant;
  requiredAgents: number;
}
