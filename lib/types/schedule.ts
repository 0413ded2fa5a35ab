/**
 * The schedule grid and shift edits as the browser receives them (JSON). The contract
 * between the schedule use cases (lib/services/schedule) and the Schedule page; no server
 * code here. Instants are epoch milliseconds; every label that shows a time names `zone`.
 */
import type { ShiftBreak, ShiftStatus, SkillProficiency } from "../domain/types";

/** Whose clock the grid is drawn in: the selected site's zone, or each agent's home zone. */
export type ScheduleZoneMode = "site" | "agent";
export type ScheduleSort = "agent" | "start" | "hours";

export interface ScheduleShift {
  id: string;
  agentId: string;
  siteId: string;
  start: number;
  end: number;
  status: ShiftStatus;
  breaks: ShiftBreak[];
  /** Empty means "the agent's skills". */
  skills: SkillProficiency[];
  version: number;
  /** Published, then changed: the agents have not seen the change yet. */
  changedSincePublish: boolean;
  importId: string | null;
}

export interface ScheduleAgentRow {
  agentId: string;
  name: string;
  homeSiteId: string;
  /** The agent's home zone (IANA). */
  timeZone: string;
  skills: SkillProficiency[];
  attributes: Record<string, string>;
  contractHoursPerWeek: number;
  /** Paid hours in the range (shift length minus unpaid breaks). */
  paidHours: number;
  /** Paid hours above the contract, week by week in the agent's home zone. */
  overtimeHours: number;
  shifts: ScheduleShift[];
}

export interface ScheduleDayTotal {
  /** YYYY-MM-DD in the grid's zone. */
  date: string;
  shifts: number;
  agents: number;
  paidHours: number;
}

export interface ScheduleView {
  /** First and last day shown (YYYY-MM-DD, inclusive) and the zone the days are cut in. */
  from: string;
  to: string;
  days: string[];
  zoneMode: ScheduleZoneMode;
  /** The zone every time on the page is shown in; null in "agent" mode (each row names its own). */
  zone: string | null;
  /** Agents matching the filters, before paging. */
  totalAgents: number;
  offset: number;
  limit: number;
  rows: ScheduleAgentRow[];
  /** Totals over every matching agent, not only this page of rows. */
  dayTotals: ScheduleDayTotal[];
  /** Whether the viewer may change shifts here (supervisors read). */
  canEdit: boolean;
}

/** One rule an edit breaks (`error`: nothing is stored) or should be confirmed (`warning`). */
export interface ScheduleRuleFinding {
  severity: "error" | "warning";
  /** Stable code, e.g. OVERLAP, REST, MIN_LENGTH, MAX_LENGTH, DAILY_HOURS, WEEKLY_HOURS, NONEXISTENT_TIME, BREAK_OUTSIDE, OVERTIME. */
  code: string;
  /** The form field it is about: start, end, breaks, skills, status, agentId. */
  field?: string;
  message: string;
}

/** Coverage change an edit makes, per skill and interval, before it is saved. */
export interface CoverageDelta {
  skillId: string;
  /** Intervals whose scheduled (net) coverage changes. */
  intervals: { start: number; before: number; after: number; required: number }[];
  /** Agent-hours of shortfall before and after, over the intervals touched. */
  shortfallHoursBefore: number;
  shortfallHoursAfter: number;
}

export interface ShiftEditPreview {
  findings: ScheduleRuleFinding[];
  coverage: CoverageDelta[];
}

export interface ShiftEditResult {
  shift: ScheduleShift | null;
  findings: ScheduleRuleFinding[];
}

export interface PublishPreview {
  shifts: number;
  agents: number;
  paidHours: number;
  bySite: { siteId: string; shifts: number; agents: number; paidHours: number }[];
  /** Ids, so the publish that follows is exactly what was previewed. */
  shiftIds: string[];
}

export interface PublishResult {
  published: number;
  /** CXone's counts when the backend pushes (WFM_BACKEND=cxone). */
  backend?: { name: string; processed: number; failed: number; message?: string };
}

export interface UndoImportResult {
  importId: string;
  removed: number;
  restored: number;
}

export interface ShiftHistoryEntry {
  at: string;
  actor: string;
  action: string;
  summary: string;
}
