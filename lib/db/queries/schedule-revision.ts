import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { scheduleRevision } from "../schema";

/**
 * The revision of what coverage is computed from: database triggers bump it at the commit
 * of any change to shifts, demand, agents, their skills, skills, sites or settings
 * (migration 0007), so no writer can forget to. One primary-key read.
 */
export async function getScheduleRevision(db: Db): Promise<number> {
  const [row] = await db.select({ revision: scheduleRevision.revision }).from(scheduleRevision).where(eq(scheduleRevision.id, 1)).limit(1);
  return row?.revision ?? 0;
}
