import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute";
import { env } from "../../env";
import { jobs } from "../schema";

export type JobRow = typeof jobs.$inferSelect;

/**
 * A running job whose worker has not renewed its lease for `JOB_LEASE_SECONDS` (default 300)
 * is presumed dead (killed, crashed, its machine gone) and may be claimed again. A live worker
 * renews it every `JOB_HEARTBEAT_SECONDS` (default 30) while the job runs, so a long run keeps
 * its job. Both are read once from the environment (lib/env.ts validates them).
 */
export const jobLeaseSeconds = (): number => env().JOB_LEASE_SECONDS;
/** A job is claimed at most this many times in all, after which it fails for good. */
export const MAX_JOB_ATTEMPTS = 3;

/** `runAfter`: not claimed before then (a webhook retry's backoff); default now. */
export async function insertJob(db: Db, job: { kind: string; payload: Record<string, unknown>; createdBy: string | null; runAfter?: Date }): Promise<string> {
  const [row] = await db.insert(jobs).values({ kind: job.kind, payload: job.payload, createdBy: job.createdBy, ...(job.runAfter ? { runAfter: job.runAfter } : {}) }).returning({ id: jobs.id });
  return row.id;
}

/**
 * Claims the oldest queued job, or one whose worker died mid-run (lease expired).
 * FOR UPDATE SKIP LOCKED lets many workers claim from one Postgres without ever taking
 * the same job twice; it works the same on PGlite.
 */
export async function claimNextJob(db: Db, workerId: string, kinds: readonly string[], leaseSeconds = jobLeaseSeconds()): Promise<JobRow | null> {
  const kindList = sql.join(kinds.map((k) => sql`${k}`), sql`, `);
  // Jobs that used up their attempts while their workers kept dying fail instead of looping.
  await db.execute(sql`
    update jobs set status = 'failed', error = 'The worker stopped while running this job, ' || attempts || ' times; it was given up.', updated_at = now()
    where status = 'running' and attempts >= ${MAX_JOB_ATTEMPTS} and locked_at < now() - make_interval(secs => ${leaseSeconds}) and kind in (${kindList})`);
  const [claimed] = await executeRows<{ id: string }>(
    db,
    sql`
    update jobs set status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1, updated_at = now()
    where id = (
      select id from jobs
      where kind in (${kindList})
        and ((status = 'queued' and run_after <= now())
          or (status = 'running' and attempts < ${MAX_JOB_ATTEMPTS} and locked_at < now() - make_interval(secs => ${leaseSeconds})))
      order by created_at
      for update skip locked
      limit 1
    )
    returning id`,
  );
  return claimed ? getJob(db, claimed.id) : null;
}

export async function getJob(db: Db, id: string): Promise<JobRow | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row ?? null;
}

export async function listJobs(db: Db, kind: string, limit = 10): Promise<JobRow[]> {
  return db.select().from(jobs).where(eq(jobs.kind, kind)).orderBy(desc(jobs.createdAt)).limit(limit);
}

/**
 * The job as `workerId` holds it: still running (or canceled while it ran, so it can still
 * store its best answer so far) and still its own (not taken over after a lost lease).
 */
const heldBy = (id: string, workerId: string) => and(eq(jobs.id, id), inArray(jobs.status, ["running", "canceled"]), eq(jobs.lockedBy, workerId));

/** A job canceled while it ran keeps "canceled" when it stores its answer or fails. */
const unlessCanceled = (status: "completed" | "failed") => sql`case when ${jobs.status} = 'canceled' then 'canceled'::job_status else ${status}::job_status end`;

/** Renews the worker's lease on a running job. False when the job is no longer its own. */
export async function renewJobLease(db: Db, id: string, workerId: string): Promise<boolean> {
  const rows = await db.update(jobs).set({ lockedAt: sql`now()` }).where(heldBy(id, workerId)).returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * A running job's progress (0–1) and what it has so far, while it runs: the page polls it.
 * Returns the job's status, so the runner learns of a cancel on its next report.
 */
export async function reportJobProgress(db: Db, id: string, progress: number, live: Record<string, unknown>): Promise<JobRow["status"] | null> {
  const [row] = await db
    .update(jobs)
    .set({ progress, result: live, updatedAt: new Date() })
    .where(and(eq(jobs.id, id), inArray(jobs.status, ["running", "canceled"])))
    .returning({ status: jobs.status });
  return row?.status ?? null;
}

export async function getJobStatus(db: Db, id: string): Promise<JobRow["status"] | null> {
  const [row] = await db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, id)).limit(1);
  return row?.status ?? null;
}

/**
 * Asks a queued or running job to stop: a queued one is never claimed, a running one sees
 * the status on its next progress report (any worker process) and stops with what it has.
 */
export async function requestJobCancel(db: Db, id: string): Promise<boolean> {
  const updated = await db
    .update(jobs)
    .set({ status: "canceled", updatedAt: new Date() })
    .where(and(eq(jobs.id, id), inArray(jobs.status, ["queued", "running"])))
    .returning({ id: jobs.id });
  return updated.length === 1;
}

/**
 * Stores a job's result, only if `workerId` still holds it: a worker presumed dead whose job
 * was taken over cannot overwrite the answer of the one that took it. False when refused.
 */
export async function completeJob(db: Db, id: string, result: Record<string, unknown>, workerId: string): Promise<boolean> {
  const rows = await db.update(jobs).set({ status: unlessCanceled("completed"), result, progress: 1, updatedAt: new Date() }).where(heldBy(id, workerId)).returning({ id: jobs.id });
  return rows.length > 0;
}

/** Fails a job, on the same terms as `completeJob`. */
export async function failJob(db: Db, id: string, message: string, workerId: string): Promise<boolean> {
  const rows = await db.update(jobs).set({ status: unlessCanceled("failed"), error: message, updatedAt: new Date() }).where(heldBy(id, workerId)).returning({ id: jobs.id });
  return rows.length > 0;
}

/** Replaces a finished job's stored answer (e.g. to record which proposals were accepted). */
export async function setJobResult(db: Db, id: string, result: Record<string, unknown>): Promise<void> {
  await db.update(jobs).set({ result, updatedAt: new Date() }).where(eq(jobs.id, id));
}
