import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client";
import { getShiftsOverlapping } from "../../db/queries/shifts";
import { getReferenceForSync } from "../../db/queries/reference-sync";
import { getAgentNames } from "../../db/queries/reference";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { compareSchedules, CxoneError, exportWindows, type CxoneClientDeps, type ExportProgress } from "../../cxone";
import { addDays, parseDateKey } from "../../domain/time";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import type { ComparedShift, ScheduleComparisonResult } from "../../types/cxone";
import { requirePlatformClient } from "../backends/cxone-client";

/** A comparison covers at most five 7-day windows per agent. */
export const COMPARE_MAX_DAYS = 35;
/** Export requests in flight at once (NICE throttles per tenant; 429s are handled beneath). */
export const EXPORT_CONCURRENCY = 4;

export const compareScheduleSchema = z
  .object({
    startDate: z.string().refine((d) => parseDateKey(d) !== null, { error: "From must be a real date, YYYY-MM-DD" }),
    endDate: z.string().refine((d) => parseDateKey(d) !== null, { error: "To must be a real date, YYYY-MM-DD" }),
    siteId: z.string().trim().min(1).max(100).optional(),
  })
  .refine((r) => r.endDate >= r.startDate, { error: "To is before From", path: ["endDate"] })
  .refine((r) => r.endDate <= addDays(r.startDate, COMPARE_MAX_DAYS - 1), { error: `a comparison covers at most ${COMPARE_MAX_DAYS} days`, path: ["endDate"] });

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * "What CXone has vs what we have" for a date range (and a site's agents): each agent's
 * schedule exported from CXone in 7-day windows (a longer range is split, never sent), at
 * most EXPORT_CONCURRENCY requests at a time, compared with our stored shifts. Reads only:
 * nothing in our schedule is overwritten.
 */
export async function compareCxoneSchedule(
  db: Db,
  user: CurrentUser,
  raw: unknown,
  options: { deps?: CxoneClientDeps; onProgress?: (p: ExportProgress) => void; signal?: AbortSignal } = {},
): Promise<ScheduleComparisonResult> {
  assertCan(user, "cxone.schedule.compare");
  const parsed = compareScheduleSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((i) => i.message).join("; "));
  const { startDate, endDate, siteId } = parsed.data;
  const client = await requirePlatformClient(db, "Comparing the schedule with CXone", options.deps);
  const from = new Date(`${startDate}T00:00:00Z`);
  const to = new Date(`${addDays(endDate, 1)}T00:00:00Z`);

  const ours = await getShiftsOverlapping(db, { from, to }, siteId ? { siteId } : {});
  const reference = await getReferenceForSync(db);
  const ourByUser = new Map(reference.agents.map((a) => [a.username.trim().toLowerCase(), a.id]));
  const windows = exportWindows(startDate, endDate);
  let exported;
  let cxAgents;
  try {
    cxAgents = await client.listAgents();
    // Which CXone users to export: every active one we know by username (of the site, when one is chosen).
    const siteAgents = siteId ? new Set((await getAgentNames(db, reference.agents.map((a) => a.id))).filter((a) => a.homeSiteId === siteId).map((a) => a.id)) : null;
    const wanted = cxAgents.filter((a) => {
      const mine = ourByUser.get(a.userName.trim().toLowerCase());
      return a.active && (mine ? !siteAgents || siteAgents.has(mine) : !siteId);
    });
    exported = await client.exportSchedules({
      userIds: wanted.map((a) => a.userId),
      startDate,
      endDate,
      concurrency: EXPORT_CONCURRENCY,
      signal: options.signal,
      onProgress: (p) => {
        options.onProgress?.(p);
        if (p.done === p.total || p.done % 50 === 0) logger.info({ done: p.done, total: p.total }, "CXone schedule export progress");
      },
    });
  } catch (e) {
    if (e instanceof CxoneError) throw new AppError("UPSTREAM", e.message);
    throw e;
  }
  const userToAgent = new Map<string, string>();
  const unmatched: string[] = [];
  for (const a of cxAgents) {
    const mine = ourByUser.get(a.userName.trim().toLowerCase());
    if (mine) userToAgent.set(a.userId, mine);
    else if (a.active && !siteId) unmatched.push(a.userName);
  }
  const theirs = exported.shifts
    .filter((s) => s.start < to.getTime() && s.end > from.getTime() && userToAgent.has(s.userId))
    .map((s) => ({ agentId: userToAgent.get(s.userId)!, start: s.start, end: s.end }));
  const cmp = compareSchedules(theirs, ours.map((s) => ({ agentId: s.agentId, start: s.start, end: s.end })));

  // An agent's shift on both sides that overlaps but starts or ends differently is one "different times" row.
  const names = new Map((await getAgentNames(db, [...new Set([...cmp.onlyCxone, ...cmp.onlyOurs].map((s) => s.agentId))])).map((a) => [a.id, a.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const differentTimes: ScheduleComparisonResult["differentTimes"] = [];
  const leftOurs = [...cmp.onlyOurs];
  const onlyCxone: ComparedShift[] = [];
  for (const c of cmp.onlyCxone) {
    const i = leftOurs.findIndex((o) => o.agentId === c.agentId && o.start < c.end && o.end > c.start);
    if (i >= 0) {
      const o = leftOurs.splice(i, 1)[0];
      differentTimes.push({ agentId: c.agentId, agentName: nameOf(c.agentId), cxone: { start: iso(c.start), end: iso(c.end) }, ours: { start: iso(o.start), end: iso(o.end) } });
    } else onlyCxone.push({ agentId: c.agentId, agentName: nameOf(c.agentId), start: iso(c.start), end: iso(c.end) });
  }
  return {
    startDate,
    endDate,
    agents: exported.requests / windows.length,
    requests: exported.requests,
    windows,
    same: cmp.same.length,
    onlyCxone,
    onlyOurs: leftOurs.map((o) => ({ agentId: o.agentId, agentName: nameOf(o.agentId), start: iso(o.start), end: iso(o.end) })),
    differentTimes,
    unmatchedCxoneUsers: unmatched.sort(),
  };
}
