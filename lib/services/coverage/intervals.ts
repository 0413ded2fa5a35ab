import "server-only";
import type { Db } from "../../db/client";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { intervalShortfall } from "../../domain/gaps";
import { INTERVAL_MS } from "../../domain/types";
import type { CoverageQuery } from "../../schemas/coverage";
import type { SkillSeries } from "../../types/coverage";
import { gapsOf, loadCoverageParts, type CoverageParts } from "./view";

export interface CoverageInterval {
  start: string;
  required: number;
  /** Net or gross, as asked: the site's own shifts with a site chosen. */
  scheduled: number;
  /** With a site chosen on a shared queue: the other sites' share of the same demand. */
  otherSites?: number;
  shortfall: number;
}

export interface CoverageIntervals {
  from: string;
  to: string;
  timeZone: string;
  site: { id: string; name: string } | null;
  mode: "net" | "gross";
  intervalMinutes: 15;
  /**
   * "all": no site chosen (or the backend does not split by site); with a site, "shared" when
   * some skill's required is the queue every site answers, "site" when every skill has the
   * site's own demand. Each skill says which applies to it.
   */
  requiredSource: "shared" | "site" | "all";
  skills: { skillId: string; name: string; requiredSource: SkillSeries["requiredSource"]; intervals: CoverageInterval[] }[];
}

export interface GapItem {
  skillId: string;
  skillName: string;
  date: string;
  start: string;
  end: string;
  peakShortfall: number;
  deficitHours: number;
  priority: "HIGH" | "MEDIUM";
  description: string;
}

const r2 = (v: number) => Math.round(v * 100) / 100;
const iso = (t: number) => new Date(t).toISOString();

/**
 * Coverage per skill and 15-minute interval for a date range (the API's view of what the
 * Coverage page charts): the page's own computation, cached per schedule revision
 * (view.ts), read at full resolution: no downsampling.
 */
export async function getCoverageIntervals(db: Db, user: CurrentUser, query: CoverageQuery, today: string): Promise<CoverageIntervals> {
  assertCan(user, "coverage.read");
  const p = await loadCoverageParts(db, query, today);
  // The parts are one cached object per schedule revision and query (the mode is in the key):
  // the answer built from them is built once too (4,032 intervals with their ISO times a week).
  let answer = answerOf.get(p);
  if (!answer) answerOf.set(p, (answer = intervalsOf(p, query)));
  return answer;
}

const answerOf = new WeakMap<CoverageParts, CoverageIntervals>();

function intervalsOf(p: CoverageParts, query: CoverageQuery): CoverageIntervals {
  const { charts, grid } = p;
  const sourceOf = new Map(charts.series.map((s) => [s.skillId, s.requiredSource]));
  return {
    from: charts.from,
    to: charts.to,
    timeZone: charts.timeZone,
    site: charts.site,
    mode: query.view,
    intervalMinutes: 15,
    requiredSource: charts.requiredSource ?? "all",
    skills: p.skills.map(({ skillId, name, required, own, other, scheduled }) => {
      const shortfall = intervalShortfall(required, scheduled);
      return {
        skillId,
        name,
        requiredSource: sourceOf.get(skillId) ?? null,
        intervals: Array.from(required, (req, i) => ({
          start: iso(grid.start + i * INTERVAL_MS),
          required: r2(req),
          scheduled: r2(own[i]),
          ...(other ? { otherSites: r2(other[i]) } : {}),
          shortfall: r2(shortfall[i]),
        })),
      };
    }),
  };
}

/**
 * The gap windows of a date range (runs of understaffed intervals), largest deficit
 * first, as the Coverage page lists them (the same cached rows); ties in a fixed order,
 * so pages of the list do not shift between requests.
 */
export async function getGaps(db: Db, user: CurrentUser, query: CoverageQuery, today: string): Promise<{ timeZone: string; gaps: GapItem[] }> {
  assertCan(user, "coverage.read");
  const p = await loadCoverageParts(db, query, today);
  const { from, to, timeZone } = p.charts;
  const gaps: GapItem[] = gapsOf(p)
    .filter((g) => g.date >= from && g.date <= to)
    .map((g) => ({ skillId: g.skillId, skillName: g.skillName, date: g.date, start: iso(g.start), end: iso(g.end), peakShortfall: r2(g.peakShortfall), deficitHours: r2(g.deficitHours), priority: g.priority, description: g.description }));
  gaps.sort((a, b) => b.deficitHours - a.deficitHours || a.start.localeCompare(b.start) || a.skillId.localeCompare(b.skillId));
  return { timeZone, gaps };
}
