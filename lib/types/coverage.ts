/** The coverage view as the page and its client components receive it. */
import type { DailyCoverage, GapThresholds } from "../domain/gaps";
import type { Site } from "../domain/types";

export interface CoveragePoint {
  t: number;
  required: number;
  gross: number;
  net: number;
  shortfall: number;
  /** With a site chosen: the other sites' contribution to the same shared demand. */
  otherNet?: number;
  otherGross?: number;
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
  /**
   * With a site chosen: "site demand" (the site's own rows; other sites left out), "shared
   * demand" (the queue every site answers; other sites drawn beside it) or "no demand";
   * null without a site or where the backend cannot split by site.
   */
  requiredSource: "site demand" | "shared demand" | "no demand" | null;
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
  /** The window as the table shows it ("Tue 1 Dec 17:00–20:30 EST"), found once with the rows (cached) rather than per page view. */
  window?: string;
}

/**
 * A gap row as the Coverage page sends it to the browser: the fields the table sorts, shows and
 * opens, numbers to 0.01, and the window's text (all fields of all rows, drawn as one table, were
 * ~75 % of the page's bytes and most of its server time).
 */
export type GapTableRow = Pick<GapRow, "skillId" | "date" | "start" | "end" | "peakShortfall" | "deficitHours" | "priority"> & {
  /** Worded once with the cached rows: formatting a window in a zone costs ~0.1 ms, per row per view. */
  window: string;
};

/** The coverage view without its gap table: what the charts, the heatmap and the filters draw. */
export type CoverageCharts = Omit<CoverageView, "gaps">;

export interface CoverageView {
  from: string;
  to: string;
  timeZone: string;
  site: Pick<Site, "id" | "name"> | null;
  /**
   * With a site: "shared" when some of its skills' demand is the queue all sites answer
   * (required is that shared demand, gaps judge every site's shifts against it, and the
   * site's own shifts are drawn apart from the other sites'), "site" when every skill has
   * the site's own demand; null without a site or where the backend reports no split by
   * site. Each series says which applies to it (SkillSeries.requiredSource).
   */
  requiredSource: "shared" | "site" | null;
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
  /** Set when the numbers are not fresh (CXone slower than the page's time budget): what is awaited, and from when these are. */
  upstreamNotice?: string | null;
}
