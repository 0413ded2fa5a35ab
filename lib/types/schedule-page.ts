/**
 * What the Schedule page needs besides the grid itself (lib/types/schedule.ts): the filter
 * choices and the coverage strip. Browser-facing JSON; no server code.
 */

/** Agents per request as the grid scrolls (the page's first render sends the first page). */
export const SCHEDULE_PAGE_SIZE = 50;
export interface ScheduleOptions {
  /** The sites the viewer may look at (a supervisor: their own). */
  sites: { id: string; name: string; timeZone: string }[];
  skills: { id: string; name: string }[];
  /** Attribute keys and values agents carry, for the team/attribute filter. */
  attributes: { key: string; values: string[] }[];
  /** Recent committed shift imports, newest first (publish their drafts, or undo one). */
  recentImports: { id: string; fileName: string; createdAt: string; importedRows: number }[];
  canEdit: boolean;
  canPublish: boolean;
}

/** Required against scheduled (net) agents per interval for one skill: the Coverage page's numbers. */
export interface ScheduleCoverageStrip {
  skillId: string | null;
  skillName: string | null;
  /** The zone the strip's axis is drawn in (the site's, or UTC without one). */
  timeZone: string;
  bucketMinutes: number;
  points: { t: number; required: number; scheduled: number; shortfall: number; otherSites?: number }[];
  skillOptions: { id: string; name: string }[];
}
