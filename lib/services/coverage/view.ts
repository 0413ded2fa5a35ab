import "server-only";
import type { Db } from "../../db/client";
import { getAgents, getSites, getSkills } from "../../db/queries/reference";
import { chartBucket, downsampleSeries, gridFor, type CoverageGrid, type SkillCoverage } from "../../domain/coverage";
import { dailyRollup, describeGapWindow, findGapWindows, intervalShortfall, type DailyCoverage } from "../../domain/gaps";
import { formatWindow } from "../../domain/coverage/labels";
import { SkillCatalog } from "../../domain/skills";
import { addDays, localDayRange } from "../../domain/time";
import { INTERVAL_MS } from "../../domain/types";
import { AppError } from "../../errors";
import type { CoverageQuery } from "../../schemas/coverage";
import type { CoverageCharts, CoveragePoint, CoverageView, GapRow, SkillSeries } from "../../types/coverage";
import { wfmBackend } from "../backends";
import { getGapThresholds } from "../settings/gap-thresholds";
import { cachedByRevision, estimateBytes } from "./cache";
import { defaultFrom } from "./schedule";

const DISPLAY_ZONE_WITHOUT_SITE = "UTC";

/** The longest the Coverage page waits for CXone (WFM_BACKEND=cxone) before it shows the last good answer, or says what it waited for. */
export const COVERAGE_PAGE_UPSTREAM_BUDGET_MS = 8_000;

export interface CoverageViewOptions {
  /**
   * Longest wait for a remote backend (CXone), ms: past it the last good answer is shown with
   * a note, or an UPSTREAM error says what was being waited for. None: wait to the end.
   */
  upstreamBudgetMs?: number;
}

/** What one computation of the coverage view yields: the charts' part, and what its gap table is found from. */
interface CoverageParts {
  charts: CoverageCharts;
  gapInputs: { skillId: string; name: string; required: Float64Array; scheduled: Float64Array }[];
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
  const parts = coverageParts(db, query, today, options);
  return { charts: parts.then((p) => p.charts), gaps: parts.then(gapsOf) };
}

function coverageParts(db: Db, query: CoverageQuery, today: string, options: CoverageViewOptions): Promise<CoverageParts> {
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
  return Math.round(estimateBytes(p.charts) * 1.25) + p.gapInputs.reduce((acc, g) => acc + g.required.byteLength + g.scheduled.byteLength, 0);
}

function gapsOf(p: CoverageParts): GapRow[] {
  if (p.gaps) return p.gaps;
  const { timeZone, thresholds } = p.charts;
  const gaps: GapRow[] = [];
  for (const { skillId, name, required, scheduled } of p.gapInputs) {
    for (const w of findGapWindows(skillId, p.grid, required, scheduled, timeZone, thresholds)) {
      gaps.push({ ...w, skillName: name, description: describeGapWindow(w, timeZone, skillId), window: formatWindow(w.start, w.end, timeZone) });
    }
  }
  gaps.sort((a, b) => b.deficitHours - a.deficitHours);
  p.gaps = gaps;
  return gaps;
}

async function computeParts(db: Db, query: CoverageQuery, today: string, options: CoverageViewOptions = {}): Promise<CoverageParts> {
  const [sites, skills] = await Promise.all([getSites(db), getSkills(db)]);
  const site = query.site ? sites.find((s) => s.id === query.site) : undefined;
  if (query.site && !site) throw new AppError("VALIDATION", `Unknown site "${query.site}".`);
  if (query.skill && !skills.some((s) => s.id === query.skill)) throw new AppError("VALIDATION", `Unknown skill "${query.skill}".`);
  const timeZone = site?.timeZone ?? DISPLAY_ZONE_WITHOUT_SITE;

  const from = query.from ?? (await defaultFrom(db, today));
  const to = query.to ?? addDays(from, 6);
  const range = { start: localDayRange(from, timeZone).start, end: localDayRange(to, timeZone).end };
  const grid: CoverageGrid = gridFor(range);

  const [agents, thresholds] = await Promise.all([getAgents(db), getGapThresholds(db)]);
  const catalog = new SkillCatalog(skills);
  const backend = wfmBackend();
  const { coverage, shiftCount, otherSites, requiredSource, notice } = await backend.readCoverage(db, grid, { agents, catalog, siteId: site?.id, budgetMs: options.upstreamBudgetMs });
  const others = site && otherSites ? otherSites : null;
  const sourceOf = (skillId: string) => (site && requiredSource ? (requiredSource.get(skillId) ?? "no demand") : null);

  // A site shows the skills its agents serve; otherwise every skill with demand or coverage.
  let skillIds = [...new Set([...coverage.keys(), ...(others?.keys() ?? [])])];
  if (site) {
    const served = new Set<string>();
    for (const a of agents) if (a.homeSiteId === site.id) for (const s of catalog.served(a.skills.map((x) => x.skillId))) served.add(s);
    skillIds = skillIds.filter((id) => served.has(id));
  }
  const skillOptions = skillIds.sort().map((id) => ({ id, name: catalog.get(id)?.name ?? id }));
  if (query.skill) skillIds = skillIds.filter((id) => id === query.skill);

  const bucket = chartBucket(grid.intervalCount, 700);
  const series: SkillSeries[] = [];
  const days: DailyCoverage[] = [];
  const gapInputs: CoverageParts["gapInputs"] = [];
  for (const skillId of skillIds.sort()) {
    const c = coverage.get(skillId) ?? emptyCoverage(others?.get(skillId)?.required, grid.intervalCount);
    const source = sourceOf(skillId);
    // Against the site's own demand the other sites do not serve it: they are left out.
    const other = source === "site demand" ? undefined : others?.get(skillId);
    const own = query.view === "gross" ? c.gross : c.net;
    // The shared queue is answered by every site: gaps are judged on all of them together.
    const scheduled = other ? addArrays(own, query.view === "gross" ? other.gross : other.net) : own;
    const daily = dailyRollup(skillId, grid, c.required, scheduled, timeZone, thresholds);
    days.push(...daily);
    const name = catalog.get(skillId)?.name ?? skillId;
    gapInputs.push({ skillId, name, required: c.required, scheduled });
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
    site: site ? { id: site.id, name: site.name } : null,
    requiredSource: others ? (series.some((s) => s.requiredSource === "shared demand") ? "shared" : "site") : null,
    sites: sites.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone })),
    skillOptions,
    view: query.view,
    bucketMinutes: bucket * 15,
    series,
    days: days.filter((d) => d.date >= from && d.date <= to),
    thresholds,
    shiftCount,
    source: backend.name,
    upstreamNotice: notice ?? null,
  };
  return { charts, gapInputs, grid };
}

function addArrays(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + (b[i] ?? 0);
  return out;
}

/** A skill the chosen site does not staff in the range: nothing of its own, the shared demand as required. */
function emptyCoverage(required: Float64Array | undefined, n: number): SkillCoverage {
  const zero = new Float64Array(n);
  return { skillId: "", required: required ?? zero, gross: zero, net: zero };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

