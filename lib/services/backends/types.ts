import "server-only";
import type { Db } from "../../db/client";
import type { CoverageGrid, SkillCoverage } from "../../domain/coverage";
import type { RequiredSource } from "../../domain/coverage/site";
import type { GreedyInput } from "../../domain/optimize/greedy";
import type { SkillCatalog } from "../../domain/skills";
import type { Agent } from "../../domain/types";
import type { LaunchOptimization } from "../../schemas/optimization";
import type { ValidShiftRow } from "../../schemas/imports";
import type { CxonePushSummary } from "../../types/imports";

export type WfmBackendName = "local" | "cxone";

export interface CoverageReading {
  coverage: Map<string, SkillCoverage>;
  /** Shifts counted (0 when the numbers come from CXone, which reports no shifts). */
  shiftCount: number;
  /** With a site asked for: the other sites' coverage of the same (shared) demand; null where the backend cannot split by site. */
  otherSites?: Map<string, SkillCoverage> | null;
  /** With a site asked for: per skill, whether required is the site's own demand or the shared queue's. */
  requiredSource?: Map<string, RequiredSource> | null;
  /** Set when these are not fresh numbers: why, and from when (e.g. CXone slower than the page's budget). */
  notice?: string | null;
}

/** An optimization as both engines take it: the planner's request and the gaps found on our schedule. */
export interface OptimizationPlan extends GreedyInput {
  input: LaunchOptimization;
  /** UTC days [from, to] as instants [start, end). */
  range: { start: number; end: number };
}

/** Reading the solver while it runs, and stopping it (the local engine; CXone's ignores both). */
export interface OptimizationRunControl {
  onProgress?: (p: { incumbent: number | null; bound: number | null; seconds: number }) => void;
  signal?: AbortSignal;
}

/**
 * Where shifts, coverage and optimization live: our database and engines (`local`) or
 * the CXone tenant (`cxone`). Services ask `wfmBackend()` once per use case and never test
 * WFM_BACKEND themselves.
 */
export interface WfmBackend {
  readonly name: WfmBackendName;
  /** After a committed shift import: hand the rows on (null when the backend keeps nothing elsewhere). */
  pushImport(db: Db, importId: string, rows: readonly ValidShiftRow[]): Promise<CxonePushSummary | null>;
  /** After a publish: hand the now-published shifts on, replacing the drafts there (null when nothing is kept elsewhere). */
  pushPublished(db: Db, rows: readonly ValidShiftRow[]): Promise<CxonePushSummary | null>;
  /** Coverage per skill on a grid. */
  readCoverage(
    db: Db,
    grid: CoverageGrid,
    reference: { agents: readonly Agent[]; catalog: SkillCatalog; siteId?: string; /** Longest wait for a remote backend, ms (none: wait to the end). */ budgetMs?: number },
  ): Promise<CoverageReading>;
  /** Runs an optimization to its result (the job handler stores it). */
  runOptimization(db: Db, plan: OptimizationPlan, control?: OptimizationRunControl): Promise<Record<string, unknown>>;
}
