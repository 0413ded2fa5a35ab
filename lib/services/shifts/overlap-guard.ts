import "server-only";
import type { Db } from "../../db/client";
import { findOverlap } from "../../db/queries/shifts";
import { AppError } from "../../errors";

const fmt = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * Refuses the transaction when a write left one of these agents working two shifts at
 * once. Called inside the writer's transaction, after its writes: on the embedded database
 * (one transaction at a time, no btree_gist) another writer that committed first is seen
 * here; on Postgres the exclusion constraint refuses the commit of whichever writer comes
 * second, and this check steps aside.
 */
export async function assertNoOverlap(tx: Db, agentIds: readonly string[], window: { from: Date; to: Date }): Promise<void> {
  const pair = await findOverlap(tx, [...new Set(agentIds)], window);
  if (pair) throw overlapError(`${pair.agentId} would work two shifts at once: ${fmt(pair.aStart)}–${fmt(pair.aEnd)} and ${fmt(pair.bStart)}–${fmt(pair.bEnd)}.`);
}

/** The database's exclusion-constraint refusal (SQLSTATE 23P01, or the deadlock two such writers can meet in) as the same clear conflict, else null. */
export function overlapConflictFrom(e: unknown): AppError | null {
  for (let x: unknown = e, depth = 0; x && typeof x === "object" && depth < 4; x = (x as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = x as { code?: unknown; constraint?: unknown };
    // 40P01: two writers waiting on each other's conflicting rows; Postgres ends one of them.
    if (code === "23P01" || code === "40P01" || constraint === "shifts_no_overlap_per_agent") {
      return overlapError("Another change stored a shift for the same agent at the same time while this one was being saved.");
    }
  }
  return null;
}

function overlapError(detail: string): AppError {
  return new AppError("CONFLICT", `${detail} Nothing was saved; reload and try again.`);
}
