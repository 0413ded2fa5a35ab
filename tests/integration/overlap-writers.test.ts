/**
 * Issue 16, item 2: no agent is booked twice at once, whichever writers race. imports.test.ts
 * races two imports; here writers of different kinds race for one agent and hour (an import,
 * the editor's create, the drafts an award publishes), and a trade is applied after another
 * writer booked its receiver since the trade was evaluated: the step a decision takes inside
 * its transaction must refuse it. The database's no-overlap check at commit (migration 0013)
 * refuses the second, on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/execute";
import { shifts, users } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/checks";
import type { DemoData } from "@/lib/demo/generate";
import { instantToLocal } from "@/lib/domain/time";
import { isAppError } from "@/lib/errors";
import { createShiftSchema } from "@/lib/schemas/schedule";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { createShift } from "@/lib/services/schedule/create-shift";
import { createDraftShifts } from "@/lib/services/shifts/create-draft-shifts";
import { overlapConflictFrom } from "@/lib/services/shifts/overlap-guard";
import { applyTrade } from "@/lib/services/trades/apply";
import { requestTrade } from "@/lib/services/trades/request";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";
import { oneSidedPair } from "./support/trade-pairs";

const HOUR = 3_600_000;
const NY = "America/New_York";
const pad = (n: number) => String(n).padStart(2, "0");
const wall = (ms: number) => {
  const l = instantToLocal(ms, NY);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
};
const noOptions = { dryRun: false, overwriteConflicts: false, onlyValidRows: false };
const actor = { id: null, label: "planner@test" };

/** Every pair of one agent's shifts that overlap (touching ends do not). */
async function overlappingPairs(o: OpenedDb, agentId?: string): Promise<number> {
  const [{ n }] = await executeRows<{ n: number }>(
    o.db,
    sql`
      select count(*)::int as n from shifts a join shifts b
        on a.agent_id = b.agent_id and a.id < b.id and a.starts_at < b.ends_at and b.starts_at < a.ends_at
      ${agentId ? sql`where a.agent_id = ${agentId}` : sql``}`,
  );
  return n;
}

describe.each(TEST_DRIVERS)("writers racing for one agent's hour on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  let planner: CurrentUser;
  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
    const [u] = await o.db.select().from(users).where(eq(users.email, "planner@demo.local"));
    planner = { id: u.id, email: u.email, name: u.name, role: u.role, siteIds: [] };
  });
  afterAll(() => o.close());

  it("lets one of an import, an editor's create and an award's drafts book the hour, never two", async () => {
    const agent = demo.agents.find((a) => a.homeSiteId === "NYC")!;
    // Two weeks after the demo week nobody works: the only shifts that day are the racers'.
    const start = Date.parse(`${DEMO_WEEK}T14:00:00Z`) + 14 * 86_400_000;
    const file = (offset: number) => `agentId,start,end,status,siteId\n${agent.id},${new Date(start + offset).toISOString()},${new Date(start + offset + 8 * HOUR).toISOString()},DRAFT,NYC`;
    const racers: Promise<unknown>[] = [
      importShiftFile(o.db, { fileName: "a.csv", text: file(0), bytes: 100, options: noOptions, actor }),
      createShift(o.db, createShiftSchema.parse({ agentId: agent.id, siteId: "NYC", start: wall(start + HOUR), end: wall(start + 9 * HOUR), timeZone: NY, breaks: [], skills: [], status: "DRAFT", confirmWarnings: true }), planner, Date.now()),
      o.db.transaction((tx) => createDraftShifts(tx, [{ agentId: agent.id, siteId: "NYC", start: start + 2 * HOUR, end: start + 10 * HOUR, skills: [], breaks: [] }])),
      importShiftFile(o.db, { fileName: "b.csv", text: file(-HOUR), bytes: 100, options: noOptions, actor }),
    ];
    const outcomes = await Promise.allSettled(racers);
    // A writer that lost is refused in words (a conflict, or the rule check that saw the winner), never with a raw database error.
    for (const r of outcomes) if (r.status === "rejected") expect(overlapConflictFrom(r.reason) ?? r.reason, String(r.reason)).toSatisfy(isAppError);
    const [{ n }] = await o.db
      .select({ n: sql<number>`count(*)::int` })
      .from(shifts)
      .where(sql`${shifts.agentId} = ${agent.id} and ${shifts.startsAt} >= ${new Date(start - 2 * HOUR)} and ${shifts.startsAt} < ${new Date(start + 3 * HOUR)}`);
    expect(n).toBe(1);
    expect(await overlappingPairs(o, agent.id)).toBe(0);
  });

  it("refuses to apply a trade whose receiver was booked at that time after the trade was evaluated", async () => {
    const [shift, receiverId] = oneSidedPair(demo, "NYC", new Set([demo.agents.find((a) => a.homeSiteId === "NYC")!.id]));
    const now = Date.parse(DEMO_WEEK) - 2 * 86_400_000;
    const t = await requestTrade(o.db, { kind: "oneSided", initiatorAgentId: shift.agentId, initiatorShiftId: shift.id, receiverAgentId: receiverId, initiatorShiftVersion: 1 }, actor, now);
    expect(t.status).toBe("PendingReview");
    // Meanwhile another writer books the receiver across the same hours (its own check passes: the shift is still the giver's).
    await o.db.transaction((tx) => createDraftShifts(tx, [{ agentId: receiverId, siteId: "NYC", start: shift.start + HOUR, end: shift.end + HOUR, skills: [], breaks: [] }]));
    // The decision's transaction then applies the trade it evaluated before that write.
    const proposal = { id: t.tradeId, kind: "oneSided" as const, initiatorAgentId: shift.agentId, initiatorShiftId: shift.id, receiverAgentId: receiverId, receiverShiftId: null, initiatorShiftVersion: 1 };
    const applying = o.db.transaction((tx) => applyTrade(tx, proposal, 1, null));
    const refusal = await applying.then(
      () => null,
      (e: unknown) => overlapConflictFrom(e) ?? e,
    );
    expect(refusal).toMatchObject({ code: "CONFLICT" });
    const [still] = await o.db.select({ agentId: shifts.agentId, version: shifts.version }).from(shifts).where(eq(shifts.id, shift.id));
    expect(still).toEqual({ agentId: shift.agentId, version: 1 });
    expect(await overlappingPairs(o)).toBe(0);
  });
});
