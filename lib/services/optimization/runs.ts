import "server-only";
import type { Db } from "../../db/client";
import { getJob, listJobs, type JobRow } from "../../db/queries/jobs";
import { AppError } from "../../errors";
import type { LiveProgress, OptimizationJobView, OptimizationResult } from "../../types/optimization";
import { OPTIMIZATION_JOB } from "./run";

export type OptimizationRunView = OptimizationJobView;

/** While a job runs its result column holds `{ live }` (the progress so far); once done, the answer. */
export function splitResult(result: JobRow["result"]): { live: LiveProgress | null; result: OptimizationResult | null } {
  if (!result) return { live: null, result: null };
  if ("live" in result) return { live: result.live as LiveProgress, result: null };
  return { live: null, result: result as unknown as OptimizationResult };
}

/** One optimization run as the page polls it: status, progress, and the result once it is done. */
export async function getOptimizationRun(db: Db, id: string): Promise<OptimizationRunView> {
  const job = await getJob(db, id);
  if (!job || job.kind !== OPTIMIZATION_JOB) throw new AppError("NOT_FOUND", "No such optimization run.");
  return { id: job.id, status: job.status, progress: job.progress, error: job.error, payload: job.payload, ...splitResult(job.result), createdAt: job.createdAt.toISOString(), updatedAt: job.updatedAt.toISOString() };
}

/** The most recent run's id, so the page reopens on it. */
export async function latestOptimizationRunId(db: Db): Promise<string | null> {
  const [recent] = await listJobs(db, OPTIMIZATION_JOB, 1);
  return recent?.id ?? null;
}
