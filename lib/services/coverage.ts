import "server-only";
import { asc, gte } from "drizzle-orm";
import type { Db } from "../db/client";
import { shifts as shiftsTable } from "../db/schema";
import { getAgents, getRequiredOnGrid, getShiftsOverlapping, getSites, getSkills } from "../db/queries/reference";
import { getSetting } from "../db/queries/settings";
import { chartBucket, computeCoverage, downsampleSeries, gridEnd, gridFor, type CoverageGrid, type SkillCoverage } from "../domain/coverage";
import { dailyRollup, describeGapWindow, findGapWindows, intervalShortfall, type DailyCoverage, type GapThresholds } from "../domain/gaps";
import { SkillCatalog } from "../domain/skills";
import { addDays, localDayRange, startOfIsoWeek } from "../domain/time";
import { INTERVAL_MS, type Agent, type Site } from "../domain/types";
import { env } from "../env";
import { requireCxoneClient } from "./cxone";
import { AppError } from "../errors";
import { DEFAULT_GAP_THRESHOLDS_SETTING, gapThresholdsSchema } from "../schemas/settings";
import type { CoverageQuery } from "../schemas/coverage";

export interface CoveragePoint {
  t: number;
  required: number;
  gross: number;
  net: number;
  shortfall: number;
}

export interface SkillSeries {
  skillId: string;
  name: string;
  points: CoveragePoint[];
  requiredHours: number;
  availableHours: number;
  coveredHours: number;
  deficitHours: number;
  coverageRatio: number | null;
}

export interface GapRow {
  skillId: string;
  skillName: string;
  date: string;
  start: number;
  end: number;
  peakShortfall: number;
  deficitHours: number;
  priority: "HIGH" | "MEDIUM";
  description: string;
}

export interface CoverageView {
  from: string;
  to: string;
  timeZone: string;
  site: Pick<Site, "id" | "name"> | null;
  sites: Pick<Site, "id" | "name" | "timeZone">[];
  skillOptions: { id: string; name: string }[];
  view: "net" | "gross";
  bucketMinutes: number;
  series: SkillSeries[];
  days: DailyCoverage[];
  gaps: GapRow[];
  thresholds: GapThresholds;
  shiftCount: number;
  /** Where the numbers came from: our schedule and engines, or CXone. */
  source: "local" | "cxone";
}

const DISPLAY_ZONE_WITHOUT_SITE = "UTC";

/** The Monday of the first week with shifts from a week ago on, so the page opens on the schedule. */
export async function defaultFrom(db: Db, today: string): Promise<string> {
  const [first] = await db
    .select({ startsAt: shiftsTable.startsAt })
    .from(shiftsTable)
    .where(gte(shiftsTable.startsAt, new Date(Date.parse(addDays(today, -7)))))
    .orderBy(asc(shiftsTable.startsAt))
    .limit(1);
  return startOfIsoWeek(first ? first.startsAt.toISOString().slice(0, 10) : today);
}

/**
 * Coverage against demand for a date range: per skill the interval series (net and gross),
 * the daily roll-ups and the gap windows. Days and clock times are those of the chosen
 * site (UTC without one). Demand is per skill across sites — the queues are shared — so
 * every site's shifts count; choosing a site shows its zone and the skills it staffs.
 */
export async function getCoverageView(db: Db, query: CoverageQuery, today: string): Promise<CoverageView> {
  const [sites, skills] = await Promise.all([getSites(db), getSkills(db)]);
  const site = query.site ? sites.find((s) => s.id === query.site) : undefined;
  if (query.site && !site) throw new AppError("VALIDATION", `Unknown site "${query.site}".`);
  if (query.skill && !skills.some((s) => s.id === query.skill)) throw new AppError("VALIDATION", `Unknown skill "${query.skill}".`);
  const timeZone = site?.timeZone ?? DISPLAY_ZONE_WITHOUT_SITE;

  const from = query.from ?? (await defaultFrom(db, today));
  const to = query.to ?? addDays(from, 6);
  const range = { start: localDayRange(from, timeZone).start, end: localDayRange(to, timeZone).end };
  const grid: CoverageGrid = gridFor(range);

  const [agents, thresholds] = await Promise.all([getAgents(db), getSetting(db, "gapThresholds", gapThresholdsSchema, DEFAULT_GAP_THRESHOLDS_SETTING)]);
  const catalog = new SkillCatalog(skills);
  const { coverage, shiftCount } = env().WFM_BACKEND === "cxone" ? await coverageFromCxone(db, grid) : await scheduleCoverage(db, grid, agents, catalog);

  // A site shows the skills its agents serve; otherwise every skill with demand or coverage.
  let skillIds = [...coverage.keys()];
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
  const gaps: GapRow[] = [];
  for (const skillId of skillIds.sort()) {
    const c = coverage.get(skillId)!;
    const scheduled = query.view === "gross" ? c.gross : c.net;
    const daily = dailyRollup(skillId, grid, c.required, scheduled, timeZone, thresholds);
    days.push(...daily);
    const name = catalog.get(skillId)?.name ?? skillId;
    for (const w of findGapWindows(skillId, grid, c.required, scheduled, timeZone, thresholds)) {
      gaps.push({ ...w, skillName: name, description: describeGapWindow(w, timeZone, skillId) });
    }
    const shortfall = intervalShortfall(c.required, scheduled);
    const req = downsampleSeries(c.required, bucket, "mean");
    const gross = downsampleSeries(c.gross, bucket, "mean");
    const net = downsampleSeries(c.net, bucket, "mean");
    const short = downsampleSeries(shortfall, bucket, "mean");
    const points: CoveragePoint[] = Array.from(req, (_, i) => ({
      t: grid.start + i * bucket * INTERVAL_MS,
      required: round2(req[i]),
      gross: round2(gross[i]),
      net: round2(net[i]),
      shortfall: round2(short[i]),
    }));
    const sum = (k: "requiredHours" | "availableHours" | "coveredHours" | "deficitHours") => daily.reduce((acc, d) => acc + d[k], 0);
    const requiredHours = sum("requiredHours");
    series.push({
      skillId,
      name,
      points,
      requiredHours,
      availableHours: sum("availableHours"),
      coveredHours: sum("coveredHours"),
      deficitHours: sum("deficitHours"),
      coverageRatio: requiredHours > 0 ? sum("coveredHours") / requiredHours : null,
    });
  }
  gaps.sort((a, b) => b.deficitHours - a.deficitHours);

  return {
    from,
    to,
    timeZone,
    site: site ? { id: site.id, name: site.name } : null,
    sites: sites.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone })),
    skillOptions,
    view: query.view,
    bucketMinutes: bucket * 15,
    series,
    days: days.filter((d) => d.date >= from && d.date <= to),
    gaps,
    thresholds,
    shiftCount,
    source: env().WFM_BACKEND,
  };
}

/** Our schedule against our demand on a grid: the coverage page and the optimizer read it alike. */
export async function scheduleCoverage(db: Db, grid: CoverageGrid, agents: readonly Agent[], catalog: SkillCatalog) {
  const [required, shifts] = await Promise.all([
    getRequiredOnGrid(db, grid),
    getShiftsOverlapping(db, { from: new Date(grid.start), to: new Date(gridEnd(grid)) }),
  ]);
  const coverage = computeCoverage({ grid, shifts, agents: new Map(agents.map((a) => [a.id, a])), catalog, required });
  return { coverage, shifts, required, shiftCount: shifts.length };
}

/**
 * The cxone backend: CXone's per-interval coverage (groupBy=timeBlock) across all pages,
 * turned back into agents per interval; the gap engine is the same. CXone reports one
 * scheduled figure, so net and gross are the same here.
 */
async function coverageFromCxone(db: Db, grid: CoverageGrid) {
  const client = await requireCxoneClient(db);
  const end = grid.start + grid.intervalCount * INTERVAL_MS;
  let items;
  try {
    ({ items } = await client.getAllCoverage({ dateFrom: new Date(grid.start).toISOString(), dateTo: new Date(end - 1000).toISOString(), groupBy: "timeBlock", pageSize: 1000 }));
  } catch (e) {
    throw new AppError("UPSTREAM", `CXone coverage could not be read: ${(e as Error).message}`);
  }
  const coverage = new Map<string, SkillCoverage>();
  for (const item of items) {
    const i = Math.floor((Date.parse(item.dateRange.start) - grid.start) / INTERVAL_MS);
    if (i < 0 || i >= grid.intervalCount) continue;
    let c = coverage.get(item.skillId);
    if (!c) {
      const scheduled = new Float64Array(grid.intervalCount);
      c = { skillId: item.skillId, required: new Float64Array(grid.intervalCount), gross: scheduled, net: scheduled };
      coverage.set(item.skillId, c);
    }
    c.required[i] = item.requiredHours * 4;
    c.gross[i] = item.availableHours * 4;
  }
  return { coverage, shiftCount: 0 };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

