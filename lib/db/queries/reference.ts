import "server-only";
import { and, asc, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { agents, agentSkills, sites, skills } from "../schema";
import type { Agent, Site, Skill } from "../../domain/types";

/** Sites, skills and agents: the reference data every engine reads, mapped to the domain shapes. */

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

/** Names and home sites of some agents (the review queue shows them). */
export async function getAgentNames(db: Db, ids: readonly string[]): Promise<{ id: string; name: string; homeSiteId: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: agents.id, name: agents.name, homeSiteId: agents.homeSiteId }).from(agents).where(inArray(agents.id, [...ids]));
}

export async function countSites(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(sites);
  return row.n;
}

/** The demo seed: sites, skills (parents first), agents with their skills. */
export async function insertReferenceData(db: Db, data: { sites: readonly Site[]; skills: readonly Skill[]; agents: readonly Agent[] }): Promise<void> {
  await db.insert(sites).values(data.sites.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone, laborRules: s.laborRules })));
  // Parents first, so the hierarchy reads top-down in the table.
  const ordered = [...data.skills].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  await db.insert(skills).values(ordered.map((s) => ({ id: s.id, name: s.name, parentId: s.parentId, equivalenceGroup: s.equivalenceGroup })));
  for (let i = 0; i < data.agents.length; i += 500) {
    await db.insert(agents).values(
      data.agents.slice(i, i + 500).map((a) => ({
        id: a.id,
        username: a.username,
        name: a.name,
        homeSiteId: a.homeSiteId,
        timeZone: a.timeZone,
        attributes: a.attributes,
        hireDate: a.hireDate,
        performanceRank: a.performanceRank,
        contractHoursPerWeek: a.contractHoursPerWeek,
        availability: a.availability,
      })),
    );
  }
  const skillRows = data.agents.flatMap((a) => a.skills.map((s) => ({ agentId: a.id, skillId: s.skillId, proficiency: s.proficiency })));
  for (let i = 0; i < skillRows.length; i += 1000) await db.insert(agentSkills).values(skillRows.slice(i, i + 1000));
}

/**
 * One page of agents in id order after `afterId`, optionally of some home sites, with their
 * skills: the API's agent list (keyset paging, so a page costs the same wherever it is).
 */
export async function getAgentsPage(db: Db, options: { afterId: string | null; limit: number; siteIds: readonly string[] | null }): Promise<Agent[]> {
  const conditions = [options.afterId !== null ? gt(agents.id, options.afterId) : undefined, options.siteIds ? inArray(agents.homeSiteId, [...options.siteIds]) : undefined].filter(Boolean);
  if (options.siteIds && options.siteIds.length === 0) return [];
  const rows = await db
    .select({ id: agents.id })
    .from(agents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(agents.id))
    .limit(options.limit);
  return getAgents(db, { ids: rows.map((r) => r.id) });
}
