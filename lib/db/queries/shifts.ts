import "server-only";
import type { Db } from "../client";
import { shifts } from "../schema";
import type { Shift } from "../../domain/types";

/** Inserts shifts as given (status included); the caller has validated them. Returns the stored ids. */
export async function insertShifts(db: Db, rows: readonly (Omit<Shift, "id" | "version"> & { notes?: string | null })[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const out = await db
      .insert(shifts)
      .values(
        rows.slice(i, i + 1000).map((s) => ({
          agentId: s.agentId,
          siteId: s.siteId,
          startsAt: new Date(s.start),
          endsAt: new Date(s.end),
          status: s.status,
          skills: s.skills,
          breaks: s.breaks,
          notes: s.notes ?? null,
        })),
      )
      .returning({ id: shifts.id });
    ids.push(...out.map((r) => r.id));
  }
  return ids;
}
