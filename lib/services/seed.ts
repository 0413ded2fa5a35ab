import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import * as t from "../db/schema";
import { generateDemo, type DemoData } from "../demo/generate";
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
    await tx.insert(t.bidScopes).values([
      {
        name: "NYC Sales — summer bid",
        locations: ["NYC"],
        skillGroups: ["SKILL_SALES", "SKILL_SALES_US"],
        users: null,
        window: { startOffsetSeconds: -1_209_600, endOffsetSeconds: -604_800, timeZone: "America/New_York" },
        constraints: { maxShiftsPerDay: 1, maxShiftsPerWeek: 5, requireAvailability: true, respectLaborRules: true },
        eligibility: [{ type: "attribute", operator: "equals", attributeName: "site_certification", attributeValue: "SITE_NYC_COMPLIANT" }],
        priority: { kind: "tenure", tieBreakers: ["hireDate", "performance", "bidTime", "agentId"] },
        wave: 1,
        lockTimeoutHours: 24,
        schedulePeriodStart: addDays(demo.weekStart, 28),
        status: "open",
      },
      {
        name: "LON Sales UK — summer bid",
        locations: ["LON"],
        skillGroups: ["SKILL_SALES", "SKILL_SALES_UK"],
        users: null,
        window: { startOffsetSeconds: -1_209_600, endOffsetSeconds: -604_800, timeZone: "Europe/London" },
        constraints: { maxShiftsPerDay: 1, maxShiftsPerWeek: 5, requireAvailability: true, respectLaborRules: true },
        eligibility: [{ type: "attribute", operator: "equals", attributeName: "site_certification", attributeValue: "SITE_LON_COMPLIANT" }],
        priority: { kind: "performance", tieBreakers: ["hireDate", "bidTime", "agentId"] },
        wave: 1,
        lockTimeoutHours: 24,
        schedulePeriodStart: addDays(demo.weekStart, 28),
        status: "open",
      },
      {
        name: "Cross-site sales overflow",
        locations: ["NYC", "LON"],
        skillGroups: ["SKILL_SALES_US", "SKILL_SALES_UK"],
        users: null,
        window: { startOffsetSeconds: -518_400, endOffsetSeconds: -259_200, timeZone: "UTC" },
        constraints: { maxShiftsPerDay: 1, maxShiftsPerWeek: 2, requireAvailability: true, respectLaborRules: true },
        eligibility: [{ type: "timezone", operator: "matches", targetTimezone: "shift_location_timezone" }],
        priority: { kind: "tenure", tieBreakers: ["hireDate", "agentId"] },
        wave: 2,
        lockTimeoutHours: 12,
        schedulePeriodStart: addDays(demo.weekStart, 28),
        status: "draft",
      },
    ]);
    await recordAudit(tx as unknown as Db, {
      actor: { id: null, label: "System" },
      action: "demo.seeded",
      entityType: "system",
      details: { weekStart: demo.weekStart, agents: demo.agents.length, shifts: demo.shifts.length, demand: demo.demand.length },
    });
  });
  return demo;
}
