import "server-only";
import { and, asc, eq, gt, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeCount, executeRows } from "../execute";
import { shifts } from "../schema";
import type { Shift, ShiftBreak, ShiftStatus, SkillProficiency } from "../../domain/types";
import type { ValidShiftRow } from "../../schemas/imports";

export type ShiftRow = typeof shifts.$inferSelect;

/** A stored shift as the domain engines take it. */
export function toDomainShift(r: ShiftRow): Shift {
  return {
    id: r.id,
    agentId: r.agentId,
    siteId: r.siteId,
    start: r.startsAt.getTime(),
    end: r.endsAt.getTime(),
    skills: r.skills,
    status: r.status,
    breaks: r.breaks,
    version: r.version,
  };
}

/** Shifts overlapping [from, to), optionally of some agents, sites or statuses, earliest first. */
export async function getShiftsOverlapping(
  db: Db,
  range: { from: Date; to: Date },
  options: { agentIds?: string[]; siteId?: string; statuses?: readonly ShiftStatus[] } = {},
): Promise<Shift[]> {
  const conditions = [lt(shifts.startsAt, range.to), gt(shifts.endsAt, range.from)];
  if (options.agentIds) conditions.push(inArray(shifts.agentId, options.agentIds));
  if (options.siteId) conditions.push(eq(shifts.siteId, options.siteId));
  if (options.statuses) conditions.push(inArray(shifts.status, [...options.statuses]));
  const rows = await db.select().from(shifts).where(and(...conditions)).orderBy(asc(shifts.startsAt));
  return rows.map(toDomainShift);
}

export async function getShiftsByIds(db: Db, ids: readonly string[]): Promise<Shift[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(shifts).where(inArray(shifts.id, [...ids]));
  return rows.map(toDomainShift);
}

/** The shift an agent starts at an instant (how planners name a shift in a file). */
export async function findShiftByAgentStart(db: Db, agentId: string, start: Date): Promise<{ id: string; version: number } | undefined> {
  const [row] = await db.select({ id: shifts.id, version: shifts.version }).from(shifts).where(and(eq(shifts.agentId, agentId), eq(shifts.startsAt, start))).limit(1);
  return row;
}

/** The first shift start at or after `from`, if any. */
export async function getFirstShiftStartFrom(db: Db, from: Date): Promise<Date | null> {
  const [first] = await db.select({ startsAt: shifts.startsAt }).from(shifts).where(gte(shifts.startsAt, from)).orderBy(asc(shifts.startsAt)).limit(1);
  return first?.startsAt ?? null;
}

export interface ScheduleSummaryRow {
  siteId: string;
  status: ShiftStatus;
  count: number;
  first: Date;
  last: Date;
  hours: number;
}

/** Shifts per site and status from `from` on, for the schedule summary. */
export async function getScheduleSummary(db: Db, from: Date): Promise<ScheduleSummaryRow[]> {
  return db
    .select({
      siteId: shifts.siteId,
      status: shifts.status,
      count: sql<number>`count(*)::int`,
      first: sql<Date>`min(${shifts.startsAt})`,
      last: sql<Date>`max(${shifts.endsAt})`,
      hours: sql<number>`coalesce(sum(extract(epoch from (${shifts.endsAt} - ${shifts.startsAt}))) / 3600, 0)::float8`,
    })
    .from(shifts)
    .where(gte(shifts.endsAt, from))
    .groupBy(shifts.siteId, shifts.status)
    .orderBy(shifts.siteId, shifts.status);
}

/**
 * Hands a shift from one agent to another if it is still at the version the caller saw
 * (optimistic concurrency). Returns false when someone changed it meanwhile.
 */
export async function moveShiftIfVersion(db: Db, shiftId: string, fromAgentId: string, toAgentId: string, version: number): Promise<boolean> {
  const updated = await db
    .update(shifts)
    .set({ agentId: toAgentId, version: sql`${shifts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(shifts.id, shiftId), eq(shifts.agentId, fromAgentId), eq(shifts.version, version)))
    .returning({ id: shifts.id });
  return updated.length === 1;
}

export interface ShiftEdit {
  skills?: SkillProficiency[];
  endsAt?: Date;
  breaks?: ShiftBreak[];
}

/** A planner's change to one shift, applied only at the version they saw; bumps the version. */
export async function editShiftIfVersion(db: Db, shiftId: string, version: number, edit: ShiftEdit, at: Date): Promise<boolean> {
  const updated = await db
    .update(shifts)
    .set({ ...edit, version: sql`${shifts.version} + 1`, updatedAt: at })
    .where(and(eq(shifts.id, shiftId), eq(shifts.version, version)))
    .returning({ id: shifts.id });
  return updated.length === 1;
}

export async function deleteShifts(db: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = await db.delete(shifts).where(inArray(shifts.id, [...ids])).returning({ id: shifts.id });
  return deleted.length;
}

/**
 * Inserts rows column by column: each column one array parameter, expanded by unnest, so a
 * chunk is one statement whatever its size and the database parses plain arrays rather than
 * a document per row (times as epoch milliseconds, exact; the few distinct skill and break
 * lists sent once each and picked by position). The caller has left out the rows already
 * stored (same agent, start and end), so a row colliding on that unique key here was stored
 * by a concurrent writer meanwhile and fails the statement. Returns how many were inserted.
 */
export async function insertImportedShifts(db: Db, rows: readonly ValidShiftRow[], importId: string, ids: OrderedIds): Promise<number> {
  const skills = new Distinct();
  const breaks = new Distinct();
  const skillsAt = rows.map((r) => skills.position(JSON.stringify(r.skills)));
  const breaksAt = rows.map((r) => breaks.position(JSON.stringify(r.breaks)));
  return executeCount(
    db,
    sql`
    insert into shifts (id, agent_id, site_id, starts_at, ends_at, status, skills, breaks, notes, import_id)
    select x.id, x.agent_id, x.site_id,
      'epoch'::timestamptz + x.start_ms * interval '1 millisecond',
      'epoch'::timestamptz + x.end_ms * interval '1 millisecond',
      x.status::shift_status, (${pgArray(skills.values)}::jsonb[])[x.skills_at], (${pgArray(breaks.values)}::jsonb[])[x.breaks_at], x.notes, ${importId}::uuid
    from unnest(
      ${pgArray(rows.map(() => ids.next()))}::uuid[], ${pgArray(rows.map((r) => r.agentId))}::text[], ${pgArray(rows.map((r) => r.siteId))}::text[],
      ${pgNumbers(rows.map((r) => r.start))}::bigint[], ${pgNumbers(rows.map((r) => r.end))}::bigint[],
      ${pgArray(rows.map((r) => r.status))}::text[], ${pgNumbers(skillsAt)}::int[], ${pgNumbers(breaksAt)}::int[],
      ${pgArray(rows.map((r) => r.notes))}::text[]
    ) as x(id, agent_id, site_id, start_ms, end_ms, status, skills_at, breaks_at, notes)`,
  );
}

/**
 * Ids for one big write in increasing order (UUID version 7: the write's millisecond, then a
 * counter, then random bits fixed for the write). Random ids would land all over the primary
 * key's index, a page read and split per row; these fill it at one edge. Unique within the
 * write by the counter, across writes by the time and the random part.
 */
export class OrderedIds {
  private readonly prefix: string;
  private readonly suffix: string;
  private count = 0;
  constructor(now: number, random: Uint8Array) {
    const t = now.toString(16).padStart(12, "0").slice(-12);
    this.prefix = `${t.slice(0, 8)}-${t.slice(8, 12)}-7`;
    this.suffix = Buffer.from(random.subarray(0, 6)).toString("hex");
  }
  next(): string {
    const c = this.count++;
    if (c >= 2 ** 24) throw new Error("OrderedIds: more than 16,777,216 ids in one write");
    const high = (c >>> 12).toString(16).padStart(3, "0");
    const low = (0x8000 | (c & 0xfff)).toString(16);
    return `${this.prefix}${high}-${low}-${this.suffix}`;
  }
}

/** Distinct values in first-seen order, each given its 1-based position (Postgres arrays count from 1). */
class Distinct {
  readonly values: string[] = [];
  private readonly at = new Map<string, number>();
  position(value: string): number {
    let p = this.at.get(value);
    if (p === undefined) this.at.set(value, (p = this.values.push(value)));
    return p;
  }
}

/** A Postgres array literal of texts, sent as one text parameter on either driver. */
function pgArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/[\\"]/g, "\\$&")}"`)).join(",")}}`;
}

function pgNumbers(values: readonly number[]): string {
  return `{${values.join(",")}}`;
}

/** Agents or sites an import names that are not (or no longer) stored. */
export interface MissingReferences {
  agentIds: string[];
  siteIds: string[];
}

/**
 * Writes a big batch of imported shifts with the foreign-key checks done once for the
 * batch instead of once per row, then `write` does the inserts. Per row, each of the
 * shifts table's three foreign keys runs "select 1 from agents where id = $1 for key share"
 * (and the same for sites and imports): 300,000 small queries for a 100,000-row file,
 * about a third of the embedded database's insert. Here the same
 * work is three statements: every agent, site and the import the batch names is locked
 * FOR KEY SHARE (so nobody can delete it or change its id until this transaction ends,
 * exactly the lock the per-row check takes), any that is missing refuses the batch, and
 * only then are the per-row reference triggers skipped for the inserts
 * (`session_replication_role = replica`, transaction-local, set back at once). The foreign
 * keys themselves stay declared and every other writer is checked row by row as before.
 *
 * Skipping triggers needs a superuser (always so on the embedded database) and a table
 * whose triggers replica mode would skip are only those reference checks and the
 * schedule-revision mark (a statement trigger, fired by a zero-row update after the write
 * so the revision still bumps at commit, queued after the no-overlap check). The
 * no-overlap guard is enabled ALWAYS (migration 0013), so replica mode cannot skip it.
 * Where anything else hangs on shifts, the rows go in with the per-row checks: same
 * result, slower. That test is made here on every call, so a trigger added later turns the
 * shortcut off rather than being skipped; tests/integration/imports-commit.test.ts holds
 * both cases.
 */
export async function writeImportedShiftsCheckedOnce(
  db: Db,
  refs: { agentIds: readonly string[]; siteIds: readonly string[]; importId: string },
  write: () => Promise<number>,
): Promise<{ inserted: number; missing: MissingReferences | null }> {
  const agentIds = [...new Set(refs.agentIds)];
  const siteIds = [...new Set(refs.siteIds)];
  const lockedAgents = await executeRows<{ id: string }>(
    db,
    sql`select id from agents where id in (select jsonb_array_elements_text(${JSON.stringify(agentIds)}::jsonb)) for key share`,
  );
  const lockedSites = await executeRows<{ id: string }>(
    db,
    sql`select id from sites where id in (select jsonb_array_elements_text(${JSON.stringify(siteIds)}::jsonb)) for key share`,
  );
  await executeRows(db, sql`select id from imports where id = ${refs.importId}::uuid for key share`);
  const haveAgents = new Set(lockedAgents.map((r) => r.id));
  const haveSites = new Set(lockedSites.map((r) => r.id));
  const missing = { agentIds: agentIds.filter((id) => !haveAgents.has(id)), siteIds: siteIds.filter((id) => !haveSites.has(id)) };
  if (missing.agentIds.length > 0 || missing.siteIds.length > 0) return { inserted: 0, missing };

  // Replica mode skips every trigger not enabled ALWAYS. It is taken only where those it
  // skips are the reference checks (done above, once) and the revision mark (fired below).
  const [ok] = await executeRows<{ superuser: string; mode: string; others: number }>(
    db,
    sql`select current_setting('is_superuser') as superuser, current_setting('session_replication_role') as mode,
      (select count(*)::int from pg_trigger t left join pg_constraint c on c.oid = t.tgconstraint
        where t.tgrelid = 'shifts'::regclass and t.tgenabled <> 'A'
          and (case when t.tgisinternal then c.contype is distinct from 'f' else t.tgname <> 'shifts_marks_schedule_revision' end)) as others`,
  );
  if (ok?.superuser !== "on" || ok.mode !== "origin" || ok.others !== 0) return { inserted: await write(), missing: null };
  await db.execute(sql`select set_config('session_replication_role', 'replica', true)`);
  let inserted: number;
  try {
    inserted = await write();
  } finally {
    // On failure the transaction is aborted and rolls the setting back itself.
    await db.execute(sql`select set_config('session_replication_role', 'origin', true)`).catch(() => undefined);
  }
  // The statement trigger replica mode skipped: marks this transaction's revision bump. After
  // the write, so the no-overlap check is queued first and runs first at commit.
  await db.execute(sql`update shifts set id = id where false`);
  return { inserted, missing: null };
}

export type NewShift = Omit<Shift, "id" | "version"> & { id?: string; version?: number; notes?: string | null };

/**
 * Inserts shifts as given (status included), 1,000 a statement; the caller has validated
 * them. An id is kept when given (the demo seed), else the database makes one. Returns
 * the stored ids in order.
 */
export async function insertShifts(db: Db, rows: readonly NewShift[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const out = await db
      .insert(shifts)
      .values(
        rows.slice(i, i + 1000).map((s) => ({
          ...(s.id ? { id: s.id } : {}),
          ...(s.version ? { version: s.version } : {}),
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

/**
 * Widens a DRAFT shift to [startsAt, endsAt) with its new breaks, only at the version seen and
 * only while it is still a draft (a published shift is never changed here); bumps the version.
 */
export async function extendDraftShiftIfVersion(db: Db, shiftId: string, version: number, edit: { startsAt: Date; endsAt: Date; breaks: ShiftBreak[] }, at: Date): Promise<boolean> {
  const updated = await db
    .update(shifts)
    .set({ ...edit, version: sql`${shifts.version} + 1`, updatedAt: at })
    .where(and(eq(shifts.id, shiftId), eq(shifts.version, version), eq(shifts.status, "DRAFT")))
    .returning({ id: shifts.id });
  return updated.length === 1;
}
