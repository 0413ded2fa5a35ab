import "server-only";
import type { Db } from "../db/client";
import { bumpSessionVersion, getSessionVersion } from "../db/queries/users";

/**
 * Sessions are JWTs carrying the user's session version; a session is valid while the
 * stored version still matches. Reading it is one primary-key lookup per request; a
 * process-local cache of SESSION_VERSION_CACHE_MS saves repeats within a page load
 * (a page, its actions and its polling). So a change made through ANOTHER dashboard
 * instance takes effect within that time; one made through this instance at once.
 */
export const SESSION_VERSION_CACHE_MS = 2_000;

const cache = new Map<string, { version: number | null; at: number }>();

export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const hit = cache.get(userId);
  if (hit && Date.now() - hit.at < SESSION_VERSION_CACHE_MS) return hit.version;
  const version = await getSessionVersion(db, userId);
  cache.set(userId, { version, at: Date.now() });
  if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
  return version;
}

/** Ends every session of the user (sign-out, unlock after a lockout, access change). */
export async function endSessions(db: Db, userId: string): Promise<void> {
  await bumpSessionVersion(db, userId);
  cache.delete(userId);
}

/** For a change made by SQL or trigger in this process: forget what was read. */
export function forgetSessionVersion(userId: string): void {
  cache.delete(userId);
}
