import "server-only";
import type { Db } from "../../db/client";
import type { JobRow } from "../../db/queries/jobs";
import { AppError } from "../../errors";
import type { JobHandler } from "../../jobs/worker";
import { optimizationJobPayloadSchema } from "../../schemas/optimization";
import { wfmBackend } from "../backends";
import { planOptimization } from "./plan";

export const OPTIMIZATION_JOB = "optimization";

/**
 * Runs one optimization job on the backend it was launched on: the local greedy engine on
 * our schedule, or CXone's engine through the client. A payload that does not parse fails
 * the job with the reason instead of running on guessed values.
 */
export const runOptimizationJob: JobHandler = async (db: Db, job: JobRow) => {
  const payload = optimizationJobPayloadSchema.safeParse(job.payload);
  if (!payload.success) {
    throw new AppError("VALIDATION", `This optimization run cannot start: ${payload.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ")}`);
  }
  const { backend, ...input } = payload.data;
  const plan = await planOptimization(db, input);
  if (plan.rules.length === 0) {
    return { engine: "none", message: "No skill falls below the gap threshold in this range: nothing to optimize.", assignmentRecommendations: [], projectedCoverageImprovement: 0, estimatedOvertimeHours: 0, unmetRequirements: [], rules: plan.rules };
  }
  return wfmBackend(backend).runOptimization(db, plan);
};

export const OPTIMIZATION_HANDLERS: Record<string, JobHandler> = { [OPTIMIZATION_JOB]: runOptimizationJob };
