import "server-only";
import type { Db } from "../../db/client";
import { getJob, listJobs } from "../../db/queries/jobs";
import { AppError } from "../../errors";
import { OPTIMIZATION_JOB } from "./run";

export interface OptimizationRunView {
  id: string;
  status: "queued" | "running" | "completed" | "failed" | "canceled";
  progress: number;
  error: string | null;
  payload: Record<string, unknown>;
  result: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}

/** One optimization run as the page polls it: status, progress, and the result once it is done. */
export async function getOptimizationRun(db: Db, id: string): Promise<OptimizationRunView> {
  const job = await getJob(db, id);
  if (!job || job.kind !== OPTIMIZATION_JOB) throw new AppError("NOT_FOUND", "No such optimization run.");
  return { id: job.id, status: job.status, progress: job.progress, error: job.error, payload: job.payload, result: job.result, createdAt: job.createdAt.toISOString(), updatedAt: job.updatedAt.toISOString() };
}

/** The most recent run's id, so the page reopens on it. */
export async function latestOptimizationRunId(db: Db): Promise<string | null> {
  const [recent] = await listJobs(db, OPTIMIZATION_JOB, 1);
  return recent?.id ?? null;
}
