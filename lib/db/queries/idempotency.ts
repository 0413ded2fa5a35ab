import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { idempotencyKeys } from "../schema";

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
type Key = { callerId: string; route: string; key: string };

const where = (k: Key) => and(eq(idempotencyKeys.callerId, k.callerId), eq(idempotencyKeys.route, k.route), eq(idempotencyKeys.key, k.key));

/** Claims the key for a first request; false when it is already taken (a replay or a race). */
export async function claimIdempotencyKey(db: Db, k: Key, requestHash: string): Promise<boolean> {
  const rows = await db.insert(idempotencyKeys).values({ ...k, requestHash }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

export async function getIdempotencyKey(db: Db, k: Key): Promise<IdempotencyRow | null> {
  const [row] = await db.select().from(idempotencyKeys).where(where(k)).limit(1);
  return row ?? null;
}

export async function completeIdempotencyKey(db: Db, k: Key, answer: { status: number; body: string; contentType: string | null; etag: string | null }): Promise<void> {
  await db.update(idempotencyKeys).set(answer).where(where(k));
}

/** Lets a key go: the first request failed on our side, so a retry must run again. */
export async function releaseIdempotencyKey(db: Db, k: Key): Promise<void> {
  await db.delete(idempotencyKeys).where(where(k));
}

/** Forgets answers older than the window (rows are small; one indexed range delete). */
export async function pruneIdempotencyKeys(db: Db, before: Date): Promise<number> {
  const rows = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).returning({ key: idempotencyKeys.key });
  return rows.length;
}

export async function countIdempotencyKeys(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(idempotencyKeys);
  return row.n;
}
