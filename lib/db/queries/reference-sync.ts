import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { agents, agentSkills, skills } from "../schema";
import type { OurReference, ReferencePlan } from "../../domain/reference-sync";

/** Our agents (with active and skills) and skills, as the CXone reference sync compares them. */
export async function getReferenceForSync(db: Db): Promise<OurReference> {
  const [agentRows, skillRows, links] = await Promise.all([
    db.select({ id: agents.id, username: agents.username, name: agents.name, active: agents.active }).from(agents).orderBy(asc(agents.id)),
    db.select({ id: skills.id, name: skills.name }).from(skills).orderBy(asc(skills.id)),
    db.select().from(agentSkills),
  ]);
  const byAgent = new Map<string, { skillId: string; proficiency: number }[]>();
  for (const l of links) byAgent.set(l.agentId, [...(byAgent.get(l.agentId) ?? []), { skillId: l.skillId, proficiency: l.proficiency }]);
  return { agents: agentRows.map((a) => ({ ...a, skills: byAgent.get(a.id) ?? [] })), skills: skillRows };
}

/** The next performance rank after everyone's (a new agent starts last). */
export async function nextPerformanceRank(db: Db): Promise<number> {
  const [r] = await db.select({ max: sql<number | null>`max(${agents.performanceRank})` }).from(agents);
  return Number(r?.max ?? 0) + 1;
}

/**
 * Writes a confirmed reference sync: new skills, renamed skills, new agents (home site and
 * defaults given by the caller), changed agents (name, active, the whole skill list). Run
 * inside the caller's transaction.
 */
export async function applyReferencePlan(
  db: Db,
  plan: ReferencePlan,
  newAgent: { homeSiteId: string; timeZone: string; hireDate: string; firstRank: number; contractHoursPerWeek: number },
): Promise<void> {
  if (plan.skillsToAdd.length > 0) await db.insert(skills).values(plan.skillsToAdd.map((s) => ({ id: s.id, name: s.name })));
  for (const s of plan.skillsToRename) await db.update(skills).set({ name: s.to }).where(eq(skills.id, s.id));
  if (plan.agentsToAdd.length > 0) {
    await db.insert(agents).values(
      plan.agentsToAdd.map((a, i) => ({
        id: a.id,
        username: a.username,
        name: a.name,
        homeSiteId: newAgent.homeSiteId,
        timeZone: newAgent.timeZone,
        attributes: { source: "cxone" },
        hireDate: newAgent.hireDate,
        performanceRank: newAgent.firstRank + i,
        contractHoursPerWeek: newAgent.contractHoursPerWeek,
        availability: [],
        active: a.active,
      })),
    );
    const links = plan.agentsToAdd.flatMap((a) => a.skills.map((s) => ({ agentId: a.id, skillId: s.skillId, proficiency: s.proficiency })));
    if (links.length > 0) await db.insert(agentSkills).values(links);
  }
  for (const a of plan.agentsToChange) {
    const { name, active, skills: list } = a.set;
    if (name !== undefined || active !== undefined) await db.update(agents).set({ ...(name !== undefined ? { name } : {}), ...(active !== undefined ? { active } : {}) }).where(eq(agents.id, a.id));
    if (list) {
      await db.delete(agentSkills).where(eq(agentSkills.agentId, a.id));
      if (list.length > 0) await db.insert(agentSkills).values(list.map((s) => ({ agentId: a.id, skillId: s.skillId, proficiency: s.proficiency })));
    }
  }
}
