import "server-only";
import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import type { Db } from "../client";
import { agents, agentSkills, demand, shifts, sites, skills } from "../schema";
import type { Agent, Shift, ShiftStatus, Site, Skill } from "../../domain/types";
import type { CoverageGrid } from "../../domain/coverage";
import { INTERVAL_MS } from "../../domain/types";

/** Maps rows to the plain shapes the domain engines take. */

export async function getSites(db: Db): Promise<Site[]> {
  const rows = await db.select().from(sites).orderBy(asc(sites.id));
  return rows.map((r) => ({ id: r.id, name: r.name, timeZone: r.timeZone, laborRules: r.laborRules }));
}

export async function getSkills(db: Db): Promise<Skill[]> {
  const rows = await db.select().from(skills).orderBy(asc(skills.id));
  return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parentId, equivalenceGroup: r.equivalenceGroup }));
}

export async function getAgents(db: Db, options: { ids?: string[] } = {}): Promise<Agent[]> {
  if (options.ids && options.ids.length === 0) return [];
  const where = options.ids ? inArray(agents.id, options.ids) : undefined;
  const [agentRows, skillRows] = await Promise.all([
    db.select().from(agents).where(where).orderBy(asc(agents.id)),
    db
      .select()
      .from(agentSkills)
      .where(options.ids ? inArray(agentSkills.agentId, options.ids) : undefined),
  ]);
  const skillsByAgent = new Map<string, { skillId: string; proficiency: number }[]>();
  for (const s of skillRows) {
    const list = skillsByAgent.get(s.agentId) ?? [];
    list.push({ skillId: s.skillId, proficiency: s.proficiency });
    skillsByAgent.set(s.agentId, list);
  }
  return agentRows.map((a) => ({
    id: a.id,
    username: a.username,
    name: a.name,
    homeSiteId: a.homeSiteId,
    timeZone: a.timeZone,
    skills: (skillsByAgent.get(a.id) ?? []).sort((x, y) => x.skillId.localeCompare(y.skillId)),
    attributes: a.attributes,
    hireDate: a.hireDate,
    performanceRank: a.performanceRank,
    contractHoursPerWeek: a.contractHoursPerWeek,
    availability: a.availability,
  }));
}

export type ShiftRow = typeof shifts.$inferSelect;

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

/** Shifts overlapping [from, to), optionally of some agents, sites or statuses. */
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

/** Required agents per skill on the grid; intervals without a demand row are 0. */
export async function getRequiredOnGrid(db: Db, grid: CoverageGrid, options: { skillIds?: string[] } = {}): Promise<Map<string, Float64Array>> {
  const from = new Date(grid.start);
  const to = new Date(grid.start + grid.intervalCount * INTERVAL_MS);
  const conditions = [lt(demand.intervalStart, to), gt(demand.intervalStart, new Date(from.getTime() - 1))];
  if (options.skillIds) conditions.push(inArray(demand.skillId, options.skillIds));
  const rows = await db
    .select({ skillId: demand.skillId, intervalStart: demand.intervalStart, requiredAgents: demand.requiredAgents })
    .from(demand)
    .where(and(...conditions));
  const out = new Map<string, Float64Array>();
  for (const r of rows) {
    let arr = out.get(r.skillId);
    if (!arr) {
      arr = new Float64Array(grid.intervalCount);
      out.set(r.skillId, arr);
    }
    const i = Math.floor((r.intervalStart.getTime() - grid.start) / INTERVAL_MS);
    if (i >= 0 && i < grid.intervalCount) arr[i] = r.requiredAgents;
  }
  return out;
}
