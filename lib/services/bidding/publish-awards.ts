import "server-only";
import { overlapConflictFrom } from "../shifts/overlap-guard";
import type { Db } from "../../db/client";
import { listAwards, listLines, listScopes, markAwardsPublished } from "../../db/queries/bidding";
import { awardsToDraftShifts, type Award } from "../../domain/bidding";
import type { Shift } from "../../domain/types";
import { AppError } from "../../errors";
import { recordAudit, type AuditActor } from "../audit";
import { createDraftShifts } from "../shifts/create-draft-shifts";
import { loadReference } from "./context";
import { periodSchema, type Period } from "./save-lines";

/** The period's awards (all, or only the unpublished) and their draft shifts. */
export async function awardShiftsFor(db: Db, period: Period, options: { unpublishedOnly?: boolean } = {}) {
  const scopes = (await listScopes(db, { includeArchived: true })).filter((s) => s.period.start === period.start && s.period.end === period.end);
  const [ref, lines, stored] = await Promise.all([loadReference(db), listLines(db, { period }), listAwards(db, scopes.map((s) => s.id))]);
  const awards = options.unpublishedOnly ? stored.filter((a) => !a.publishedAt) : stored;
  const engineAwards: Award[] = awards.map((a) => ({ agentId: a.agentId, lineId: a.lineId, scopeId: a.scopeId, wave: a.wave, via: a.via === "lock" ? "lock" : "priority" }));
  const shifts: Shift[] = awardsToDraftShifts(engineAwards, { scopes, lines, sites: ref.sites, agents: ref.agents, catalog: ref.catalog });
  return { scopes, lines, ref, awards, shifts };
}

/**
 * Publishes the period's unpublished awards as DRAFT shifts, in one transaction: every
 * shift is created (overlaps with stored shifts refuse all of them) and the awards are
 * marked published, or nothing is.
 */
export async function publishAwards(db: Db, rawPeriod: unknown, actor: AuditActor, now: number, requestId?: string): Promise<{ awards: number; shifts: number }> {
  const parsed = periodSchema.safeParse(rawPeriod);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((i) => i.message).join(" "));
  const { awards, shifts } = await awardShiftsFor(db, parsed.data, { unpublishedOnly: true });
  if (awards.length === 0) throw new AppError("CONFLICT", "There is no unpublished award for this period; run the award first.");
  return db.transaction(async (tx) => {
    const ids = await createDraftShifts(tx, shifts.map((s) => ({ agentId: s.agentId, siteId: s.siteId, start: s.start, end: s.end, skills: s.skills, breaks: s.breaks })));
    await markAwardsPublished(tx, awards.map((a) => a.id), new Date(now));
    await recordAudit(tx, actor, { action: "bid_award.published", entityType: "bid_period", entityId: `${parsed.data.start}..${parsed.data.end}`, details: { awards: awards.length, shifts: ids.length } }, requestId);
    return { awards: awards.length, shifts: ids.length };
  }).catch((e: unknown) => {
    // A concurrent writer booked the same agent at the same time (the database refused the commit).
    throw overlapConflictFrom(e) ?? e;
  });
}
