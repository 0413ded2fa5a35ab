import "server-only";
import { setImportCxoneResult } from "../../db/queries/imports";
import { toCxoneShift } from "../../csv";
import { CxoneError } from "../../cxone";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import type { CxonePushSummary } from "../../types/imports";
import { requireCxoneClient } from "./cxone-client";
import { readCxoneCoverage } from "./cxone-coverage";
import type { WfmBackend } from "./types";

/** Shifts to CXone's import endpoint in batches; a failure is a summary, never a throw. */
async function pushShifts(db: Parameters<WfmBackend["pushImport"]>[0], rows: Parameters<WfmBackend["pushImport"]>[2], overwriteConflicts: boolean, logContext: Record<string, unknown>): Promise<CxonePushSummary> {
  try {
    const client = await requireCxoneClient(db);
    const result = await client.importShifts(rows.map(toCxoneShift), { rowNumbers: rows.map((r) => r.row), overwriteConflicts });
    return {
      status: result.status,
      processedCount: result.processedCount,
      failedCount: result.failedCount,
      batches: result.batches.map((b) => ({ batch: b.batch, status: b.status, processedCount: b.processedCount, failedCount: b.failedCount, jobId: b.jobId })),
      errors: result.errors.slice(0, 200).map((e) => ({ row: e.row, field: e.field, code: e.code, message: e.message })),
    };
  } catch (e) {
    logger.warn({ err: e, ...logContext }, "cxone push failed");
    return { status: "FAILED", message: e instanceof CxoneError || e instanceof AppError ? e.message : "The push to CXone failed." };
  }
}

/** The CXone tenant: imports pushed in batches, coverage read page by page, CXone's optimizer. */
export const cxoneBackend: WfmBackend = {
  name: "cxone",

  /**
   * Pushes the shifts an import committed to CXone in batches and records CXone's
   * processed/failed counts per batch on the import. The local commit stands either way;
   * a failed push is recorded, not hidden.
   */
  async pushImport(db, importId, rows) {
    if (rows.length === 0) return null;
    const summary = await pushShifts(db, rows, false, { importId });
    await setImportCxoneResult(db, importId, summary);
    return summary;
  },

  /** Published shifts go to CXone with overwrite on, so the drafts an import pushed become published there. */
  async pushPublished(db, rows) {
    if (rows.length === 0) return null;
    return pushShifts(db, rows, true, { publish: rows.length });
  },

  /**
   * CXone's per-interval coverage (groupBy=timeBlock) across all pages, turned back into
   * agents per interval; the gap engine is the same. Within the caller's time budget, else
   * the last good answer with a note (cxone-coverage.ts).
   */
  readCoverage(db, grid, { budgetMs }) {
    return readCxoneCoverage(db, grid, budgetMs);
  },

  /** CXone's engine through the client: run, then poll to a deadline. */
  async runOptimization(db, plan) {
    try {
      const client = await requireCxoneClient(db);
      const { jobId } = await client.runOptimization({
        dateRange: { start: new Date(plan.range.start).toISOString(), end: new Date(plan.range.end - 1000).toISOString() },
        optimizationGoals: plan.input.goals,
        gapResolutionRules: plan.rules.map((r) => ({ ...r, preferredAgentPool: "AVAILABLE" as const })),
        complianceRules: plan.compliance,
      });
      const done = await client.pollOptimizationJob(jobId, { deadlineMs: 10 * 60_000 });
      return { ...(done.result as Record<string, unknown>), cxoneJobId: jobId, rules: plan.rules };
    } catch (e) {
      if (e instanceof CxoneError) throw new AppError("UPSTREAM", `CXone optimization failed: ${e.message}`);
      throw e;
    }
  },
};
