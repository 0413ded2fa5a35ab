import "server-only";
import type { Db } from "../../db/client";
import { getRequiredOnGrid } from "../../db/queries/demand";
import { getFirstShiftStartFrom, getShiftsOverlapping } from "../../db/queries/shifts";
import { computeCoverage, gridEnd, type CoverageGrid } from "../../domain/coverage";
import type { SkillCatalog } from "../../domain/skills";
import { addDays, startOfIsoWeek } from "../../domain/time";
import type { Agent } from "../../domain/types";

/**
 * Our schedule against our demand on a grid: the coverage page (local backend) and the
 * optimizer read it alike. With a site, `coverage` counts that site's shifts and
 * `otherSites` the rest, each split net on its own (demand is per skill, shared by sites).
 */
export async function scheduleCoverage(db: Db, grid: CoverageGrid, agents: readonly Agent[], catalog: SkillCatalog, siteId?: string) {
  const [required, allShifts] = await Promise.all([getRequiredOnGrid(db, grid), getShiftsOverlapping(db, { from: new Date(grid.start), to: new Date(gridEnd(grid)) })]);
  const byId = new Map(agents.map((a) => [a.id, a]));
  const shifts = siteId ? allShifts.filter((s) => s.siteId === siteId) : allShifts;
  const coverage = computeCoverage({ grid, shifts, agents: byId, catalog, required });
  const otherSites = siteId ? computeCoverage({ grid, shifts: allShifts.filter((s) => s.siteId !== siteId), agents: byId, catalog, required }) : null;
  return { coverage, otherSites, shifts, required, shiftCount: shifts.length };
}

/** The Monday of the first week with shifts from a week ago on, so the coverage and optimization pages open on the schedule. */
export async function defaultFrom(db: Db, today: string): Promise<string> {
  const first = await getFirstShiftStartFrom(db, new Date(Date.parse(addDays(today, -7))));
  return startOfIsoWeek(first ? first.toISOString().slice(0, 10) : today);
}
