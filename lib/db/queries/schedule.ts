import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute";
import type { ShiftBreak, ShiftStatus, SkillProficiency } from "../../domain/types";
import type { ScheduleShift } from "../../types/schedule";

/**
 * The schedule grid's reads: one page of agents (filtered, sorted, paged in SQL), their
 * shifts, and per-day totals over every matching agent. Set-based: three statements
 * whatever the page size, never one per agent.
 *
 * A shift counts on the day it starts. Days are cut either in one zone (the site's) or in
 * each agent's home zone: the service passes each zone's local midnights, so SQL compares
 * instants only and PGlite and a Postgres server answer alike.
 */

export interface ScheduleAgentFilter {
  /** Agents whose home site is one of these; null for every site. */
  homeSiteIds: readonly string[] | null;
  /** Agents holding one of these skills (the chosen skill and the skills that serve it). */
  skillIds?: readonly string[];
  attribute?: { key: string; value: string };
  /** Part of the agent's name, id or username, any case. */
  search?: string;
  /** Only shifts of this status count (and only agents with one in the range are listed). */
  status?: ShiftStatus;
}

export interface ScheduleDays {
  /** How many days the range has. */
  count: number;
  /**
   * Local midnights per zone: bounds[i] begins day i, bounds[count] ends the range. One
   * entry (and `perAgentZone` false) when every row is cut in the site's zone.
   */
  zones: { zone: string; bounds: Date[] }[];
  /** Cut each agent's days in their home zone (join on agents.time_zone). */
  perAgentZone: boolean;
  /** Instants certainly around every zone's days (± 15 h), so the index narrows first. */
  coarseFrom: Date;
  coarseTo: Date;
}

export type ScheduleSortKey = "agent" | "start" | "hours";

export interface ScheduleAgentPageRow extends Record<string, unknown> {
  id: string;
  name: string;
  homeSiteId: string;
  timeZone: string;
  attributes: Record<string, string>;
  contractHoursPerWeek: number;
  total: number;
}

export interface ScheduleDayTotalRow extends Record<string, unknown> {
  day: number;
  shifts: number;
  agents: number;
  paidHours: number;
}


/** Seconds of a stored shift the agent is paid for: its span minus unpaid breaks. */
const PAID_SECONDS = sql.raw(`(extract(epoch from (s.ends_at - s.starts_at))
  - 60 * coalesce((select sum((b->>'durationMinutes')::int) from jsonb_array_elements(s.breaks) b
                   where not coalesce((b->>'paid')::boolean, false)), 0))`);

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A Postgres array literal of instants, passed as one text parameter (both drivers read it alike). */
function instantArray(bounds: readonly Date[]): string {
  return `{${bounds.map((b) => `"${b.toISOString()}"`).join(",")}}`;
}

/**
 * The matching agents with their day bounds (`bounds`, a timestamptz[]): local midnights
 * precomputed per zone, so a shift's day is one width_bucket instead of a zone conversion
 * per row.
 */
function matchedAgents(filter: ScheduleAgentFilter, days: ScheduleDays): SQL {
  const zones = sql.join(
    days.zones.map((z) => sql`(${z.zone}::text, ${instantArray(z.bounds)}::timestamptz[])`),
    sql`, `,
  );
  const where: SQL[] = [sql`a.active`];
  if (filter.homeSiteIds) {
    if (filter.homeSiteIds.length === 0) where.push(sql`false`);
    else where.push(sql`a.home_site_id in (${sql.join(filter.homeSiteIds.map((id) => sql`${id}`), sql`, `)})`);
  }
  if (filter.skillIds) {
    if (filter.skillIds.length === 0) where.push(sql`false`);
    else
      where.push(
        sql`exists (select 1 from agent_skills k where k.agent_id = a.id and k.skill_id in (${sql.join(
          filter.skillIds.map((id) => sql`${id}`),
          sql`, `,
        )}))`,
      );
  }
  if (filter.attribute) where.push(sql`a.attributes ->> ${filter.attribute.key} = ${filter.attribute.value}`);
  if (filter.search) {
    const like = `%${escapeLike(filter.search)}%`;
    where.push(sql`(a.name ilike ${like} or a.id ilike ${like} or a.username ilike ${like})`);
  }
  return sql`select a.id, a.name, a.home_site_id, a.time_zone, a.attributes, a.contract_hours_per_week, z.bounds
    from agents a join (values ${zones}) as z(zone, bounds) on ${days.perAgentZone ? sql`z.zone = a.time_zone` : sql`true`}
    where ${sql.join(where, sql` and `)}`;
}

/** Shifts of the matched agents (`m`) that start in each one's counting window. */
function shiftsInWindow(filter: ScheduleAgentFilter, days: ScheduleDays): SQL {
  const status = filter.status ? sql` and s.status = ${filter.status}::shift_status` : sql``;
  return sql`join shifts s on s.agent_id = m.id
      and s.starts_at >= ${days.coarseFrom.toISOString()}::timestamptz and s.starts_at < ${days.coarseTo.toISOString()}::timestamptz
      and s.starts_at >= m.bounds[1] and s.starts_at < m.bounds[${sql.raw(String(days.count + 1))}]${status}`;
}

/**
 * One page of the matching agents, sorted: by name; by their first shift start in the
 * range (agents without one last); or by paid hours in the range, most first. `total`
 * on every row is the count before paging.
 */
export async function getScheduleAgentPage(
  db: Db,
  filter: ScheduleAgentFilter,
  days: ScheduleDays,
  page: { sort: ScheduleSortKey; offset: number; limit: number },
): Promise<ScheduleAgentPageRow[]> {
  // Sorting by name needs no shift figures unless the status filter narrows the agents.
  const needStats = page.sort !== "agent" || !!filter.status;
  const stats = needStats
    ? sql`, st as (
        select s.agent_id, min(s.starts_at) as first_start, sum(${PAID_SECONDS}) as paid
        from m ${shiftsInWindow(filter, days)}
        group by s.agent_id)`
    : sql``;
  const join = needStats ? sql`${filter.status ? sql`join` : sql`left join`} st on st.agent_id = m.id` : sql``;
  const order =
    page.sort === "start"
      ? sql`st.first_start asc nulls last, m.name collate "C", m.id`
      : page.sort === "hours"
        ? sql`coalesce(st.paid, 0) desc, m.name collate "C", m.id`
        : sql`m.name collate "C", m.id`;
  return executeRows<ScheduleAgentPageRow>(
    db,
    sql`with m as (${matchedAgents(filter, days)})${stats}
    select m.id, m.name, m.home_site_id as "homeSiteId", m.time_zone as "timeZone", m.attributes,
      m.contract_hours_per_week::float8 as "contractHoursPerWeek", (count(*) over ())::int as total
    from m ${join}
    order by ${order}
    limit ${page.limit} offset ${page.offset}`,
  );
}

/** How many agents match (for a page past the end, where no row carries the total). */
export async function countScheduleAgents(db: Db, filter: ScheduleAgentFilter, days: ScheduleDays): Promise<number> {
  const statusJoin = filter.status ? sql`where exists (select 1 from shifts s where s.agent_id = m.id
      and s.starts_at >= ${days.coarseFrom.toISOString()}::timestamptz and s.starts_at < ${days.coarseTo.toISOString()}::timestamptz
      and s.starts_at >= m.bounds[1] and s.starts_at < m.bounds[${sql.raw(String(days.count + 1))}] and s.status = ${filter.status}::shift_status)` : sql``;
  const [row] = await executeRows<{ n: number }>(db, sql`with m as (${matchedAgents(filter, days)}) select count(*)::int as n from m ${statusJoin}`);
  return row?.n ?? 0;
}

/**
 * Shifts, agents and paid hours per day over every matching agent; `day` is the day's
 * index in the range (0 = the first), by where the shift starts in the grid's zone.
 */
export async function getScheduleDayTotals(db: Db, filter: ScheduleAgentFilter, days: ScheduleDays): Promise<ScheduleDayTotalRow[]> {
  return executeRows<ScheduleDayTotalRow>(
    db,
    sql`with m as (${matchedAgents(filter, days)})
    select width_bucket(s.starts_at, m.bounds) - 1 as day, count(*)::int as shifts,
      count(distinct s.agent_id)::int as agents, (sum(${PAID_SECONDS}) / 3600)::float8 as "paidHours"
    from m ${shiftsInWindow(filter, days)}
    group by 1 order by 1`,
  );
}

/** The distinct home zones of active agents (the grid cuts days in each in "agent" mode). */
export async function getAgentZones(db: Db): Promise<string[]> {
  const rows = await executeRows<{ zone: string }>(db, sql`select distinct time_zone as zone from agents where active order by 1`);
  return rows.map((r) => r.zone);
}

interface RawShift extends Record<string, unknown> {
  id: string;
  agentId: string;
  siteId: string;
  startsAt: Date | string;
  endsAt: Date | string;
  status: ShiftStatus;
  breaks: ShiftBreak[] | string;
  skills: SkillProficiency[] | string;
  version: number;
  changedSincePublish: boolean;
  importId: string | null;
}

const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

/** The shifts of some agents overlapping [from, to), by agent then start. */
export async function getScheduleShifts(db: Db, agentIds: readonly string[], range: { from: Date; to: Date }, status?: ShiftStatus): Promise<ScheduleShift[]> {
  if (agentIds.length === 0) return [];
  const rows = await executeRows<RawShift>(
    db,
    sql`select s.id, s.agent_id as "agentId", s.site_id as "siteId", s.starts_at as "startsAt", s.ends_at as "endsAt",
      s.status, s.breaks, s.skills, s.version, s.changed_since_publish as "changedSincePublish", s.import_id as "importId"
    from shifts s
    where s.agent_id = any(${`{${agentIds.map((id) => `"${id.replace(/["\\]/g, "")}"`).join(",")}}`}::text[])
      and s.starts_at < ${range.to.toISOString()}::timestamptz and s.ends_at > ${range.from.toISOString()}::timestamptz
      ${status ? sql`and s.status = ${status}::shift_status` : sql``}
    order by s.agent_id, s.starts_at`,
  );
  return rows.map((r) => ({
    id: r.id,
    agentId: r.agentId,
    siteId: r.siteId,
    start: new Date(r.startsAt).getTime(),
    end: new Date(r.endsAt).getTime(),
    status: r.status,
    breaks: json(r.breaks),
    skills: json(r.skills),
    version: Number(r.version),
    changedSincePublish: !!r.changedSincePublish,
    importId: r.importId,
  }));
}

/** The skills of some agents, by agent. */
export async function getAgentSkillsOf(db: Db, agentIds: readonly string[]): Promise<Map<string, SkillProficiency[]>> {
  const out = new Map<string, SkillProficiency[]>();
  if (agentIds.length === 0) return out;
  const rows = await executeRows<{ agentId: string; skillId: string; proficiency: number }>(
    db,
    sql`select agent_id as "agentId", skill_id as "skillId", proficiency from agent_skills
      where agent_id in (${sql.join(agentIds.map((id) => sql`${id}`), sql`, `)}) order by agent_id, skill_id`,
  );
  for (const r of rows) {
    const list = out.get(r.agentId) ?? [];
    list.push({ skillId: r.skillId, proficiency: Number(r.proficiency) });
    out.set(r.agentId, list);
  }
  return out;
}

/** Attribute keys and their values over active agents (at most 50 values a key), for the filter. */
export async function getAgentAttributeValues(db: Db): Promise<{ key: string; values: string[] }[]> {
  const rows = await executeRows<{ key: string; value: string }>(
    db,
    sql`select distinct e.key, e.value from agents a, jsonb_each_text(a.attributes) e where a.active order by e.key, e.value`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.key) ?? [];
    if (list.length < 50) list.push(r.value);
    out.set(r.key, list);
  }
  return [...out].map(([key, values]) => ({ key, values }));
}
