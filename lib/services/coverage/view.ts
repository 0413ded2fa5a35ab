import "server-only";
import type { Db } from "../../db/client";
import { chartBucket, downsampleSeries, type CoverageGrid } from "../../domain/coverage";
import { dailyRollup, describeGapWindow, findGapWindows, intervalShortfall, type DailyCoverage } from "../../domain/gaps";
import { formatWindow } from "../../domain/coverage/labels";
import { INTERVAL_MS } from "../../domain/types";
import type { CoverageQuery } from "../../schemas/coverage";
import type { CoverageCharts, CoveragePoint, CoverageView, GapRow, SkillSeries } from "../../types/coverage";
import { wfmBackend } from "../backends";
import { cachedByRevision, estimateBytes } from "./cache";
import { loadCoverageWindow } from "./window";

/** The longest the Coverage page waits for CXone (WFM_BACKEND=cxone) before it shows the last good answer, or says what it waited for. */
export const COVERAGE_PAGE_UPSTREAM_BUDGET_MS = 8_000;

export interface CoverageViewOptions {
  /**
   * Longest wait for a remote backend (CXone), ms: past it the last good answer is shown with
   * a note, or an UPSTREAM error says what was being waited for. None: wait to the end.
   */
  upstreamBudgetMs?: number;
}

/** Per skill, the full-resolution arrays the gap table and the API's interval answer are read from. */
export interface SkillIntervals {
  skillId: string;
  name: string;
  required: Float64Array;
  /** Own coverage in the asked view (the site's, with a site chosen). */
  own: Float64Array;
  /** The other sites' share of a shared queue in the asked view; null where they do not count. */
  other: Float64Array | null;
  /** What gaps are judged on: own plus other. */
  scheduled: Float64Array;
}

/** What one computation of the coverage view yields: the charts' part, and the interval arrays its gap table (and the API) are found from. */
export interface CoverageParts {
  charts: CoverageCharts;
  skills: SkillIntervals[];
  grid: CoverageGrid;
  /** Found on first ask and kept with the parts (they are cached together). */
  gaps?: GapRow[];
}

/**
 * Coverage against demand for a date range: per skill the interval series (net and gross),
 * the daily roll-ups and the gap windows. Days and clock times are those of the chosen
 * site (UTC without one). Demand is per skill (a queue shared by every site) or per skill
 * and site (DOMAIN.md, "Site view"). With a site chosen, its own shifts are its scheduled
 * line; against the site's own demand that is all that counts; against a shared queue the
 * other sites' shifts are drawn as their contribution and gaps judge both together.
 */
export async function getCoverageView(db: Db, query: CoverageQuery, today: string, options: CoverageViewOptions = {}): Promise<CoverageView> {
  const { charts, gaps } = loadCoverage(db, query, today, options);
  const [c, g] = await Promise.all([charts, gaps]);
  return { ...c, gaps: g };
}

/**
 * The coverage view in two parts that resolve apart, so the page can draw the charts
 * before the gap table is found. One computation serves both; with our own schedule
 * (the local backend) it is cached per schedule revision (`cache.ts`).
 */
export function loadCoverage(
  db: Db,
  query: CoverageQuery,
  today: string,
  options: CoverageViewOptions = {},
): { charts: Promise<CoverageCharts>; gaps: Promise<GapRow[]> } {
  const parts = loadCoverageParts(db, query, today, options);
  return { charts: parts.then((p) => p.charts), gaps: parts.then(gapsOf) };
}

/**
 * The one computation behind the page and the API's coverage and gaps (GET /api/v1/coverage,
 * /gaps): cached per schedule revision with the local backend. Shared between requests:
 * callers must not mutate it.
 */
export function loadCoverageParts(db: Db, query: CoverageQuery, today: string, options: CoverageViewOptions = {}): Promise<CoverageParts> {
  const backend = wfmBackend();
  // CXone's coverage changes outside our database: no revision tells when, so it is read every
  // time (the CXone backend keeps its own last good answer for when it is slow).
  if (backend.name !== "local") return computeParts(db, query, today, options);
  // Without a start date the range opens on the schedule's first week from `today` on; a
  // schedule change bumps the revision, so (today, no start) is a sound key for it.
  const key = JSON.stringify([query.from ?? `default:${today}`, query.to ?? null, query.site ?? null, query.skill ?? null, query.view]);
  return cachedByRevision(db, key, () => computeParts(db, query, today), sizeOfParts);
}

function sizeOfParts(p: CoverageParts): number {
  // The gap rows found later are counted ahead as a share of the series they come from.
  return Math.round(estimateBytes(p.charts) * 1.25) + p.skills.reduce((acc, g) => acc + g.required.byteLength + g.own.byteLength + (g.other?.byteLength ?? 0) + (g.scheduled === g.own ? 0 : g.scheduled.byteLength), 0);
}

/** The gap windows of the parts, largest deficit first: found once, then kept with them. */
export function gapsOf(p: CoverageParts): GapRow[] {
  if (p.gaps) return p.gaps;
  const { timeZone, thresholds } = p.charts;
  const gaps: GapRow[] = [];
  for (const { skillId, name, required, scheduled } of p.skills) {
    for (const w of findGapWindows(skillId, p.grid, required, scheduled, timeZone, thresholds)) {
      gaps.push({ ...w, skillName: name, description: describeGapWindow(w, timeZone, skillId), window: formatWindow(w.start, w.end, timeZone) });
    }
  }
  gaps.sort((a, b) => b.deficitHours - a.deficitHours);
  p.gaps = gaps;
  return gaps;
}

async function computeParts(db: Db, query: CoverageQuery, today: string, options: CoverageViewOptions = {}): Promise<CoverageParts> {
  const w = await loadCoverageWindow(db, query, today, options);
  const { grid, timeZone, thresholds, from, to } = w;
  const bucket = chartBucket(grid.intervalCount, 700);
  const series: SkillSeries[] = [];
  const days: DailyCoverage[] = [];
  const skills: SkillIntervals[] = [];
  for (const { skillId, name, coverage: c, other, own, scheduled, requiredSource: source } of w.skills) {
    const daily = dailyRollup(skillId, grid, c.required, scheduled, timeZone, thresholds);
    days.push(...daily);
    skills.push({ skillId, name, required: c.required, own, other: other ? (query.view === "gross" ? other.gross : other.net) : null, scheduled });
    const shortfall = intervalShortfall(c.required, scheduled);
    const req = downsampleSeries(c.required, bucket, "mean");
    const gross = downsampleSeries(c.gross, bucket, "mean");
    const net = downsampleSeries(c.net, bucket, "mean");
    const short = downsampleSeries(shortfall, bucket, "mean");
    const otherGross = other ? downsampleSeries(other.gross, bucket, "mean") : null;
    const otherNet = other ? downsampleSeries(other.net, bucket, "mean") : null;
    const points: CoveragePoint[] = Array.from(req, (_, i) => ({
      t: grid.start + i * bucket * INTERVAL_MS,
      required: round2(req[i]),
      gross: round2(gross[i]),
      net: round2(net[i]),
      shortfall: round2(short[i]),
      ...(otherNet && otherGross ? { otherNet: round2(otherNet[i]), otherGross: round2(otherGross[i]) } : {}),
    }));
    const sum = (k: "requiredHours" | "availableHours" | "coveredHours" | "deficitHours") => daily.reduce((acc, d) => acc + d[k], 0);
    const requiredHours = sum("requiredHours");
    series.push({
      skillId,
      name,
      points,
      requiredHours,
      // With a site: the hours its own shifts give (the ratio still counts every site on the shared queue).
      availableHours: other ? own.reduce((acc, v) => acc + v, 0) * (INTERVAL_MS / 3_600_000) : sum("availableHours"),
      coveredHours: sum("coveredHours"),
      deficitHours: sum("deficitHours"),
      coverageRatio: requiredHours > 0 ? sum("coveredHours") / requiredHours : null,
      requiredSource: source,
    });
  }

  const charts: CoverageCharts = {
    from,
    to,
    timeZone,
    site: w.site ? { id: w.site.id, name: w.site.name } : null,
    requiredSource: w.split ? (series.some((s) => s.requiredSource === "shared demand") ? "shared" : "site") : null,
    sites: w.sites.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone })),
    skillOptions: w.skillOptions,
    view: query.view,
    bucketMinutes: bucket * 15,
    series,
    days: days.filter((d) => d.date >= from && d.date <= to),
    thresholds,
    shiftCount: w.shiftCount,
    source: w.source,
    upstreamNotice: w.notice,
  };
  return { charts, skills, grid };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

