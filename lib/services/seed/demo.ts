import "server-only";
import type { Db } from "../../db/client";
import { insertBidScopes } from "../../db/queries/bid-scopes";
import { upsertDemand } from "../../db/queries/demand";
import { countSites, insertReferenceData } from "../../db/queries/reference";
import { insertDefaultStaffing } from "../../db/queries/settings";
import { insertShifts } from "../../db/queries/shifts";
import { insertUser } from "../../db/queries/users";
import { generateDemo, type DemoData } from "../../demo/generate";
import { addDays, isoWeekday } from "../../domain/time";
import { hashPassword } from "../../auth/password";
import { recordAudit } from "../audit";

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
  return (await countSites(db)) === 0;
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
    await insertReferenceData(tx, demo);
    await insertChunked(demo.shifts, 1000, (chunk) => insertShifts(tx, chunk));
    await insertChunked(demo.demand, 2000, (chunk) =>
      upsertDemand(
        tx,
        chunk.map((d) => ({ skillId: d.skillId, intervalStart: new Date(d.intervalStart), requiredAgents: d.requiredAgents, offeredContacts: null, ahtSeconds: null })),
      ),
    );
    await insertDefaultStaffing(tx, demo.skills.map((s) => s.id));
    for (const u of DEMO_USERS) await insertUser(tx, { ...u, passwordHash: hashed });
    await insertBidScopes(tx, [
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
    await recordAudit(tx, { id: null, label: "System" }, {
      action: "demo.seeded",
      entityType: "system",
      details: { weekStart: demo.weekStart, agents: demo.agents.length, shifts: demo.shifts.length, demand: demo.demand.length },
    });
  });
  return demo;
}
