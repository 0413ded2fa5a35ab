import "server-only";
import type { Db } from "../../db/client";
import { getAgents, getSites, getSkills } from "../../db/queries/reference";
import { gridFor, type CoverageGrid, type SkillCoverage } from "../../domain/coverage";
import type { GapThresholds } from "../../domain/gaps";
import { SkillCatalog } from "../../domain/skills";
import { addDays, localDayRange } from "../../domain/time";
import type { Site } from "../../domain/types";
import { AppError } from "../../errors";
import type { CoverageQuery } from "../../schemas/coverage";
import type { SkillSeries } from "../../types/coverage";
import { wfmBackend } from "../backends";
import { getGapThresholds } from "../settings/gap-thresholds";
import { defaultFrom } from "./schedule";

const DISPLAY_ZONE_WITHOUT_SITE = "UTC";

/** Per skill, the full-resolution arrays coverage and gaps are judged on. */
export interface SkillWindow {
  skillId: string;
  name: string;
  coverage: SkillCoverage;
  /**
   * The other sites' coverage of the same shared demand (a site chosen, demand shared);
   * null without a site and against the site's own demand (the other sites do not serve it).
   */
  other: SkillCoverage | null;
  /** The site's (or everyone's) own coverage in the asked view (net or gross). */
  own: Float64Array;
  /** What gaps are judged on: `own` plus the other sites' on a shared queue. */
  scheduled: Float64Array;
  requiredSource: SkillSeries["requiredSource"];
}

export interface CoverageWindow {
  from: string;
  to: string;
  timeZone: string;
  site: Site | null;
  sites: Site[];
  grid: CoverageGrid;
  skills: SkillWindow[];
  skillOptions: { id: string; name: string }[];
  /** A site chosen and the backend splits coverage by site (other sites' shifts known apart). */
  split: boolean;
  thresholds: GapThresholds;
  shiftCount: number;
  source: "local" | "cxone";
  /** Set when a remote backend answered from its last good reading (slower than the budget). */
  notice: string | null;
}

/**
 * Coverage against demand for a date range, per skill and 15-minute interval, loaded once for
 * the Coverage page and the API (view.ts caches what is computed from it): days and clock
 * times of the chosen site (UTC without one); with a site, the site's own shifts as its
 * scheduled coverage and, against a shared queue, the other sites' as their contribution.
 */
export async function loadCoverageWindow(db: Db, query: CoverageQuery, today: string, options: { upstreamBudgetMs?: number } = {}): Promise<CoverageWindow> {
  const [sites, skills] = await Promise.all([getSites(db), getSkills(db)]);
  const site = query.site ? sites.find((s) => s.id === query.site) : undefined;
  if (query.site && !site) throw new AppError("VALIDATION", `Unknown site "${query.site}".`, { field: "site" });
  if (query.skill && !skills.some((s) => s.id === query.skill)) throw new AppError("VALIDATION", `Unknown skill "${query.skill}".`, { field: "skill" });
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
  const sourceOf = (skillId: string): SkillSeries["requiredSource"] => (site && requiredSource ? (requiredSource.get(skillId) ?? "no demand") : null);

  // A site shows the skills its agents serve; otherwise every skill with demand or coverage.
  let skillIds = [...new Set([...coverage.keys(), ...(others?.keys() ?? [])])];
  if (site) {
    const served = new Set<string>();
    for (const a of agents) if (a.homeSiteId === site.id) for (const s of catalog.served(a.skills.map((x) => x.skillId))) served.add(s);
    skillIds = skillIds.filter((id) => served.has(id));
  }
  const skillOptions = skillIds.sort().map((id) => ({ id, name: catalog.get(id)?.name ?? id }));
  if (query.skill) skillIds = skillIds.filter((id) => id === query.skill);

  const windows: SkillWindow[] = skillIds.sort().map((skillId) => {
    const c = coverage.get(skillId) ?? emptyCoverage(others?.get(skillId)?.required, grid.intervalCount);
    const source = sourceOf(skillId);
    // Against the site's own demand the other sites do not serve it: they are left out.
    const other = source === "site demand" ? null : (others?.get(skillId) ?? null);
    const own = query.view === "gross" ? c.gross : c.net;
    // The shared queue is answered by every site: gaps are judged on all of them together.
    const scheduled = other ? addArrays(own, query.view === "gross" ? other.gross : other.net) : own;
    return { skillId, name: catalog.get(skillId)?.name ?? skillId, coverage: c, other, own, scheduled, requiredSource: source };
  });

  return { from, to, timeZone, site: site ?? null, sites, grid, skills: windows, skillOptions, split: !!others, thresholds, shiftCount, source: backend.name, notice: notice ?? null };
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
