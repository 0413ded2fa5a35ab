import "server-only";
import type { Db } from "../../db/client";
import { getDemandOnGrid } from "../../db/queries/demand";
import { getFirstShiftStartFrom, getShiftsOverlapping } from "../../db/queries/shifts";
import { computeCoverage, gridEnd, type CoverageGrid } from "../../domain/coverage";
import { chooseSiteRequired, type RequiredSource } from "../../domain/coverage/site";
import type { SkillCatalog } from "../../domain/skills";
import { addDays, startOfIsoWeek } from "../../domain/time";
import type { Agent } from "../../domain/types";

/**
 * Our schedule against our demand on a grid: the coverage page (local backend) and the
 * optimizer read it alike. Without a site, required is every demand row added up (shared
 * queues and each site's own) against every shift. With a site (DOMAIN.md, "Site view"),
 * `coverage` counts that site's shifts against the site's own demand where it has one, else
 * the shared queue's (`requiredSource` says which), and `otherSites` counts the rest of the
 * center against the shared queue, each split net on its own.
 */
export async function scheduleCoverage(db: Db, grid: CoverageGrid, agents: readonly Agent[], catalog: SkillCatalog, siteId?: string) {
  const [demand, allShifts] = await Promise.all([getDemandOnGrid(db, grid), getShiftsOverlapping(db, { from: new Date(grid.start), to: new Date(gridEnd(grid)) })]);
  const byId = new Map(agents.map((a) => [a.id, a]));
  if (!siteId) {
    const coverage = computeCoverage({ grid, shifts: allShifts, agents: byId, catalog, required: demand.total });
    return { coverage, otherSites: null, requiredSource: null, shifts: allShifts, required: demand.total, shiftCount: allShifts.length };
  }
  const shifts = allShifts.filter((s) => s.siteId === siteId);
  const { required, source } = chooseSiteRequired(demand.bySite.get(siteId) ?? new Map(), demand.shared);
  const coverage = computeCoverage({ grid, shifts, agents: byId, catalog, required });
  const otherSites = computeCoverage({ grid, shifts: allShifts.filter((s) => s.siteId !== siteId), agents: byId, catalog, required: demand.shared });
  const requiredSource: Map<string, RequiredSource> = source;
  return { coverage, otherSites, requiredSource, shifts, required, shiftCount: shifts.length };
}

/** The Monday of the first week with shifts from a week ago on, so the coverage and optimization pages open on the schedule. */
export async function defaultFrom(db: Db, today: string): Promise<string> {
  const first = await getFirstShiftStartFrom(db, new Date(Date.parse(addDays(today, -7))));
  return startOfIsoWeek(first ? first.toISOString().slice(0, 10) : today);
}
