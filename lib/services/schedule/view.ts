import "server-only";
import { assertCan, can, siteScopeOf, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getSites, getSkills } from "../../db/queries/reference";
import {
  countScheduleAgents,
  getAgentSkillsOf,
  getAgentZones,
  getScheduleAgentPage,
  getScheduleDayTotals,
  getScheduleShifts,
  type ScheduleAgentFilter,
  type ScheduleDays,
} from "../../db/queries/schedule";
import { SkillCatalog } from "../../domain/skills";
import { addDays, localDateKey, startOfIsoWeek, startOfLocalDay } from "../../domain/time";
import { paidHours } from "../../domain/trades/hours";
import { AppError } from "../../errors";
import type { ScheduleQuery } from "../../schemas/schedule";
import type { ScheduleAgentRow, ScheduleDayTotal, ScheduleShift, ScheduleView } from "../../types/schedule";

/** Every real zone is within UTC−12…UTC+14: 15 h around UTC midnights brackets any zone's day. */
const ZONE_SLACK_MS = 15 * 3_600_000;
const ZONE_WITHOUT_SITE = "UTC";

/**
 * The schedule grid: one page of agents with their shifts in the range, their paid hours
 * against contract, and per-day totals over every matching agent.
 *
 * - Supervisors see the agents homed at their own sites, read-only; a site outside their
 *   scope is refused (SITE_FORBIDDEN), never silently emptied.
 * - A shift counts on the day it starts, in the grid's zone (the site's, or each agent's
 *   home zone). Bars overlapping the range from the day before are still drawn.
 * - Paid hours = span − unpaid breaks. Overtime is judged week by week (ISO weeks in the
 *   agent's home zone, whole weeks even when the range cuts one) against the contract.
 * - With a status chosen, bars, agent totals and day totals count that status only.
 * - `totals: false` skips the day totals (an empty list): the grid asks for them with its first
 *   page only, so a scrolled page costs only its own 50 agents.
 */
export async function getScheduleView(db: Db, query: ScheduleQuery, user: CurrentUser): Promise<ScheduleView> {
  assertCan(user, "schedule.read", query.siteId);
  const scope = siteScopeOf(user, "schedule.read");
  const [sites, skills] = await Promise.all([getSites(db), getSkills(db)]);
  const site = query.siteId ? sites.find((s) => s.id === query.siteId) : undefined;
  if (query.siteId && !site) throw new AppError("VALIDATION", `Unknown site "${query.siteId}".`);

  const filter: ScheduleAgentFilter = { homeSiteIds: site ? [site.id] : scope, status: query.status, search: query.q || undefined };
  if (query.skillId) {
    const catalog = new SkillCatalog(skills);
    if (!catalog.has(query.skillId)) throw new AppError("VALIDATION", `Unknown skill "${query.skillId}".`);
    // Agents holding the skill or a child of it serve it (DOMAIN: coverage, skills).
    filter.skillIds = catalog.ids().filter((held) => catalog.satisfies(held, query.skillId!, { equivalences: false }));
  }
  if (query.attribute) {
    const at = query.attribute.indexOf("=");
    filter.attribute = { key: query.attribute.slice(0, at).trim(), value: query.attribute.slice(at + 1).trim() };
  }

  // One scoped site without a choice is still one named zone.
  const zoneSite = site ?? (scope?.length === 1 ? sites.find((s) => s.id === scope[0]) : undefined);
  const zone = query.zoneMode === "agent" ? null : (zoneSite?.timeZone ?? ZONE_WITHOUT_SITE);
  const toExclusive = addDays(query.from, query.days);
  const dayKeys = Array.from({ length: query.days }, (_, i) => addDays(query.from, i));
  const zones = zone ? [zone] : await getAgentZones(db);
  const days: ScheduleDays = {
    count: query.days,
    zones: zones.map((z) => ({ zone: z, bounds: [...dayKeys, toExclusive].map((d) => new Date(startOfLocalDay(d, z))) })),
    perAgentZone: zone === null,
    coarseFrom: new Date(Date.parse(query.from) - ZONE_SLACK_MS),
    coarseTo: new Date(Date.parse(toExclusive) + ZONE_SLACK_MS),
  };

  const [page, totals] = await Promise.all([
    getScheduleAgentPage(db, filter, days, { sort: query.sort, offset: query.offset, limit: query.limit }),
    query.totals ? getScheduleDayTotals(db, filter, days) : Promise.resolve(null),
  ]);
  const totalAgents = page[0]?.total ?? (query.offset > 0 ? await countScheduleAgents(db, filter, days) : 0);

  // Whole ISO weeks around the range, so overtime is judged on complete weeks.
  const weeksFrom = Date.parse(startOfIsoWeek(query.from)) - ZONE_SLACK_MS;
  const weeksTo = Date.parse(addDays(startOfIsoWeek(addDays(toExclusive, -1)), 7)) + ZONE_SLACK_MS;
  const ids = page.map((a) => a.id);
  const [shiftRows, skillsByAgent] = await Promise.all([
    getScheduleShifts(db, ids, { from: new Date(weeksFrom), to: new Date(weeksTo) }, query.status),
    getAgentSkillsOf(db, ids),
  ]);
  const shiftsByAgent = new Map<string, ScheduleShift[]>();
  for (const s of shiftRows) {
    const list = shiftsByAgent.get(s.agentId) ?? [];
    list.push(s);
    shiftsByAgent.set(s.agentId, list);
  }

  const rows: ScheduleAgentRow[] = page.map((a) => {
    const rowZone = zone ?? a.timeZone;
    const start = startOfLocalDay(query.from, rowZone);
    const end = startOfLocalDay(toExclusive, rowZone);
    const loaded = shiftsByAgent.get(a.id) ?? [];
    const contract = Number(a.contractHoursPerWeek);
    let paid = 0;
    const weeks = new Set<string>();
    for (const s of loaded) {
      if (s.start < start || s.start >= end) continue;
      paid += paidHours(s);
      weeks.add(startOfIsoWeek(localDateKey(s.start, a.timeZone)));
    }
    const weekHours = new Map<string, number>();
    for (const s of loaded) {
      const week = startOfIsoWeek(localDateKey(s.start, a.timeZone));
      if (weeks.has(week)) weekHours.set(week, (weekHours.get(week) ?? 0) + paidHours(s));
    }
    let overtime = 0;
    for (const h of weekHours.values()) overtime += Math.max(0, h - contract);
    return {
      agentId: a.id,
      name: a.name,
      homeSiteId: a.homeSiteId,
      timeZone: a.timeZone,
      skills: skillsByAgent.get(a.id) ?? [],
      attributes: typeof a.attributes === "string" ? (JSON.parse(a.attributes) as Record<string, string>) : a.attributes,
      contractHoursPerWeek: contract,
      paidHours: round2(paid),
      overtimeHours: round2(overtime),
      shifts: loaded.filter((s) => s.end > start && s.start < end),
    };
  });

  const byDay = new Map((totals ?? []).map((t) => [Number(t.day), t]));
  const dayTotals: ScheduleDayTotal[] = !totals ? [] : dayKeys.map((date, i) => {
    const t = byDay.get(i);
    return { date, shifts: t ? Number(t.shifts) : 0, agents: t ? Number(t.agents) : 0, paidHours: t ? round2(Number(t.paidHours)) : 0 };
  });

  return {
    from: query.from,
    to: addDays(toExclusive, -1),
    days: dayKeys,
    zoneMode: query.zoneMode,
    zone,
    totalAgents,
    offset: query.offset,
    limit: query.limit,
    rows,
    dayTotals,
    canEdit: can(user, "schedule.edit"),
  };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
