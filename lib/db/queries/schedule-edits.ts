import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { executeCount, executeRows } from "../execute";
import { auditLog, importReplacements, imports, shifts, tradeRequests } from "../schema";
import type { ShiftBreak, ShiftStatus, SkillProficiency } from "../../domain/types";

/**
 * The schedule editor's writes: one shift at a version, a publish, an import's undo, and
 * the reads they need. Every change bumps `version` (the one optimistic-concurrency
 * mechanism trades also use).
 */
export type StoredShift = typeof shifts.$inferSelect;

export async function getShiftRow(db: Db, id: string): Promise<StoredShift | undefined> {
  const [row] = await db.select().from(shifts).where(eq(shifts.id, id)).limit(1);
  return row;
}

export interface ShiftFields {
  agentId: string;
  siteId: string;
  startsAt: Date;
  endsAt: Date;
  status: ShiftStatus;
  skills: SkillProficiency[];
  breaks: ShiftBreak[];
}

export async function insertShiftRow(db: Db, fields: ShiftFields, at: Date): Promise<StoredShift> {
  const [row] = await db
    .insert(shifts)
    .values({ ...fields, publishedAt: fields.status === "PUBLISHED" ? at : null, createdAt: at, updatedAt: at })
    .returning();
  return row;
}

/**
 * Changes a shift only at the version the planner saw, bumping it. A shift that was
 * published (or already changed since) is marked changed-since-publish: the agents have
 * not seen this version. Returns the new row, or undefined when the version moved on.
 */
export async function updateShiftIfVersion(db: Db, id: string, version: number, fields: ShiftFields, at: Date): Promise<StoredShift | undefined> {
  const [row] = await db
    .update(shifts)
    .set({
      ...fields,
      version: sql`${shifts.version} + 1`,
      changedSincePublish: sql`(${shifts.status} = 'PUBLISHED' or ${shifts.changedSincePublish})`,
      updatedAt: at,
    })
    .where(and(eq(shifts.id, id), eq(shifts.version, version)))
    .returning();
  return row;
}

export async function deleteShiftIfVersion(db: Db, id: string, version: number): Promise<boolean> {
  const rows = await db.delete(shifts).where(and(eq(shifts.id, id), eq(shifts.version, version))).returning({ id: shifts.id });
  return rows.length === 1;
}

// ── Publish ──────────────────────────────────────────────────────────────────

export interface PublishFilter {
  from?: Date;
  to?: Date;
  siteId?: string;
  importId?: string;
  shiftIds?: readonly string[];
}

export interface PublishableShift {
  id: string;
  agentId: string;
  siteId: string;
  startsAt: Date;
  endsAt: Date;
  breaks: ShiftBreak[];
  skills: SkillProficiency[];
  importId: string | null;
}

/** What needs publishing in the selection: drafts, and published shifts changed since. */
function publishableWhere(f: PublishFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [or(eq(shifts.status, "DRAFT"), eq(shifts.changedSincePublish, true))];
  if (f.from) conditions.push(gte(shifts.startsAt, f.from));
  if (f.to) conditions.push(lt(shifts.startsAt, f.to));
  if (f.siteId) conditions.push(eq(shifts.siteId, f.siteId));
  if (f.importId) conditions.push(eq(shifts.importId, f.importId));
  if (f.shiftIds) conditions.push(sql`${shifts.id} in (select jsonb_array_elements_text(${JSON.stringify(f.shiftIds)}::jsonb)::uuid)`);
  return and(...conditions);
}

export async function getPublishableShifts(db: Db, f: PublishFilter): Promise<PublishableShift[]> {
  return db
    .select({ id: shifts.id, agentId: shifts.agentId, siteId: shifts.siteId, startsAt: shifts.startsAt, endsAt: shifts.endsAt, breaks: shifts.breaks, skills: shifts.skills, importId: shifts.importId })
    .from(shifts)
    .where(publishableWhere(f))
    .orderBy(asc(shifts.startsAt));
}

/** Publishes exactly these shifts if they still need it; returns how many did. */
export async function publishShiftRows(db: Db, ids: readonly string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  return executeCount(
    db,
    sql`update shifts set status = 'PUBLISHED', published_at = ${at.toISOString()}::timestamptz, changed_since_publish = false,
          version = version + 1, updated_at = ${at.toISOString()}::timestamptz
        where id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)
          and (status = 'DRAFT' or changed_since_publish)`,
  );
}

// ── Undo of an import ────────────────────────────────────────────────────────

export interface ImportUndoBlockers {
  /** Shifts of the import still stored. */
  stored: number;
  /** Shifts changed since the import beyond a publish (version − 1, less one if published), and the first of them. */
  edited: number;
  firstEdited: { id: string; agentId: string } | null;
  /** A trade request naming one of its shifts (open ones first, then approved), if any. */
  trade: { id: string; status: string; shiftId: string } | null;
}

/**
 * What stands in the way of undoing an import, counted in the database: a 100,000-row
 * import is judged without carrying its rows (or their ids) to the server.
 */
export async function getImportUndoBlockers(db: Db, importId: string): Promise<ImportUndoBlockers> {
  const [counts] = await executeRows<{ stored: number; edited: number; firstId: string | null; firstAgent: string | null }>(
    db,
    sql`select count(*)::int as stored,
          count(*) filter (where version - 1 - (case when published_at is null then 0 else 1 end) > 0)::int as edited,
          (array_agg(id::text order by starts_at) filter (where version - 1 - (case when published_at is null then 0 else 1 end) > 0))[1] as "firstId",
          (array_agg(agent_id order by starts_at) filter (where version - 1 - (case when published_at is null then 0 else 1 end) > 0))[1] as "firstAgent"
        from shifts where import_id = ${importId}::uuid`,
  );
  const [trade] = await executeRows<{ id: string; status: string; shiftId: string }>(
    db,
    // From the trades' side (few) to the shifts by key: no scan of the import's rows.
    sql`select id, status, "shiftId" from (
          select t.id, t.status::text as status, s.id as "shiftId", t.created_at
          from trade_requests t join shifts s on s.id = t.initiator_shift_id where s.import_id = ${importId}::uuid
          union all
          select t.id, t.status::text, s.id, t.created_at
          from trade_requests t join shifts s on s.id = t.receiver_shift_id where s.import_id = ${importId}::uuid
        ) x
        order by case when status in ('Unmatched', 'Matched', 'PendingReview') then 0 when status = 'Approved' then 1 else 2 end, created_at
        limit 1`,
  );
  return {
    stored: counts?.stored ?? 0,
    edited: counts?.edited ?? 0,
    firstEdited: counts?.firstId ? { id: counts.firstId, agentId: counts.firstAgent ?? "" } : null,
    trade: trade ?? null,
  };
}

/** Trade requests naming any of these shifts, with their status (a trade row keeps its shifts). */
export async function getTradesOnShifts(db: Db, shiftIds: readonly string[]): Promise<{ id: string; status: string; shiftId: string }[]> {
  if (shiftIds.length === 0) return [];
  const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(shiftIds)}::jsonb)::uuid)`;
  const rows = await db
    .select({ id: tradeRequests.id, status: tradeRequests.status, initiator: tradeRequests.initiatorShiftId, receiver: tradeRequests.receiverShiftId })
    .from(tradeRequests)
    .where(or(sql`${tradeRequests.initiatorShiftId} in ${ids}`, sql`${tradeRequests.receiverShiftId} in ${ids}`));
  const wanted = new Set(shiftIds);
  return rows.map((r) => ({ id: r.id, status: r.status, shiftId: wanted.has(r.initiator) ? r.initiator : (r.receiver ?? r.initiator) }));
}

/**
 * Holds off new and changed trade requests until the undo commits (SHARE mode blocks their
 * writes, not their reads), so the "no trade names these shifts" check that follows stays
 * true. Call first in the undo's transaction.
 */
export async function lockTradesForUndo(db: Db): Promise<void> {
  await db.execute(sql`lock table trade_requests in share mode`);
}

/**
 * Deletes the shifts an import added. With the trades locked and checked (above), the
 * per-row foreign-key checks against trade_requests can only pass, and they are what a
 * 100,000-row delete spends its time on (10 s of 10.5 s on PGlite); where the session may
 * (a superuser: the embedded database, a self-run server) they are skipped for this one
 * statement only (trade_requests is the only table that references shifts), else the
 * delete runs with them.
 */
export async function deleteImportShifts(db: Db, importId: string): Promise<number> {
  const [su] = await executeRows<{ on: boolean }>(db, sql`select current_setting('is_superuser') = 'on' as "on"`);
  if (!su?.on) return executeCount(db, sql`delete from shifts where import_id = ${importId}::uuid`);
  await db.execute(sql`set local session_replication_role = replica`);
  let deleted: number;
  try {
    deleted = await executeCount(db, sql`delete from shifts where import_id = ${importId}::uuid`);
  } finally {
    await db.execute(sql`set local session_replication_role = origin`);
  }
  // Replica mode also silenced the trigger that marks the transaction for a schedule
  // revision bump (coverage cache keys, migration 0010): mark it here, as that trigger
  // does, so the revision moves at commit and the cache cannot serve the undone shifts.
  if (deleted > 0) await db.execute(sql`insert into schedule_revision_pending (txid) values (txid_current()) on conflict do nothing`);
  return deleted;
}

/** Puts back the rows the import replaced, exactly as they were stored; returns how many. */
export async function restoreImportReplacements(db: Db, importId: string): Promise<{ restored: number }> {
  const restored = await executeCount(
    db,
    sql`insert into shifts
        select (jsonb_populate_record(null::shifts, r.shift)).* from import_replacements r where r.import_id = ${importId}::uuid`,
  );
  await db.delete(importReplacements).where(eq(importReplacements.importId, importId));
  return { restored };
}

/** Marks the import undone unless it already was; false when someone else undid it first. */
export async function markImportUndone(db: Db, importId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({ undoneAt: at })
    .where(and(eq(imports.id, importId), sql`${imports.undoneAt} is null`))
    .returning({ id: imports.id });
  return rows.length === 1;
}

// ── History ──────────────────────────────────────────────────────────────────

export interface AuditEntryRow {
  at: Date;
  actorLabel: string;
  action: string;
  details: Record<string, unknown>;
}

/** Audit entries about one shift, newest first: its own, and the publishes that named it. */
export async function getShiftAuditEntries(db: Db, shiftId: string, limit = 100): Promise<AuditEntryRow[]> {
  return db
    .select({ at: auditLog.at, actorLabel: auditLog.actorLabel, action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.entityType, "shift"), eq(auditLog.entityId, shiftId)),
        and(eq(auditLog.action, "schedule.published"), sql`${auditLog.details}->'shiftIds' @> ${JSON.stringify([shiftId])}::jsonb`),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** The audit entry of the import that created a shift (who imported it, when). */
export async function getImportAuditEntry(db: Db, importId: string): Promise<AuditEntryRow | undefined> {
  const [row] = await db
    .select({ at: auditLog.at, actorLabel: auditLog.actorLabel, action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "import"), eq(auditLog.entityId, importId), inArray(auditLog.action, ["import.shifts.committed"])))
    .limit(1);
  return row;
}

/** Trades that moved or name the shift (history shows them beside the audit). */
export async function getShiftTrades(db: Db, shiftId: string) {
  return db
    .select({ id: tradeRequests.id, status: tradeRequests.status, initiatorAgentId: tradeRequests.initiatorAgentId, receiverAgentId: tradeRequests.receiverAgentId, createdAt: tradeRequests.createdAt, decidedAt: tradeRequests.decidedAt })
    .from(tradeRequests)
    .where(or(eq(tradeRequests.initiatorShiftId, shiftId), eq(tradeRequests.receiverShiftId, shiftId)))
    .orderBy(desc(tradeRequests.createdAt));
}
