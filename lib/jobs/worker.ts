import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { isAppError } from "../errors";
import { logger } from "../logger";
import { claimNextJob, completeJob, failJob, renewJobLease, type JobRow } from "../db/queries/jobs";
import { env } from "../env";

export interface JobHandler {
  (db: Db, job: JobRow): Promise<Record<string, unknown>>;
  /**
   * Runs in the transaction that stores the job's result (an outbox write, such as a webhook
   * event, commits with the completion or not at all). What it returns runs after the commit.
   */
  onCompleted?: (tx: Db, job: JobRow, result: Record<string, unknown>, db: Db) => Promise<(() => void) | void>;
}

/** The result is stored and the handler's completion hook runs, in one transaction. */
async function storeResult(db: Db, handler: JobHandler, job: JobRow, result: Record<string, unknown>, workerId: string): Promise<boolean> {
  if (!handler.onCompleted) return completeJob(db, job.id, result, workerId);
  let after: (() => void) | void = undefined;
  const stored = await db.transaction(async (tx) => {
    if (!(await completeJob(tx, job.id, result, workerId))) return false;
    after = await handler.onCompleted!(tx, job, result, db);
    return true;
  });
  if (stored && after) (after as () => void)();
  return stored;
}

/** Runs queued jobs of the given kinds until none is left. Returns how many ran. */
export async function drainJobs(db: Db, handlers: Record<string, JobHandler>, workerId = `worker-${randomUUID().slice(0, 8)}`): Promise<number> {
  let ran = 0;
  for (;;) {
    const job = await claimNextJob(db, workerId, Object.keys(handlers));
    if (!job) return ran;
    ran++;
    // The lease is renewed while the job runs; a worker that dies stops renewing it, and
    // after JOB_LEASE_SECONDS another worker claims the job again.
    const heartbeat = setInterval(() => {
      renewJobLease(db, job.id, workerId).catch((e) => logger.warn({ err: e, jobId: job.id }, "could not renew a job's lease"));
    }, env().JOB_HEARTBEAT_SECONDS * 1000);
    heartbeat.unref();
    let stored: boolean;
    try {
      stored = await storeResult(db, handlers[job.kind], job, await handlers[job.kind](db, job), workerId);
    } catch (e) {
      // A known failure keeps its message for the planner; anything else is logged and masked.
      logger.error({ err: e, jobId: job.id, kind: job.kind }, "job failed");
      stored = await failJob(db, job.id, isAppError(e) ? e.userMessage : `The job failed (${job.id}); the details are in the server log.`, workerId);
    } finally {
      clearInterval(heartbeat);
    }
    if (!stored) logger.warn({ jobId: job.id, kind: job.kind, workerId }, "this worker lost the job's lease; the worker that took it over answers");
  }
}

// One in-process drain at a time per dashboard process (the embedded default).
const state = globalThis as unknown as {
  __shiftboardDrain?: { running: boolean; again: boolean; done: Promise<void>; handlers: Record<string, JobHandler> };
};

/**
 * Starts draining in the background. A kick during a drain is remembered, so a job queued
 * just after the drain found the queue empty is still picked up. The kinds of every kick
 * are kept: a webhook kicked while an optimization drains runs in the drain after it.
 */
export function kickInProcessWorker(db: Db, handlers: Record<string, JobHandler>): void {
  const s = (state.__shiftboardDrain ??= { running: false, again: false, done: Promise.resolve(), handlers: {} });
  s.handlers = { ...s.handlers, ...handlers };
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  s.again = false;
  s.done = drainJobs(db, s.handlers)
    .then(() => undefined)
    .catch((e) => logger.error({ err: e }, "in-process worker stopped"))
    .finally(() => {
      s.running = false;
      if (s.again) kickInProcessWorker(db, handlers);
    });
}

/** Resolves when the in-process worker has nothing left to run (for tests and shutdown). */
export async function inProcessWorkerIdle(): Promise<void> {
  while (state.__shiftboardDrain?.running) await state.__shiftboardDrain.done;
}
