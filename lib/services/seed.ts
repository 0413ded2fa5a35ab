import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import * as t from "../db/schema";
import { generateDemo, type DemoData } from "../demo/generate";
import { demoBidding } from "../demo/bidding";
import { addDays, isoWeekday } from "../domain/time";
import { hashPassword } from "../auth/password";
import { recordAudit } from "./audit";

export const DEMO_PASSWORD = "shiftboard-demo";

export const DEMO_USERS = [
  { email: "planner@demo.local", name: "Pat Planner", role: "planner", siteIds: [] },
  { email: "supervisor.nyc@demo.local", name: "Sam Supervisor (NYC)", role: "supervisor", siteIds: ["NYC"] },
  { email: "supervisor.lon@demo.local", name: "Lee Supervisor (LON)", role: "supervisor", siteIds: ["LON"] },
  { email: "admin@demo.local", name: "Alex Admin", role: "admin", siteIds: [] },
] as const;

/** agent1001 → agent1001@demo.local: how a demo agent signs in. */
export function demoAgentEmail(username: string): string {
  return `${username}@demo.local`;
}

/** The Monday after `today` (YYYY-MM-DD): the demo's published week. */
export function nextMonday(today: string): string {
  return addDays(today, 8 - isoWeekday(today));
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(t.sites);
  return row.n === 0;
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Loads the demo contact center into an empty database in one transaction, so a failed
 * seed leaves nothing half-written.
 */
export async function seedDemo(db: Db, options: { weekStart: string; seed?: number }): Promise<DemoData> {
  const demo = generateDemo({ weekStart: options.weekStart, seed: options.seed });
  const hashed = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.insert(t.sites).values(demo.sites.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone, laborRules: s.laborRules })));
    // Parents first, so the hierarchy reads top-down in the table.
    const skills = [...demo.skills].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
    await tx.insert(t.skills).values(skills);
    await insertChunked(demo.agents, 500, (chunk) =>
      tx.insert(t.agents).values(
        chunk.map((a) => ({
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
      ),
    );
    await insertChunked(
      demo.agents.flatMap((a) => a.skills.map((s) => ({ agentId: a.id, skillId: s.skillId, proficiency: s.proficiency }))),
      1000,
      (chunk) => tx.insert(t.agentSkills).values(chunk),
    );
    await insertChunked(demo.shifts, 1000, (chunk) =>
      tx.insert(t.shifts).values(
        chunk.map((s) => ({
          id: s.id,
          agentId: s.agentId,
          siteId: s.siteId,
          startsAt: new Date(s.start),
          endsAt: new Date(s.end),
          status: s.status,
          skills: s.skills,
          breaks: s.breaks,
          version: s.version,
        })),
      ),
    );
    await insertChunked(demo.demand, 2000, (chunk) =>
      tx.insert(t.demand).values(chunk.map((d) => ({ skillId: d.skillId, intervalStart: new Date(d.intervalStart), requiredAgents: d.requiredAgents }))),
    );
    await tx.insert(t.staffingSettings).values(demo.skills.map((s) => ({ skillId: s.id })));
    for (const u of DEMO_USERS) {
      const [user] = await tx
        .insert(t.users)
        .values({ email: u.email, name: u.name, role: u.role, passwordHash: hashed })
        .returning({ id: t.users.id });
      if (u.siteIds.length) await tx.insert(t.userSiteScopes).values(u.siteIds.map((siteId) => ({ userId: user.id, siteId })));
    }
    // Every demo agent signs in as agent<n>@demo.local with the demo password. One hash for
    // all of them: hashing 300 passwords would make seeding take minutes.
    await insertChunked(demo.agents, 500, (chunk) =>
      tx.insert(t.users).values(chunk.map((a) => ({ email: demoAgentEmail(a.username), name: a.name, role: "agent" as const, passwordHash: hashed, agentId: a.id }))),
    );
    const bidding = demoBidding(demo.weekStart);
    await tx.insert(t.bidScopes).values(
      bidding.scopes.map((s) => ({
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
      })),
    );
    await tx.insert(t.bidLines).values(
      bidding.lines.map((l) => ({ label: l.label, siteId: l.siteId, skillId: l.skillId, periodStart: bidding.period.start, periodEnd: bidding.period.end, days: l.days, startLocal: l.start, endLocal: l.end, slots: l.slots, breaks: l.breaks })),
    );
    await recordAudit(tx as unknown as Db, {
      actor: { id: null, label: "System" },
      action: "demo.seeded",
      entityType: "system",
      details: { weekStart: demo.weekStart, agents: demo.agents.length, shifts: demo.shifts.length, demand: demo.demand.length },
    });
  });
  return demo;
}
