import "server-only";
import type { Db } from "../../db/client";
import { insertLines, insertScope } from "../../db/queries/bidding";
import { upsertDemand } from "../../db/queries/demand";
import { countSites, insertReferenceData } from "../../db/queries/reference";
import { insertDefaultStaffing } from "../../db/queries/settings";
import { insertShifts } from "../../db/queries/shifts";
import { insertAgentUsers, insertUser } from "../../db/queries/users";
import { generateDemo, type DemoData } from "../../demo/generate";
import { demoBidding } from "../../demo/bidding";
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

/** agent1001 → agent1001@demo.local: how a demo agent signs in. */
export function demoAgentEmail(username: string): string {
  return `${username}@demo.local`;
}

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
    // Every demo agent signs in as agent<n>@demo.local with the demo password. One hash for
    // all of them: hashing 300 passwords would make seeding take minutes.
    await insertChunked(demo.agents, 500, (chunk) =>
      insertAgentUsers(tx, chunk.map((a) => ({ email: demoAgentEmail(a.username), name: a.name, agentId: a.id, passwordHash: hashed }))),
    );
    const bidding = demoBidding(demo.weekStart);
    for (const scope of bidding.scopes) await insertScope(tx, scope, null);
    await insertLines(tx, bidding.lines.map((l) => ({ ...l, periodStart: bidding.period.start, periodEnd: bidding.period.end })), null);
    await recordAudit(tx, { id: null, label: "System" }, {
      action: "demo.seeded",
      entityType: "system",
      details: { weekStart: demo.weekStart, agents: demo.agents.length, shifts: demo.shifts.length, demand: demo.demand.length },
    });
  });
  return demo;
}
