import "server-only";
import type { Db } from "../../db/client";
import { getRequiredOnGrid } from "../../db/queries/demand";
import { getFirstShiftStartFrom, getShiftsOverlapping } from "../../db/queries/shifts";
import { computeCoverage, gridEnd, type CoverageGrid } from "../../domain/coverage";
import type { SkillCatalog } from "../../domain/skills";
import { addDays, startOfIsoWeek } from "../../domain/time";
import type { Agent } from "../../domain/types";

/** Our schedule against our demand on a grid: the coverage page (local backend) and the optimizer read it alike. */
export async function scheduleCoverage(db: Db, grid: CoverageGrid, agents: readonly Agent[], catalog: SkillCatalog) {
  const [required, shifts] = await Promise.all([getRequiredOnGrid(db, grid), getShiftsOverlapping(db, { from: new Date(grid.start), to: new Date(gridEnd(grid)) })]);
  const coverage = computeCoverage({ grid, shifts, agents: new Map(agents.map((a) => [a.id, a])), catalog, required });
  return { coverage, shifts, required, shiftCount: shifts.length };
}

/** The Monday of the first week with shifts from a week ago on, so the coverage and optimization pages open on the schedule. */
export async function defaultFrom(db: Db, today: string): Promise<string> {
  const first = await getFirstShiftStartFrom(db, new Date(Date.parse(addDays(today, -7))));
  return startOfIsoWeek(first ? first.toISOString().slice(0, 10) : today);
}
