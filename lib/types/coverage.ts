/** The coverage view as the page and its client components receive it. */
import type { DailyCoverage, GapThresholds } from "../domain/gaps";
import type { Site } from "../domain/types";

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
