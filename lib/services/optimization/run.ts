import "server-only";
import type { Db } from "../../db/client";
import { getJobStatus, reportJobProgress, type JobRow } from "../../db/queries/jobs";
import { AppError } from "../../errors";
import type { JobHandler } from "../../jobs/worker";
import { logger } from "../../logger";
import { optimizationJobPayloadSchema } from "../../schemas/optimization";
import type { LiveProgress, ProgressPoint } from "../../types/optimization";
import { wfmBackend } from "../backends";
import { emitWebhookEvent } from "../webhooks/emit";
import { wakeWebhookWorker } from "../webhooks/worker";
import { planOptimization } from "./plan";

export const OPTIMIZATION_JOB = "optimization";

/** How often the runner writes its progress to the job row and looks for a cancel. */
const REPORT_MS = 1000;
/** The plot needs no more points than this; older ones are thinned. */
const MAX_TRACE = 400;

/**
 * Runs one optimization job on the backend it was launched on: the local exact engine (with
 * the greedy as warm start and fallback) on our schedule, or CXone's engine through the
 * client. A payload that does not parse fails the job with the reason instead of running on
 * guessed values.
 *
 * While it runs, the incumbent and bound go to the job row about once a second (the page
 * polls them); a cancel (the job's status set to "canceled", from any process) is seen on the
 * next report and stops the solver worker; the job then ends with the best answer so far.
 */
export const runOptimizationJob: JobHandler = async (db: Db, job: JobRow) => {
  const payload = optimizationJobPayloadSchema.safeParse(job.payload);
  if (!payload.success) {
    throw new AppError("VALIDATION", `This optimization run cannot start: ${payload.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ")}`);
  }
  const { backend, ...input } = payload.data;
  const started = Date.now();
  const trace: ProgressPoint[] = [];
  const control = new AbortController();
  let phase: LiveProgress["phase"] = "starting";
  let inflight: Promise<void> | null = null;
  const report = () => (inflight ??= write().finally(() => (inflight = null)));
  const write = async () => {
    try {
      const elapsed = (Date.now() - started) / 1000;
      const live: LiveProgress = { phase, elapsedSeconds: Math.round(elapsed * 10) / 10, timeLimitSeconds: input.timeLimitSeconds, trace };
      const status = await reportJobProgress(db, job.id, Math.min(0.99, elapsed / input.timeLimitSeconds), { live });
      if (status === "canceled" && !control.signal.aborted) control.abort();
    } catch (e) {
      logger.warn({ err: e, jobId: job.id }, "optimization progress not recorded");
    }
  };
  const timer = setInterval(() => void report(), REPORT_MS);
  try {
    const plan = await planOptimization(db, input);
    if (plan.rules.length === 0) {
      return { engine: "none", message: "No skill falls below the gap threshold in this range: nothing to optimize.", assignmentRecommendations: [], projectedCoverageImprovement: 0, estimatedOvertimeHours: 0, unmetRequirements: [], rules: plan.rules, proposals: [] };
    }
    const onProgress = (p: { incumbent: number | null; bound: number | null; seconds: number }) => {
      phase = "solving";
      const last = trace[trace.length - 1];
      const point = { seconds: Math.round((Date.now() - started) / 100) / 10, incumbent: p.incumbent, bound: p.bound };
      if (last && last.incumbent === point.incumbent && last.bound === point.bound) return;
      trace.push(point);
      // Keep the first and the latest readings; thin the middle.
      if (trace.length > MAX_TRACE) trace.splice(1, 2, trace[2]);
    };
    const result = await wfmBackend(backend).runOptimization(db, plan, { onProgress, signal: control.signal });
    // The final figures close the plot (the last callback may precede the proven bound).
    const final = result as { incumbent?: number | null; bound?: number | null };
    if (final.incumbent != null || final.bound != null) trace.push({ seconds: Math.round((Date.now() - started) / 100) / 10, incumbent: final.incumbent ?? null, bound: final.bound ?? null });
    // A cancel that arrived after the last report still counts.
    const cancelled = control.signal.aborted || (await getJobStatus(db, job.id)) === "canceled";
    return { ...result, trace, cancelled };
  } finally {
    clearInterval(timer);
    // A report still in flight must land before the answer, or it would overwrite it.
    await inflight;
  }
};

// optimization.completed commits with the job's result (lib/jobs/worker.ts), or not at all.
runOptimizationJob.onCompleted = async (tx, job, result, db) => {
  const at = new Date();
  const proposals = Array.isArray(result.proposals) ? result.proposals.length : 0;
  const queued = await emitWebhookEvent(tx, "optimization.completed", { jobId: job.id, status: result.cancelled === true ? "canceled" : "completed", proposals, completedAt: at.toISOString() }, at);
  return queued > 0 ? () => wakeWebhookWorker(db) : undefined;
};

export const OPTIMIZATION_HANDLERS: Record<string, JobHandler> = { [OPTIMIZATION_JOB]: runOptimizationJob };
