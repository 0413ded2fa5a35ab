import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client";
import { nextPendingWebhookAttempt } from "../../db/queries/webhooks";
import { AppError } from "../../errors";
import { kickInProcessWorker, type JobHandler } from "../../jobs/worker";
import { logger } from "../../logger";
import { deliverWebhook } from "./deliver";
import { WEBHOOK_DELIVER_JOB } from "./queue";

const payloadSchema = z.object({ deliveryId: z.uuid() });

/**
 * The `webhook.deliver` job handler on a given clock: tests run it at a chosen instant
 * instead of waiting out the backoff; the worker runs it on the real one.
 */
export function webhookDeliveryHandler(clock: () => Date): JobHandler {
  return async (db, job) => {
    const parsed = payloadSchema.safeParse(job.payload);
    if (!parsed.success) throw new AppError("VALIDATION", "This webhook delivery job has no delivery id.");
    const outcome = await deliverWebhook(db, parsed.data.deliveryId, clock());
    return { ...outcome };
  };
}

const runDeliveryJob = webhookDeliveryHandler(() => new Date());

export const WEBHOOK_HANDLERS: Record<string, JobHandler> = {
  [WEBHOOK_DELIVER_JOB]: async (db, job) => {
    const result = await runDeliveryJob(db, job);
    if (result.retryAt) void scheduleWebhookWake(db);
    return result;
  },
};

/** Runs the deliveries that are due now in this process (after the transaction that queued them committed). */
export function wakeWebhookWorker(db: Db): void {
  kickInProcessWorker(db, WEBHOOK_HANDLERS);
}

// One timer per process, for the earliest retry still waiting: the in-process worker only
// runs when kicked, and a retry is due minutes or hours after the attempt that failed.
const timers = globalThis as unknown as { __shiftboardWebhookWake?: { timer: NodeJS.Timeout; at: number } };
/** A little after the due time: the claim compares with the database's clock. */
const WAKE_SLACK_MS = 1000;
/** setTimeout's ceiling is ~24.8 days; a longer wait re-arms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Arms the timer for the earliest pending delivery still to come (and runs what is due
 * now). Called at start-up, after each failed attempt, and when the timer fires. Several
 * processes on one Postgres may each arm one: the jobs are claimed with SKIP LOCKED.
 */
export async function scheduleWebhookWake(db: Db, now = new Date()): Promise<void> {
  try {
    const next = await nextPendingWebhookAttempt(db, now);
    if (!next) return;
    const at = next.getTime() + WAKE_SLACK_MS;
    const current = timers.__shiftboardWebhookWake;
    if (current && current.at <= at && current.at > now.getTime()) return;
    if (current) clearTimeout(current.timer);
    const timer = setTimeout(
      () => {
        timers.__shiftboardWebhookWake = undefined;
        wakeWebhookWorker(db);
        void scheduleWebhookWake(db);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, at - now.getTime())),
    );
    timer.unref();
    timers.__shiftboardWebhookWake = { timer, at };
  } catch (e) {
    logger.warn({ err: e }, "could not schedule the next webhook retry");
  }
}

/** At start-up: deliver what fell due while the server was down, and arm the timer for the rest. */
export async function resumeWebhookDeliveries(db: Db): Promise<void> {
  wakeWebhookWorker(db);
  await scheduleWebhookWake(db);
}

/** For tests and shutdown: no timer left behind. */
export function stopWebhookWake(): void {
  const current = timers.__shiftboardWebhookWake;
  if (current) clearTimeout(current.timer);
  timers.__shiftboardWebhookWake = undefined;
}
