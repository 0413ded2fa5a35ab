import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { claimIdempotencyKey, completeIdempotencyKey, getIdempotencyKey, pruneIdempotencyKeys, releaseIdempotencyKey } from "../../db/queries/idempotency";
import { AppError } from "../../errors";

/** How long a first answer is kept and replayed. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentRequest {
  /** The token or user the key belongs to: one caller's keys never meet another's. */
  callerId: string;
  /** "POST /api/v1/bidding/scopes": a key is per route. */
  route: string;
  key: string;
  /** What makes two requests the same: the query string and the body. */
  fingerprint: string;
}

export interface StoredAnswer {
  status: number;
  body: string;
  contentType: string | null;
  /** The answer's ETag header (a created shift's version), kept so a replay carries it too. */
  etag: string | null;
}

/**
 * Runs a creating request at most once per Idempotency-Key: the same key with the same
 * query and body within 24 hours answers the first answer again (without running);
 * the same key with another request is IDEMPOTENCY_KEY_REUSED (422); a key whose first
 * request is still running is CONFLICT (409). Answers of 5xx are not kept, so a retry
 * after our own failure runs again.
 */
export async function runIdempotent(db: Db, req: IdempotentRequest, now: Date, run: () => Promise<StoredAnswer>): Promise<StoredAnswer & { replayed: boolean }> {
  if (!KEY_PATTERN.test(req.key)) {
    throw new AppError("VALIDATION", "Idempotency-Key is 1 to 255 visible ASCII characters (a UUID is a good key).", { field: "Idempotency-Key" });
  }
  const k = { callerId: req.callerId, route: req.route, key: req.key };
  const hash = createHash("sha256").update(req.fingerprint).digest("hex");
  await pruneIdempotencyKeys(db, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS));
  if (!(await claimIdempotencyKey(db, k, hash))) {
    const first = await getIdempotencyKey(db, k);
    if (!first) return runIdempotent(db, req, now, run); // pruned between the two statements
    if (first.requestHash !== hash) throw new AppError("IDEMPOTENCY_KEY_REUSED", undefined, { field: "Idempotency-Key" });
    if (first.status === null || first.body === null) throw new AppError("CONFLICT", "The first request with this Idempotency-Key is still running; retry in a moment.", { field: "Idempotency-Key" });
    return { status: first.status, body: first.body, contentType: first.contentType, etag: first.etag, replayed: true };
  }
  let answer: StoredAnswer;
  try {
    answer = await run();
  } catch (e) {
    await releaseIdempotencyKey(db, k);
    throw e;
  }
  if (answer.status >= 500) await releaseIdempotencyKey(db, k);
  else await completeIdempotencyKey(db, k, answer);
  return { ...answer, replayed: false };
}
