import "server-only";
import type { Db } from "../../db/client";
import { getJob, listJobs, type JobRow } from "../../db/queries/jobs";
import { gapOf } from "../../domain/optimize/exact/decode";
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
  const { live, result } = splitResult(job.result);
  return { id: job.id, status: job.status, progress: job.progress, error: job.error, payload: job.payload, live, result, ...solverSummary(live, result), createdAt: job.createdAt.toISOString(), updatedAt: job.updatedAt.toISOString() };
}

/** The figures an integration polls for, lifted out of the result (or the live trace while the solver runs). */
function solverSummary(live: LiveProgress | null, result: OptimizationResult | null): Pick<OptimizationRunView, "engine" | "incumbent" | "bound" | "gap" | "solverStatus"> {
  if (result) return { engine: result.engine ?? null, incumbent: result.incumbent ?? null, bound: result.bound ?? null, gap: result.gap ?? null, solverStatus: result.solverStatus ?? null };
  const last = live?.trace.at(-1);
  const incumbent = last?.incumbent ?? null;
  const bound = last?.bound ?? null;
  return { engine: null, incumbent, bound, gap: gapOf(incumbent, bound), solverStatus: null };
}

/** The most recent run's id, so the page reopens on it. */
export async function latestOptimizationRunId(db: Db): Promise<string | null> {
  const [recent] = await listJobs(db, OPTIMIZATION_JOB, 1);
  return recent?.id ?? null;
}
