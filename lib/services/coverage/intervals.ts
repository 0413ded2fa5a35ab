import "server-only";
import type { Db } from "../../db/client";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { describeGapWindow, findGapWindows, intervalShortfall } from "../../domain/gaps";
import { INTERVAL_MS } from "../../domain/types";
import type { CoverageQuery } from "../../schemas/coverage";
import { loadCoverageWindow } from "./window";

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
  /** "shared": required is the queue every site answers (a site was chosen). */
  requiredSource: "shared" | "all";
  skills: { skillId: string; name: string; intervals: CoverageInterval[] }[];
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
 * Coverage page charts), from the same loading and engines: no downsampling.
 */
export async function getCoverageIntervals(db: Db, user: CurrentUser, query: CoverageQuery, today: string): Promise<CoverageIntervals> {
  assertCan(user, "coverage.read");
  const w = await loadCoverageWindow(db, query, today);
  return {
    from: w.from,
    to: w.to,
    timeZone: w.timeZone,
    site: w.site ? { id: w.site.id, name: w.site.name } : null,
    mode: query.view,
    intervalMinutes: 15,
    requiredSource: w.shared ? "shared" : "all",
    skills: w.skills.map(({ skillId, name, coverage, other, scheduled }) => {
      const own = query.view === "gross" ? coverage.gross : coverage.net;
      const others = other ? (query.view === "gross" ? other.gross : other.net) : null;
      const shortfall = intervalShortfall(coverage.required, scheduled);
      return {
        skillId,
        name,
        intervals: Array.from(coverage.required, (req, i) => ({
          start: iso(w.grid.start + i * INTERVAL_MS),
          required: r2(req),
          scheduled: r2(own[i]),
          ...(others ? { otherSites: r2(others[i]) } : {}),
          shortfall: r2(shortfall[i]),
        })),
      };
    }),
  };
}

/**
 * The gap windows of a date range (runs of understaffed intervals), largest deficit
 * first, as the Coverage page lists them.
 */
export async function getGaps(db: Db, user: CurrentUser, query: CoverageQuery, today: string): Promise<{ timeZone: string; gaps: GapItem[] }> {
  assertCan(user, "coverage.read");
  const w = await loadCoverageWindow(db, query, today);
  const gaps: GapItem[] = [];
  for (const { skillId, name, coverage, scheduled } of w.skills) {
    for (const g of findGapWindows(skillId, w.grid, coverage.required, scheduled, w.timeZone, w.thresholds)) {
      if (g.date < w.from || g.date > w.to) continue;
      gaps.push({ skillId, skillName: name, date: g.date, start: iso(g.start), end: iso(g.end), peakShortfall: r2(g.peakShortfall), deficitHours: r2(g.deficitHours), priority: g.priority, description: describeGapWindow(g, w.timeZone, skillId) });
    }
  }
  gaps.sort((a, b) => b.deficitHours - a.deficitHours || a.start.localeCompare(b.start) || a.skillId.localeCompare(b.skillId));
  return { timeZone: w.timeZone, gaps };
}
