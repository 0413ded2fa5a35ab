import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute";
import { jobs } from "../schema";

export type JobRow = typeof jobs.$inferSelect;

/**
 * A running job whose worker has not renewed its lease for this long is presumed dead (killed,
 * crashed, its machine gone) and may be claimed again. A live worker renews it every
 * JOB_HEARTBEAT_SECONDS while the job runs, so a long run keeps its job.
 */
export const JOB_LEASE_MINUTES = 5;
export const JOB_HEARTBEAT_SECONDS = 30;
/** … at most this many times in all, after which it fails for good. */
export const MAX_JOB_ATTEMPTS = 3;

export async function insertJob(db: Db, job: { kind: string; payload: Record<string, unknown>; createdBy: string | null }): Promise<string> {
  const [row] = await db.insert(jobs).values({ kind: job.kind, payload: job.payload, createdBy: job.createdBy }).returning({ id: jobs.id });
  return row.id;
}

/**
 * Claims the oldest queued job, or one whose worker died mid-run (lease expired).
 * FOR UPDATE SKIP LOCKED lets many workers claim from one Postgres without ever taking
 * the same job twice; it works the same on PGlite.
 */
export async function claimNextJob(db: Db, workerId: string, kinds: readonly string[]): Promise<JobRow | null> {
  const kindList = sql.join(kinds.map((k) => sql`${k}`), sql`, `);
  // Jobs that used up their attempts while their workers kept dying fail instead of looping.
  await db.execute(sql`
    update jobs set status = 'failed', error = 'The worker stopped while running this job, ' || attempts || ' times; it was given up.', updated_at = now()
    where status = 'running' and attempts >= ${MAX_JOB_ATTEMPTS} and locked_at < now() - make_interval(mins => ${JOB_LEASE_MINUTES}) and kind in (${kindList})`);
  const [claimed] = await executeRows<{ id: string }>(
    db,
    sql`
    update jobs set status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1, updated_at = now()
    where id = (
      select id from jobs
      where kind in (${kindList})
        and ((status = 'queued' and run_after <= now())
          or (status = 'running' and attempts < ${MAX_JOB_ATTEMPTS} and locked_at < now() - make_interval(mins => ${JOB_LEASE_MINUTES})))
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

/** The job as `workerId` holds it: still running and still its own (not taken over after a lost lease). */
const heldBy = (id: string, workerId: string) => and(eq(jobs.id, id), eq(jobs.status, "running"), eq(jobs.lockedBy, workerId));

/** Renews the worker's lease on a running job. False when the job is no longer its own. */
export async function renewJobLease(db: Db, id: string, workerId: string): Promise<boolean> {
  const rows = await db.update(jobs).set({ lockedAt: sql`now()` }).where(heldBy(id, workerId)).returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Stores a job's result, only if `workerId` still holds it: a worker presumed dead whose job
 * was taken over cannot overwrite the answer of the one that took it. False when refused.
 */
export async function completeJob(db: Db, id: string, result: Record<string, unknown>, workerId: string): Promise<boolean> {
  const rows = await db.update(jobs).set({ status: "completed", result, progress: 1, updatedAt: new Date() }).where(heldBy(id, workerId)).returning({ id: jobs.id });
  return rows.length > 0;
}

/** Fails a job, on the same terms as `completeJob`. */
export async function failJob(db: Db, id: string, message: string, workerId: string): Promise<boolean> {
  const rows = await db.update(jobs).set({ status: "failed", error: message, updatedAt: new Date() }).where(heldBy(id, workerId)).returning({ id: jobs.id });
  return rows.length > 0;
}
