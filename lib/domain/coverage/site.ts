/**
 * The Coverage page's Site filter (README.md, "Site view"). Demand is per skill (a queue
 * shared by every site) or per skill and site. With a site chosen:
 * - scheduled counts that site's shifts only;
 * - required is the site's own demand where it has one for the skill, else the shared
 *   demand, and the series says which ("site demand" | "shared demand");
 * - against shared demand, the other sites' coverage is its own series, so the planner sees
 *   what the site adds to the queue and the queue's shortfall is judged on both together.
 *   Against the site's own demand the other sites do not count (they do not serve it).
 */

export type RequiredSource = "site demand" | "shared demand" | "no demand";

export interface SiteCoverageInput {
  skillIds: readonly string[];
  /** Coverage per skill from the chosen site's shifts only (net or gross, as viewed). */
  siteScheduled: ReadonlyMap<string, Float64Array>;
  /** The same from every other site's shifts. */
  otherScheduled: ReadonlyMap<string, Float64Array>;
  /** Demand rows for the chosen site, per skill, on the same grid. */
  siteDemand: ReadonlyMap<string, Float64Array>;
  /** Demand rows without a site (shared queues), per skill. */
  sharedDemand: ReadonlyMap<string, Float64Array>;
  intervalCount: number;
}

export interface SiteSkillSeries {
  skillId: string;
  requiredSource: RequiredSource;
  required: Float64Array;
  /** The chosen site's own coverage. */
  site: Float64Array;
  /** Other sites' coverage of a shared queue; null against the site's own demand. */
  otherSites: Float64Array | null;
  /** What gaps are judged on: site, plus other sites for a shared queue. */
  scheduled: Float64Array;
}

const hasDemand = (arr: Float64Array | undefined): arr is Float64Array => !!arr && arr.some((v) => v > 0);

function onGrid(arr: Float64Array | undefined, n: number): Float64Array {
  const out = new Float64Array(n);
  if (arr) out.set(arr.length > n ? arr.subarray(0, n) : arr);
  return out;
}

/**
 * The demand a site is judged on, per skill: its own rows where it has any, else the shared
 * queue's. chooseSiteRequired(own: {SALES}, shared: {SALES, BILLING}) → SALES from own
 * ("site demand"), BILLING from shared ("shared demand").
 */
export function chooseSiteRequired(
  siteDemand: ReadonlyMap<string, Float64Array>,
  sharedDemand: ReadonlyMap<string, Float64Array>,
): { required: Map<string, Float64Array>; source: Map<string, RequiredSource> } {
  const required = new Map<string, Float64Array>();
  const source = new Map<string, RequiredSource>();
  for (const skillId of new Set([...siteDemand.keys(), ...sharedDemand.keys()])) {
    const own = siteDemand.get(skillId);
    const shared = sharedDemand.get(skillId);
    if (hasDemand(own)) {
      required.set(skillId, own);
      source.set(skillId, "site demand");
    } else if (shared) {
      required.set(skillId, shared);
      source.set(skillId, hasDemand(shared) ? "shared demand" : "no demand");
    }
  }
  return { required, source };
}

/** Series per skill, in the order given. */
export function siteCoverageSeries(input: SiteCoverageInput): SiteSkillSeries[] {
  const n = input.intervalCount;
  return input.skillIds.map((skillId) => {
    const site = onGrid(input.siteScheduled.get(skillId), n);
    const own = input.siteDemand.get(skillId);
    if (hasDemand(own)) {
      return { skillId, requiredSource: "site demand", required: onGrid(own, n), site, otherSites: null, scheduled: site };
    }
    const shared = input.sharedDemand.get(skillId);
    const otherSites = onGrid(input.otherScheduled.get(skillId), n);
    const scheduled = new Float64Array(n);
    for (let i = 0; i < n; i++) scheduled[i] = site[i] + otherSites[i];
    return {
      skillId,
      requiredSource: hasDemand(shared) ? "shared demand" : "no demand",
      required: onGrid(shared, n),
      site,
      otherSites,
      scheduled,
    };
  });
}
