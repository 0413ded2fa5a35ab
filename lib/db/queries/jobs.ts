import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute";
import { jobs } from "../schema";

export type JobRow = typeof jobs.$inferSelect;

/** A running job whose worker has held it this long is presumed dead and may be claimed again. */
export const JOB_LEASE_MINUTES = 15;
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

export async function completeJob(db: Db, id: string, result: Record<string, unknown>): Promise<void> {
  await db.update(jobs).set({ status: "completed", result, progress: 1, updatedAt: new Date() }).where(eq(jobs.id, id));
}

export async function failJob(db: Db, id: string, message: string): Promise<void> {
  await db.update(jobs).set({ status: "failed", error: message, updatedAt: new Date() }).where(eq(jobs.id, id));
}
