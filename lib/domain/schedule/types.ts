/**
 * What the schedule editor's rules take and give. Plain data: the service loads the agent,
 * the sites and only the agent's neighbouring shifts; nothing here sees the whole schedule.
 */
import type { SkillCatalog } from "../skills";
import type { Agent, Shift, ShiftBreak, ShiftStatus, Site, SkillProficiency } from "../types";

/** One rule an edit breaks (`error`: nothing is stored) or should be confirmed (`warning`). Same shape as lib/types/schedule.ts. */
export interface ScheduleRuleFinding {
  severity: "error" | "warning";
  code: string;
  /** The form field it is about: start, end, breaks, skills, status, agentId, siteId. */
  field?: string;
  message: string;
}

/** A shift as the planner typed it: local wall-clock times in `timeZone`. */
export interface ShiftEditCandidate {
  /** The shift being changed; null for a new one. */
  shiftId: string | null;
  agentId: string;
  siteId: string;
  /** "YYYY-MM-DDTHH:mm" in `timeZone`. */
  start: string;
  end: string;
  timeZone: string;
  breaks: ShiftBreak[];
  /** Empty means "the agent's skills". */
  skills: SkillProficiency[];
  status: ShiftStatus;
}

export interface ShiftEditContext {
  /** The agent the shift is for; undefined when no such agent exists. */
  agent: Agent | undefined;
  /** The agent's home site: its labor rules (rest, daily, weekly, starts per day) apply to them. */
  homeSite: Site | undefined;
  /** The site the shift is worked at: its shift-length bounds apply (as in the import). */
  site: Site | undefined;
  catalog: SkillCatalog;
  /**
   * The agent's shifts within ±8 days of the candidate, as stored. The shift being edited
   * may be among them (matched by id): it is replaced by the candidate.
   */
  neighbours: readonly Shift[];
}

export type ResolvedTimes = { ok: true; start: number; end: number } | { ok: false; findings: ScheduleRuleFinding[] };
