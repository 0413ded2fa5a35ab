import "server-only";
import { and, asc, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { contactHistory } from "../schema";

export interface ContactHistoryRecord {
  skillId: string;
  intervalStart: Date;
  contacts: number;
  ahtSeconds: number;
}

/** Upserts by (skill, interval): a later pull of the same range replaces the figures. */
export async function upsertContactHistory(db: Db, rows: readonly ContactHistoryRecord[], pulledAt: Date): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(contactHistory)
    .values(rows.map((r) => ({ ...r, pulledAt })))
    .onConflictDoUpdate({
      target: [contactHistory.skillId, contactHistory.intervalStart],
      set: { contacts: sql`excluded.contacts`, ahtSeconds: sql`excluded.aht_seconds`, pulledAt: sql`excluded.pulled_at` },
    });
}

/** Stored history in [from, to), by skill then interval. */
export async function getContactHistory(db: Db, from: Date, to: Date): Promise<ContactHistoryRecord[]> {
  return db
    .select({ skillId: contactHistory.skillId, intervalStart: contactHistory.intervalStart, contacts: contactHistory.contacts, ahtSeconds: contactHistory.ahtSeconds })
    .from(contactHistory)
    .where(and(gte(contactHistory.intervalStart, from), lt(contactHistory.intervalStart, to)))
    .orderBy(asc(contactHistory.skillId), asc(contactHistory.intervalStart));
}
