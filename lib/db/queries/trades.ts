import "server-only";
import { and, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute";
import { shifts, tradeDecisions, tradeRequests, tradeViolations, users } from "../schema";
import type { TradeViolation } from "../../domain/trades";

export type TradeRow = typeof tradeRequests.$inferSelect;
export type NewTradeRow = typeof tradeRequests.$inferInsert;
export type TradeStatus = TradeRow["status"];

/** The states in which a request still holds its shifts (it may yet be applied). */
export const OPEN_TRADE_STATUSES = ["Unmatched", "Matched", "PendingReview"] as const satisfies readonly TradeStatus[];

export async function getTrade(db: Db, id: string): Promise<TradeRow | undefined> {
  const [row] = await db.select().from(tradeRequests).where(eq(tradeRequests.id, id)).limit(1);
  return row;
}

/** Every trade waiting for a supervisor, oldest first. */
export async function getPendingTrades(db: Db): Promise<TradeRow[]> {
  return db.select().from(tradeRequests).where(eq(tradeRequests.status, "PendingReview")).orderBy(tradeRequests.createdAt);
}

export interface ApprovalRow {
  decidedAt: Date | null;
  /** Where the initiator's shift is worked. */
  siteId: string;
  initiatorAgentId: string;
  receiverAgentId: string;
  shiftStart: Date;
}

/** Trades approved since an instant, with the site and start of the initiator's shift. */
export async function getApprovalsSince(db: Db, since: Date): Promise<ApprovalRow[]> {
  return db
    .select({ decidedAt: tradeRequests.decidedAt, siteId: shifts.siteId, initiatorAgentId: tradeRequests.initiatorAgentId, receiverAgentId: tradeRequests.receiverAgentId, shiftStart: shifts.startsAt })
    .from(tradeRequests)
    .innerJoin(shifts, eq(shifts.id, tradeRequests.initiatorShiftId))
    .where(and(eq(tradeRequests.status, "Approved"), gte(tradeRequests.decidedAt, since)));
}

/** Trades approved at a site (by the initiator shift's site) since an instant. */
export async function countApprovalsAtSiteSince(db: Db, siteId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tradeRequests)
    .innerJoin(shifts, eq(shifts.id, tradeRequests.initiatorShiftId))
    .where(and(eq(tradeRequests.status, "Approved"), eq(shifts.siteId, siteId), gte(tradeRequests.decidedAt, since)));
  return row.n;
}

export async function insertTrade(db: Db, row: NewTradeRow): Promise<void> {
  await db.insert(tradeRequests).values(row);
}

export async function insertViolations(db: Db, tradeId: string, violations: readonly TradeViolation[]): Promise<void> {
  if (violations.length === 0) return;
  await db.insert(tradeViolations).values(
    violations.map((v) => ({ tradeId, type: v.type, policy: v.policy, params: v.params, message: v.message, shiftId: v.shiftId, agentId: v.agentId })),
  );
}

export async function deleteViolations(db: Db, tradeId: string): Promise<void> {
  await db.delete(tradeViolations).where(eq(tradeViolations.tradeId, tradeId));
}

export async function getViolations(db: Db, tradeIds: readonly string[]) {
  if (tradeIds.length === 0) return [];
  return db.select({ tradeId: tradeViolations.tradeId, type: tradeViolations.type, policy: tradeViolations.policy, message: tradeViolations.message }).from(tradeViolations).where(inArray(tradeViolations.tradeId, [...tradeIds]));
}

/**
 * Locks a trade row until the transaction ends and reads its state: a concurrent decision
 * waits here, then finds it decided.
 */
export async function lockTrade(db: Db, id: string): Promise<{ status: TradeStatus; version: number } | undefined> {
  const [row] = await executeRows<{ status: TradeStatus; version: number }>(db, sql`select status, version from trade_requests where id = ${id} for update`);
  return row;
}

/** One site's decision; false when that site has decided already (a unique index). */
export async function insertDecision(db: Db, row: { tradeId: string; siteId: string; userId: string; decision: "approve" | "reject"; comment: string | null; createdAt: Date }): Promise<boolean> {
  const inserted = await db
    .insert(tradeDecisions)
    .values(row)
    .onConflictDoNothing({ target: [tradeDecisions.tradeId, tradeDecisions.siteId] })
    .returning({ id: tradeDecisions.id });
  return inserted.length > 0;
}

/** Decisions on some trades, with the deciding user's email. */
export async function getDecisions(db: Db, tradeIds: readonly string[]) {
  if (tradeIds.length === 0) return [];
  return db
    .select({ tradeId: tradeDecisions.tradeId, siteId: tradeDecisions.siteId, decision: tradeDecisions.decision, comment: tradeDecisions.comment, at: tradeDecisions.createdAt, email: users.email })
    .from(tradeDecisions)
    .leftJoin(users, eq(users.id, tradeDecisions.userId))
    .where(inArray(tradeDecisions.tradeId, [...tradeIds]));
}

/** Moves a trade to a new state and bumps its version. */
export async function setTradeStatus(db: Db, id: string, status: TradeStatus, decidedAt: Date | null): Promise<void> {
  await db
    .update(tradeRequests)
    .set({ status, version: sql`${tradeRequests.version} + 1`, decidedAt })
    .where(eq(tradeRequests.id, id));
}

/** Open requests whose expiry has passed become Expired; returns their ids. */
export async function expireTradesBefore(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .update(tradeRequests)
    .set({ status: "Expired", decidedAt: now, version: sql`${tradeRequests.version} + 1` })
    .where(and(inArray(tradeRequests.status, [...OPEN_TRADE_STATUSES]), lt(tradeRequests.expiresAt, now)))
    .returning({ id: tradeRequests.id });
  return rows.map((r) => r.id);
}

/** Whether any open request names one of these shifts (they may not be replaced then). */
export async function anyOpenTradeOnShifts(db: Db, shiftIds: readonly string[]): Promise<boolean> {
  if (shiftIds.length === 0) return false;
  const rows = await db
    .select({ id: tradeRequests.id })
    .from(tradeRequests)
    .where(
      and(
        inArray(tradeRequests.status, [...OPEN_TRADE_STATUSES]),
        sql`(${tradeRequests.initiatorShiftId} in ${shiftIds} or ${tradeRequests.receiverShiftId} in ${shiftIds})`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export interface TradeHistoryQuery {
  /** Only trades whose initiator shift is worked at one of these sites. */
  siteIds?: readonly string[];
  siteId?: string;
  status?: TradeStatus;
  agentId?: string;
  limit: number;
}

/** Trades newest first, with the site and times of the initiator's shift. */
export async function getTradeHistoryRows(db: Db, q: TradeHistoryQuery) {
  const conditions = [];
  if (q.siteIds) conditions.push(inArray(shifts.siteId, q.siteIds.length ? [...q.siteIds] : ["-"]));
  if (q.siteId) conditions.push(eq(shifts.siteId, q.siteId));
  if (q.status) conditions.push(eq(tradeRequests.status, q.status));
  if (q.agentId) conditions.push(or(eq(tradeRequests.initiatorAgentId, q.agentId), eq(tradeRequests.receiverAgentId, q.agentId)));
  return db
    .select({ t: tradeRequests, siteId: shifts.siteId, shiftStart: shifts.startsAt, shiftEnd: shifts.endsAt })
    .from(tradeRequests)
    .innerJoin(shifts, eq(shifts.id, tradeRequests.initiatorShiftId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(tradeRequests.createdAt))
    .limit(q.limit);
}

export interface TradePageQuery {
  /** Only trades whose initiator shift is worked at one of these sites (a supervisor's scope). */
  siteIds?: readonly string[];
  siteId?: string;
  status?: TradeStatus;
  /** The initiator shift starts at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
  /** Keyset: the page starts after this trade (newest first). */
  after?: { createdAt: string; id: string } | null;
  limit: number;
}

/**
 * One page of trades, newest first, keyed by (created_at to the millisecond, id) so a page
 * boundary survives trades filed meanwhile. Answers one row more than `limit` when there is a
 * next page. Each row carries the site and times of the initiator's shift.
 */
export async function getTradePage(db: Db, q: TradePageQuery) {
  const createdMs = sql`date_trunc('milliseconds', ${tradeRequests.createdAt})`;
  const conditions = [];
  if (q.siteIds) conditions.push(inArray(shifts.siteId, q.siteIds.length ? [...q.siteIds] : ["-"]));
  if (q.siteId) conditions.push(eq(shifts.siteId, q.siteId));
  if (q.status) conditions.push(eq(tradeRequests.status, q.status));
  if (q.from) conditions.push(gte(shifts.startsAt, q.from));
  if (q.to) conditions.push(lt(shifts.startsAt, q.to));
  if (q.after) conditions.push(sql`(${createdMs}, ${tradeRequests.id}) < (${q.after.createdAt}::timestamptz, ${q.after.id}::uuid)`);
  return db
    .select({ t: tradeRequests, siteId: shifts.siteId, shiftStart: shifts.startsAt, shiftEnd: shifts.endsAt })
    .from(tradeRequests)
    .innerJoin(shifts, eq(shifts.id, tradeRequests.initiatorShiftId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(createdMs), desc(tradeRequests.id))
    .limit(q.limit + 1);
}
