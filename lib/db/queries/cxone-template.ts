import "server-only";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../client";
import { agents, shifts, sites } from "../schema";
import type { ShiftBreak } from "../../domain/types";

/** Shifts starting in [from, to) (of one site), with the agent's username and the site's zone, for CXone's import template. */
export async function getShiftsForTemplate(
  db: Db,
  range: { from: Date; to: Date },
  siteId?: string,
): Promise<{ agentId: string; username: string; timeZone: string; start: number; end: number; breaks: ShiftBreak[]; notes: string | null }[]> {
  const where = [gte(shifts.startsAt, range.from), lt(shifts.startsAt, range.to)];
  if (siteId) where.push(eq(shifts.siteId, siteId));
  const rows = await db
    .select({ agentId: shifts.agentId, username: agents.username, timeZone: sites.timeZone, startsAt: shifts.startsAt, endsAt: shifts.endsAt, breaks: shifts.breaks, notes: shifts.notes })
    .from(shifts)
    .innerJoin(agents, eq(agents.id, shifts.agentId))
    .innerJoin(sites, eq(sites.id, shifts.siteId))
    .where(and(...where))
    .orderBy(asc(shifts.startsAt), asc(shifts.agentId));
  return rows.map((r) => ({ agentId: r.agentId, username: r.username, timeZone: r.timeZone, start: r.startsAt.getTime(), end: r.endsAt.getTime(), breaks: r.breaks, notes: r.notes }));
}
