import "server-only";
import type { Db } from "../../db/client";
import { getRequiredOnGrid } from "../../db/queries/demand";
import { computeCoverage, gridFor } from "../../domain/coverage";
import { localDayRange } from "../../domain/time";
import { INTERVAL_MS } from "../../domain/types";
import { AppError } from "../../errors";
import { awardShiftsFor } from "./publish-awards";
import { periodSchema } from "./save-lines";

export interface AwardCoverageRow {
  skillId: string;
  requiredHours: number;
  awardedHours: number;
  /** Intervals where the awards alone fall short of demand. */
  shortIntervals: number;
  shortfallHours: number;
}

/**
 * The awards' coverage against demand per skill, on the coverage engine (net coverage on
 * the 15-minute grid), before publishing: what the awarded lines would staff on their own.
 */
export async function awardCoverage(db: Db, rawPeriod: unknown): Promise<AwardCoverageRow[]> {
  const parsed = periodSchema.safeParse(rawPeriod);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((i) => i.message).join(" "));
  const { shifts, ref } = await awardShiftsFor(db, parsed.data);
  const grid = gridFor({ start: localDayRange(parsed.data.start, "UTC").start, end: localDayRange(parsed.data.end, "UTC").end });
  const skillIds = [...new Set(shifts.flatMap((s) => s.skills.map((k) => k.skillId)))];
  const required = await getRequiredOnGrid(db, grid, { skillIds });
  const coverage = computeCoverage({ grid, shifts, agents: new Map(ref.agents.map((a) => [a.id, a])), catalog: ref.catalog, required });
  const h = INTERVAL_MS / 3_600_000;
  return skillIds.sort().map((skillId) => {
    const c = coverage.get(skillId);
    let req = 0, got = 0, short = 0, shortH = 0;
    if (c) {
      for (let i = 0; i < c.required.length; i++) {
        req += c.required[i] * h;
        got += c.net[i] * h;
        const gap = c.required[i] - c.net[i];
        if (gap > 0.001) {
          short++;
          shortH += gap * h;
        }
      }
    }
    const r2 = (x: number) => Math.round(x * 10) / 10;
    return { skillId, requiredHours: r2(req), awardedHours: r2(got), shortIntervals: short, shortfallHours: r2(shortH) };
  });
}
