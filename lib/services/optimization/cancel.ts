import "server-only";
import type { Db } from "../../db/client";
import { getJob, requestJobCancel } from "../../db/queries/jobs";
import { AppError } from "../../errors";
import { recordAudit, type AuditActor } from "../audit";
import { OPTIMIZATION_JOB } from "./run";

/**
 * Stops a queued or running optimization. The runner (in this process or a separate worker)
 * sees the cancel within about a second, terminates the solver worker and stores the best
 * answer it had; a queued run never starts.
 */
export async function cancelOptimization(db: Db, runId: string, actor: AuditActor, requestId?: string): Promise<{ status: "canceled" }> {
  const job = await getJob(db, runId);
  if (!job || job.kind !== OPTIMIZATION_JOB) throw new AppError("NOT_FOUND", "No such optimization run.");
  if (!(await requestJobCancel(db, runId))) throw new AppError("CONFLICT", `This run has already ${job.status === "canceled" ? "been cancelled" : job.status === "failed" ? "failed" : "finished"}: nothing to cancel.`);
  await recordAudit(db, actor, { action: "optimization.cancelled", entityType: "job", entityId: runId, details: { status: job.status } }, requestId);
  return { status: "canceled" };
}
