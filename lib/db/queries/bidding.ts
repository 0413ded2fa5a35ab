import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { agents, agentSkills, awards, bidLines, bidLocks, bidOutcomes, bids, bidScopes, users } from "../schema";
import type { Award, Bid, BidLine, BidOutcome, BidScope } from "../../domain/bidding/types";

/** Bid scopes, lines, bids, locks, outcomes and awards, mapped to the engine's shapes. */

export type ScopeRow = typeof bidScopes.$inferSelect;
export type StoredScope = BidScope & { updatedAt: string };
export type StoredLine = BidLine & { periodStart: string; periodEnd: string };
export type StoredBid = Bid & { updatedAt: string; lockExpiresAt: number | null };
export interface StoredAward extends Omit<Award, "via"> {
  id: string;
  via: Award["via"] | "manual";
  reason: string;
  publishedAt: string | null;
}

export function toScope(r: ScopeRow): StoredScope {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    locations: r.locations,
    skillGroups: r.skillGroups,
    bidderSites: r.bidderSites,
    users: r.users ?? null,
    eligibility: r.eligibility,
    period: { start: r.periodStart, end: r.periodEnd },
    window: r.window,
    constraints: r.constraints,
    priority: r.priority,
    wave: r.wave,
    lockDurationHours: r.lockDurationHours,
    autoRelease: r.autoRelease,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function scopeValues(s: Omit<BidScope, "id">) {
  return {
    name: s.name,
    status: s.status,
    locations: s.locations,
    skillGroups: s.skillGroups,
    bidderSites: s.bidderSites,
    users: s.users,
    eligibility: s.eligibility,
    periodStart: s.period.start,
    periodEnd: s.period.end,
    window: s.window,
    constraints: s.constraints,
    priority: s.priority,
    wave: s.wave,
    lockDurationHours: s.lockDurationHours,
    autoRelease: s.autoRelease,
  };
}

export async function listScopes(db: Db, options: { includeArchived?: boolean; ids?: string[] } = {}): Promise<StoredScope[]> {
  if (options.ids && options.ids.length === 0) return [];
  const conditions = [];
  if (!options.includeArchived) conditions.push(ne(bidScopes.status, "archived"));
  if (options.ids) conditions.push(inArray(bidScopes.id, options.ids));
  const rows = await db.select().from(bidScopes).where(and(...conditions)).orderBy(asc(bidScopes.periodStart), asc(bidScopes.wave), asc(bidScopes.name));
  return rows.map(toScope);
}

export async function getScope(db: Db, id: string): Promise<StoredScope | null> {
  const [row] = await db.select().from(bidScopes).where(eq(bidScopes.id, id)).limit(1);
  return row ? toScope(row) : null;
}

export async function insertScope(db: Db, scope: Omit<BidScope, "id">, userId: string | null): Promise<string> {
  const [row] = await db.insert(bidScopes).values({ ...scopeValues(scope), updatedBy: userId }).returning({ id: bidScopes.id });
  return row.id;
}

export async function updateScope(db: Db, id: string, scope: Omit<BidScope, "id">, userId: string | null): Promise<void> {
  await db.update(bidScopes).set({ ...scopeValues(scope), updatedBy: userId, updatedAt: new Date() }).where(eq(bidScopes.id, id));
}

export async function setScopeStatus(db: Db, ids: string[], status: BidScope["status"], userId: string | null): Promise<void> {
  if (ids.length === 0) return;
  await db.update(bidScopes).set({ status, updatedBy: userId, updatedAt: new Date() }).where(inArray(bidScopes.id, ids));
}

type LineRow = typeof bidLines.$inferSelect;
function toLine(r: LineRow): StoredLine {
  return { id: r.id, label: r.label, siteId: r.siteId, skillId: r.skillId, days: r.days, start: r.startLocal, end: r.endLocal, slots: r.slots, breaks: r.breaks, periodStart: r.periodStart, periodEnd: r.periodEnd };
}

/** Lines offered for a period (or every line when no period is given), optionally of some sites. */
export async function listLines(db: Db, options: { period?: { start: string; end: string }; siteIds?: string[] | null; ids?: string[] } = {}): Promise<StoredLine[]> {
  const conditions = [];
  if (options.period) conditions.push(eq(bidLines.periodStart, options.period.start), eq(bidLines.periodEnd, options.period.end));
  if (options.siteIds) conditions.push(inArray(bidLines.siteId, options.siteIds.length ? options.siteIds : ["\u0000"]));
  if (options.ids) conditions.push(inArray(bidLines.id, options.ids.length ? options.ids : ["00000000-0000-0000-0000-000000000000"]));
  const rows = await db.select().from(bidLines).where(and(...conditions)).orderBy(asc(bidLines.periodStart), asc(bidLines.siteId), asc(bidLines.label));
  return rows.map(toLine);
}

export async function insertLines(db: Db, lines: Omit<StoredLine, "id">[], userId: string | null): Promise<string[]> {
  if (lines.length === 0) return [];
  const rows = await db
    .insert(bidLines)
    .values(lines.map((l) => ({ label: l.label, siteId: l.siteId, skillId: l.skillId, periodStart: l.periodStart, periodEnd: l.periodEnd, days: l.days, startLocal: l.start, endLocal: l.end, slots: l.slots, breaks: l.breaks, createdBy: userId })))
    .returning({ id: bidLines.id });
  return rows.map((r) => r.id);
}

/** skill → sites where it is worked: from the lines offered and the agents who hold it. */
export async function getSkillSites(db: Db): Promise<Map<string, string[]>> {
  const [fromLines, fromAgents] = await Promise.all([
    db.selectDistinct({ skillId: bidLines.skillId, siteId: bidLines.siteId }).from(bidLines),
    db.selectDistinct({ skillId: agentSkills.skillId, siteId: agents.homeSiteId }).from(agentSkills).innerJoin(agents, eq(agents.id, agentSkills.agentId)),
  ]);
  const out = new Map<string, Set<string>>();
  for (const r of [...fromLines, ...fromAgents]) out.set(r.skillId, (out.get(r.skillId) ?? new Set()).add(r.siteId));
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/** Bids of some scopes (optionally of one agent), each with its lock. */
export async function listBids(db: Db, scopeIds: string[], options: { agentIds?: string[] } = {}): Promise<StoredBid[]> {
  if (scopeIds.length === 0 || options.agentIds?.length === 0) return [];
  const conditions = [inArray(bids.scopeId, scopeIds)];
  if (options.agentIds) conditions.push(inArray(bids.agentId, options.agentIds));
  const rows = await db
    .select({ bid: bids, lock: bidLocks })
    .from(bids)
    .leftJoin(bidLocks, and(eq(bidLocks.scopeId, bids.scopeId), eq(bidLocks.agentId, bids.agentId)))
    .where(and(...conditions))
    .orderBy(asc(bids.scopeId), asc(bids.agentId));
  return rows.map(({ bid, lock }) => ({
    agentId: bid.agentId,
    scopeId: bid.scopeId,
    preferences: bid.preferences,
    submittedAt: bid.submittedAt?.getTime() ?? null,
    lock: lock ? { lineId: lock.lineId, lockedAt: lock.lockedAt.getTime(), committedAt: lock.committedAt?.getTime() ?? null, releasedAt: lock.releasedAt?.getTime() ?? null } : null,
    lockExpiresAt: lock?.expiresAt.getTime() ?? null,
    updatedAt: bid.updatedAt.toISOString(),
  }));
}

export async function upsertBid(db: Db, bid: { scopeId: string; agentId: string; preferences: Bid["preferences"]; submittedAt: number | null }, userId: string | null): Promise<void> {
  const values = { preferences: bid.preferences, submittedAt: bid.submittedAt === null ? null : new Date(bid.submittedAt), enteredBy: userId, updatedAt: new Date() };
  await db
    .insert(bids)
    .values({ scopeId: bid.scopeId, agentId: bid.agentId, ...values })
    .onConflictDoUpdate({ target: [bids.scopeId, bids.agentId], set: values });
}

/** Takes (or replaces) the agent's lock in a scope. */
export async function upsertLock(db: Db, lock: { scopeId: string; agentId: string; lineId: string; lockedAt: number; expiresAt: number; committedAt: number | null }): Promise<void> {
  const values = { lineId: lock.lineId, lockedAt: new Date(lock.lockedAt), expiresAt: new Date(lock.expiresAt), committedAt: lock.committedAt === null ? null : new Date(lock.committedAt), releasedAt: null };
  await db.insert(bidLocks).values({ scopeId: lock.scopeId, agentId: lock.agentId, ...values }).onConflictDoUpdate({ target: [bidLocks.scopeId, bidLocks.agentId], set: values });
}

export async function commitLock(db: Db, scopeId: string, agentId: string, at: number): Promise<number> {
  const rows = await db
    .update(bidLocks)
    .set({ committedAt: new Date(at) })
    .where(and(eq(bidLocks.scopeId, scopeId), eq(bidLocks.agentId, agentId), isNull(bidLocks.committedAt), isNull(bidLocks.releasedAt)))
    .returning({ id: bidLocks.id });
  return rows.length;
}

/** Replaces the run's outcomes and non-manual, unpublished awards of these scopes. */
export async function replaceAwardRun(db: Db, scopeIds: string[], run: { jobId: string; outcomes: BidOutcome[]; awards: (Award & { reason: string })[] }): Promise<void> {
  if (scopeIds.length === 0) return;
  await db.delete(bidOutcomes).where(inArray(bidOutcomes.scopeId, scopeIds));
  await db.delete(awards).where(and(inArray(awards.scopeId, scopeIds), ne(awards.via, "manual")));
  for (let i = 0; i < run.outcomes.length; i += 500) {
    await db.insert(bidOutcomes).values(
      run.outcomes.slice(i, i + 500).map((o) => ({
        scopeId: o.scopeId,
        agentId: o.agentId,
        jobId: run.jobId,
        position: o.position,
        tier: o.tier,
        preferences: o.preferences as unknown as Record<string, unknown>[],
        lock: o.lock as unknown as Record<string, unknown> | null,
        explanation: o.explanation,
      })),
    );
  }
  for (let i = 0; i < run.awards.length; i += 500) {
    await db
      .insert(awards)
      .values(run.awards.slice(i, i + 500).map((a) => ({ scopeId: a.scopeId, agentId: a.agentId, lineId: a.lineId, wave: a.wave, via: a.via, reason: a.reason, jobId: run.jobId })))
      .onConflictDoNothing();
  }
}

export async function listOutcomes(db: Db, scopeIds: string[], options: { agentIds?: string[] } = {}) {
  if (scopeIds.length === 0) return [];
  const conditions = [inArray(bidOutcomes.scopeId, scopeIds)];
  if (options.agentIds) conditions.push(inArray(bidOutcomes.agentId, options.agentIds.length ? options.agentIds : ["\u0000"]));
  return db.select().from(bidOutcomes).where(and(...conditions)).orderBy(asc(bidOutcomes.scopeId), asc(bidOutcomes.position));
}

type AwardRow = typeof awards.$inferSelect;
const toAward = (r: AwardRow): StoredAward => ({ id: r.id, agentId: r.agentId, lineId: r.lineId, scopeId: r.scopeId, wave: r.wave, via: r.via, reason: r.reason, publishedAt: r.publishedAt?.toISOString() ?? null });

export async function listAwards(db: Db, scopeIds: string[], options: { agentIds?: string[] } = {}): Promise<StoredAward[]> {
  if (scopeIds.length === 0) return [];
  const conditions = [inArray(awards.scopeId, scopeIds)];
  if (options.agentIds) conditions.push(inArray(awards.agentId, options.agentIds.length ? options.agentIds : ["\u0000"]));
  const rows = await db.select().from(awards).where(and(...conditions)).orderBy(asc(awards.scopeId), asc(awards.wave), asc(awards.agentId));
  return rows.map(toAward);
}

export async function getAward(db: Db, id: string): Promise<StoredAward | null> {
  const [row] = await db.select().from(awards).where(eq(awards.id, id)).limit(1);
  return row ? toAward(row) : null;
}

export async function deleteAward(db: Db, id: string): Promise<void> {
  await db.delete(awards).where(eq(awards.id, id));
}

export async function insertManualAward(db: Db, a: { scopeId: string; agentId: string; lineId: string; wave: number; reason: string }, userId: string | null): Promise<string> {
  const [row] = await db.insert(awards).values({ ...a, via: "manual", adjustedBy: userId }).returning({ id: awards.id });
  return row.id;
}

export async function markAwardsPublished(db: Db, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(awards).set({ publishedAt: at }).where(inArray(awards.id, ids));
}

/** The agent an `agent` user is, or null. */
export async function getUserAgentId(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ agentId: users.agentId }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.agentId ?? null;
}

/** Known agent ids among these (for CSV imports naming agents). */
export async function existingAgentIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: agents.id }).from(agents).where(inArray(agents.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function countBidsByScope(db: Db): Promise<Map<string, { bids: number; submitted: number }>> {
  const rows = await db
    .select({ scopeId: bids.scopeId, n: sql<number>`count(*)::int`, submitted: sql<number>`count(${bids.submittedAt})::int` })
    .from(bids)
    .groupBy(bids.scopeId);
  return new Map(rows.map((r) => [r.scopeId, { bids: r.n, submitted: r.submitted }]));
}
