import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "../errors";

/**
 * Page cursors: opaque to clients, they carry where the last page stopped and a
 * fingerprint of the query that produced it (every parameter but `limit` and `cursor`),
 * so a cursor replayed with other filters is refused instead of silently paging a
 * different list. Not a secret: forging one only skips ahead in a list the caller may read.
 */
export function queryFingerprint(url: URL, path = url.pathname): string {
  const params = [...url.searchParams].filter(([k]) => k !== "cursor" && k !== "limit").sort(([a, av], [b, bv]) => a.localeCompare(b) || av.localeCompare(bv));
  return createHash("sha256").update(`${path}?${new URLSearchParams(params).toString()}`).digest("base64url").slice(0, 16);
}

export function encodeCursor(after: string, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ a: after, q: fingerprint }), "utf8").toString("base64url");
}

/** The key a page starts after, or null without a cursor; VALIDATION (field cursor) for a foreign or broken one. */
export function decodeCursor(cursor: string | undefined, fingerprint: string): string | null {
  if (cursor === undefined || cursor === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  const c = parsed as { a?: unknown; q?: unknown } | null;
  if (!c || typeof c.a !== "string" || typeof c.q !== "string") throw new AppError("VALIDATION", "cursor: not a cursor this API issued; pass nextCursor from the previous page as it came.", { field: "cursor" });
  if (c.q !== fingerprint) throw new AppError("VALIDATION", "cursor: this cursor belongs to a query with other parameters; page with the same filters, or start again without cursor.", { field: "cursor" });
  return c.a;
}

/** `{ items, nextCursor }` from a page and its last key. */
export function pageResponse<T>(items: T[], lastKey: string | null, fingerprint: string): { items: T[]; nextCursor: string | null } {
  return { items, nextCursor: lastKey === null ? null : encodeCursor(lastKey, fingerprint) };
}
