import "server-only";
import type { Db } from "../../db/client";
import { insertJob } from "../../db/queries/jobs";
import { kickInProcessWorker } from "../../jobs/worker";
import type { LaunchOptimization, OptimizationJobPayload } from "../../schemas/optimization";
import { recordAudit, type AuditActor } from "../audit";
import { currentBackendName } from "../backends";
import { OPTIMIZATION_HANDLERS, OPTIMIZATION_JOB } from "./run";

/** Queues an optimization run on the configured backend and starts the in-process worker. */
export async function launchOptimization(db: Db, input: LaunchOptimization, actor: AuditActor, requestId?: string): Promise<string> {
  const payload: OptimizationJobPayload = { ...input, backend: currentBackendName() };
  const jobId = await insertJob(db, { kind: OPTIMIZATION_JOB, payload, createdBy: actor.id });
  await recordAudit(db, actor, { action: "optimization.launched", entityType: "job", entityId: jobId, details: { ...input } }, requestId);
  kickInProcessWorker(db, OPTIMIZATION_HANDLERS);
  return jobId;
}
