import "server-only";
import type { Db } from "../../db/client";
import { getScheduleRevision } from "../../db/queries/schedule-revision";

/**
 * Coverage answers cached in process, per database and per schedule revision.
 *
 * Why: under load the page recomputed the same week for every request (50 clients, the
 * same answer 50 times). The revision is bumped by database triggers at the commit of any
 * change coverage is computed from, whoever writes (import, edit, trade, award, script,
 * another dashboard instance on the same Postgres), and is read once per request, so a
 * cached answer is never served after a change. The revision is read *before* computing:
 * an answer stored under revision r is at least as new as r.
 *
 * Bounded in entries and in (estimated) bytes, least recently used out first, so memory
 * stays flat however many ranges are asked for. Concurrent misses for one key share one
 * computation. Values are shared between requests: callers must not mutate them.
 */

export const COVERAGE_CACHE_MAX_ENTRIES = 64;
export const COVERAGE_CACHE_MAX_BYTES = 48 * 1024 * 1024;

interface Entry {
  value: unknown;
  bytes: number;
}

interface DbCache {
  revision: number;
  entries: Map<string, Entry>;
  bytes: number;
  inflight: Map<string, Promise<unknown>>;
  hits: number;
  misses: number;
}

// Per database handle (tests open many; the app opens one), released with it.
const caches = new WeakMap<Db, DbCache>();

function cacheOf(db: Db): DbCache {
  let c = caches.get(db);
  if (!c) {
    c = { revision: -1, entries: new Map(), bytes: 0, inflight: new Map(), hits: 0, misses: 0 };
    caches.set(db, c);
  }
  return c;
}

/**
 * The value cached for `key` at the current schedule revision, or `compute()`'s answer
 * (stored, then evicting the least recently used beyond the bounds). `sizeOf` estimates
 * an answer's memory in bytes.
 */
export async function cachedByRevision<T>(db: Db, key: string, compute: () => Promise<T>, sizeOf: (value: T) => number): Promise<T> {
  const revision = await getScheduleRevision(db);
  const c = cacheOf(db);
  if (revision > c.revision) {
    // A newer schedule: every older answer is stale. Drop them now rather than let them age out.
    c.revision = revision;
    c.entries.clear();
    c.bytes = 0;
  } else if (revision < c.revision) {
    // This request read the revision just before another saw a newer one: answer, keep nothing.
    return compute();
  }
  const full = `${revision}\u0000${key}`;
  const hit = c.entries.get(full);
  if (hit) {
    c.hits++;
    c.entries.delete(full);
    c.entries.set(full, hit);
    return hit.value as T;
  }
  const pending = c.inflight.get(full);
  if (pending) {
    c.hits++;
    return pending as Promise<T>;
  }
  c.misses++;
  const promise = compute().then((value) => {
    if (c.revision === revision) store(c, full, { value, bytes: Math.max(1, sizeOf(value)) });
    return value;
  });
  c.inflight.set(full, promise);
  try {
    return await promise;
  } finally {
    c.inflight.delete(full);
  }
}

function store(c: DbCache, key: string, entry: Entry): void {
  if (entry.bytes > COVERAGE_CACHE_MAX_BYTES) return;
  const old = c.entries.get(key);
  if (old) {
    c.bytes -= old.bytes;
    c.entries.delete(key);
  }
  c.entries.set(key, entry);
  c.bytes += entry.bytes;
  for (const [k, e] of c.entries) {
    if (c.entries.size <= COVERAGE_CACHE_MAX_ENTRIES && c.bytes <= COVERAGE_CACHE_MAX_BYTES) break;
    c.entries.delete(k);
    c.bytes -= e.bytes;
  }
}

/** What the cache holds for a database (tests and the load report read it). */
export function coverageCacheStats(db: Db): { revision: number; entries: number; bytes: number; hits: number; misses: number } {
  const c = cacheOf(db);
  return { revision: c.revision, entries: c.entries.size, bytes: c.bytes, hits: c.hits, misses: c.misses };
}

/** A rough size of a JSON-like answer: string lengths count twice (UTF-16), typed arrays their bytes. */
export function estimateBytes(value: unknown): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") total += 16 + v.length * 2;
    else if (typeof v === "number" || typeof v === "boolean" || v == null) total += 8;
    else if (ArrayBuffer.isView(v)) total += 64 + v.byteLength;
    else if (Array.isArray(v)) {
      total += 16 + v.length * 8;
      for (const x of v) stack.push(x);
    } else if (v instanceof Map) {
      total += 64;
      for (const [k, x] of v) stack.push(k, x);
    } else if (typeof v === "object") {
      const o = v as Record<string, unknown>;
      for (const k in o) {
        total += 16;
        stack.push(o[k]);
      }
    }
  }
  return total;
}

/** Forgets every cached answer for a database (tests compare a cached answer with a fresh one). */
export function clearCoverageCache(db: Db): void {
  caches.delete(db);
}
