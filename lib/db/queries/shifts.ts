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
 * Inserts rows through one jsonb parameter expanded by jsonb_to_recordset: one statement
 * and one parameter per chunk instead of ten parameters per row, which is what keeps a
 * 100,000-row import within seconds on both drivers. Rows already stored (same agent,
 * start, end) are skipped by the unique index. Returns how many were inserted.
 */
export async function insertImportedShifts(db: Db, rows: readonly ValidShiftRow[], importId: string): Promise<number> {
  const payload = JSON.stringify(
    rows.map((r) => ({
      agent_id: r.agentId,
      site_id: r.siteId,
      starts_at: new Date(r.start).toISOString(),
      ends_at: new Date(r.end).toISOString(),
      status: r.status,
      skills: r.skills,
      breaks: r.breaks,
      notes: r.notes,
    })),
  );
  return executeCount(
    db,
    sql`
    insert into shifts (agent_id, site_id, starts_at, ends_at, status, skills, breaks, notes, import_id)
    select x.agent_id, x.site_id, x.starts_at, x.ends_at, x.status::shift_status, x.skills, x.breaks, x.notes, ${importId}::uuid
    from jsonb_to_recordset(${payload}::jsonb)
      as x(agent_id text, site_id text, starts_at timestamptz, ends_at timestamptz, status text, skills jsonb, breaks jsonb, notes text)
    on conflict (agent_id, starts_at, ends_at) do nothing`,
  );
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
 * whose only triggers are those reference checks and the schedule-revision mark (a
 * statement trigger, fired first by a zero-row update so the revision still bumps at
 * commit). Where anything else hangs on shifts, as the deferred no-overlap constraint's
 * recheck does on Postgres, the rows go in with the per-row checks: same result, slower.
 * That test is made here on every call, so a trigger added later turns the shortcut off
 * rather than being skipped; tests/integration/imports-commit.test.ts holds both cases.
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

  // Replica mode skips every trigger, and a deferrable constraint is rechecked at commit by
  // one: where the no-overlap exclusion constraint exists (Postgres with btree_gist), two
  // concurrent imports would both commit unchecked (tests/integration/imports.test.ts showed
  // it). So the per-row checks are skipped only where the shifts table's triggers are the
  // reference checks and the revision mark alone, which is the embedded database.
  const [ok] = await executeRows<{ superuser: string; mode: string; others: number }>(
    db,
    sql`select current_setting('is_superuser') as superuser, current_setting('session_replication_role') as mode,
      (select count(*)::int from pg_trigger t left join pg_constraint c on c.oid = t.tgconstraint
        where t.tgrelid = 'shifts'::regclass
          and (case when t.tgisinternal then c.contype is distinct from 'f' else t.tgname <> 'shifts_marks_schedule_revision' end)) as others`,
  );
  if (ok?.superuser !== "on" || ok.mode !== "origin" || ok.others !== 0) return { inserted: await write(), missing: null };
  // The statement trigger replica mode would skip: marks this transaction's revision bump.
  await db.execute(sql`update shifts set id = id where false`);
  await db.execute(sql`select set_config('session_replication_role', 'replica', true)`);
  try {
    return { inserted: await write(), missing: null };
  } finally {
    // On failure the transaction is aborted and rolls the setting back itself.
    await db.execute(sql`select set_config('session_replication_role', 'origin', true)`).catch(() => undefined);
  }
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

export interface OverlapPair {
  agentId: string;
  aStart: Date;
  aEnd: Date;
  bStart: Date;
  bEnd: Date;
}

/**
 * The first pair of overlapping shifts of one agent among `agentIds` inside the window,
 * if any. Writers call it inside their transaction, after writing: on the embedded
 * database (no btree_gist, one transaction at a time) it is the overlap guard; on Postgres
 * the exclusion constraint is, and this steps aside.
 *
 * Set-based: each agent's shifts in start order, each compared with the latest end of the
 * ones before it (a window function over the (agent, start, end) index), so a 100,000-row
 * import costs one sort, not a self-join of every shift with every other of its agent.
 */
export async function findOverlap(db: Db, agentIds: readonly string[], window: { from: Date; to: Date }): Promise<OverlapPair | null> {
  if (agentIds.length === 0) return null;
  // Where the exclusion constraint exists it refuses the commit itself; a check here would
  // only repeat its work.
  if (await hasNoOverlapConstraint(db)) return null;
  const from = window.from.toISOString();
  const to = window.to.toISOString();
  const [late] = await executeRows<{ id: string; agentId: string; bStart: string | Date; bEnd: string | Date }>(
    db,
    sql`
    select id, agent_id as "agentId", starts_at as "bStart", ends_at as "bEnd"
    from (
      select id, agent_id, starts_at, ends_at,
        max(ends_at) over (partition by agent_id order by starts_at, ends_at rows between unbounded preceding and 1 preceding) as reach
      from shifts
      where agent_id in (${sql.join(agentIds.map((id) => sql`${id}`), sql`, `)})
        and starts_at < ${to}::timestamptz and ends_at > ${from}::timestamptz
    ) s
    where reach > starts_at
    limit 1`,
  );
  if (!late) return null;
  // The earlier shift it runs into, for the message.
  const [early] = await executeRows<{ aStart: string | Date; aEnd: string | Date }>(
    db,
    sql`
    select starts_at as "aStart", ends_at as "aEnd" from shifts
    where agent_id = ${late.agentId} and id <> ${late.id}::uuid
      and starts_at <= ${new Date(late.bStart).toISOString()}::timestamptz and ends_at > ${new Date(late.bStart).toISOString()}::timestamptz
    order by starts_at limit 1`,
  );
  return {
    agentId: late.agentId,
    aStart: new Date(early?.aStart ?? late.bStart),
    aEnd: new Date(early?.aEnd ?? late.bEnd),
    bStart: new Date(late.bStart),
    bEnd: new Date(late.bEnd),
  };
}

async function hasNoOverlapConstraint(db: Db): Promise<boolean> {
  const rows = await executeRows<{ n: number }>(db, sql`select count(*)::int as n from pg_constraint where conname = 'shifts_no_overlap_per_agent'`);
  return (rows[0]?.n ?? 0) > 0;
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
