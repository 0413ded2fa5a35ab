import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { auditLog, shifts, tradeDecisions, tradeRequests, users } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { DemoData } from "@/lib/demo/generate";
import type { Shift } from "@/lib/domain/types";
import { isAppError } from "@/lib/errors";
import { decideTrade } from "@/lib/services/trades/decide";
import { getReviewQueue } from "@/lib/services/trades/queue";
import { requestTrade } from "@/lib/services/trades/request";
import { requestTradesFromCsv } from "@/lib/services/trades/bulk";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";
import { oneSidedPair, skillKey } from "./support/trade-pairs";

const planner = { id: null, label: "planner@test" };

/** Two same-skilled agents of one site with shifts half an hour apart on the same day: a swap that barely moves coverage. */
function closePair(demo: DemoData, siteId: string, taken: Set<string>): [Shift, Shift] {
  const shifts = demo.shifts.filter((s) => s.siteId === siteId && !taken.has(s.agentId));
  for (const a of shifts) {
    const b = shifts.find((s) => s.agentId !== a.agentId && s.start === a.start + 1_800_000 && skillKey(demo, s.agentId) === skillKey(demo, a.agentId));
    if (b) {
      taken.add(a.agentId).add(b.agentId);
      return [a, b];
    }
  }
  throw new Error("no close pair in the demo");
}

describe.each(TEST_DRIVERS)("trades on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  let now: number;
  let nycSupervisor: CurrentUser;
  let otherNycSupervisor: CurrentUser;
  let lonSupervisor: CurrentUser;
  const taken = new Set<string>();

  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
    now = Date.parse(demo.weekStart) - 2 * 86_400_000;
    const user = async (email: string, siteIds: string[]): Promise<CurrentUser> => {
      const [u] = await o.db.select().from(users).where(eq(users.email, email));
      return { id: u.id, email: u.email, name: u.name, role: u.role, siteIds };
    };
    nycSupervisor = await user("supervisor.nyc@demo.local", ["NYC"]);
    lonSupervisor = await user("supervisor.lon@demo.local", ["LON"]);
    const [second] = await o.db.insert(users).values({ email: "second.nyc@test", name: "Second NYC", role: "supervisor", passwordHash: "x" }).returning();
    otherNycSupervisor = { id: second.id, email: second.email, name: second.name, role: "supervisor", siteIds: ["NYC"] };
  });
  afterAll(() => o.close());

  async function agentOf(shiftId: string) {
    const [s] = await o.db.select({ agentId: shifts.agentId, version: shifts.version }).from(shifts).where(eq(shifts.id, shiftId));
    return s;
  }

  it("approves a safe swap on its own and applies it", async () => {
    const [a, b] = closePair(demo, "NYC", taken);
    const r = await requestTrade(o.db, { kind: "swap", initiatorAgentId: a.agentId, initiatorShiftId: a.id, receiverAgentId: b.agentId, receiverShiftId: b.id, initiatorShiftVersion: 1, receiverShiftVersion: 1 }, planner, now);
    expect(r.violations.map((v) => v.message)).toEqual([]);
    expect(r.status).toBe("Approved");
    expect(await agentOf(a.id)).toEqual({ agentId: b.agentId, version: 2 });
    expect(await agentOf(b.id)).toEqual({ agentId: a.agentId, version: 2 });
  });

  it("routes a one-sided trade to the supervisors of the shift's site, who approve it", async () => {
    const [shift, receiver] = oneSidedPair(demo, "NYC", taken);
    const r = await requestTrade(o.db, { kind: "oneSided", initiatorAgentId: shift.agentId, initiatorShiftId: shift.id, receiverAgentId: receiver, initiatorShiftVersion: 1 }, planner, now);
    expect(r.status).toBe("PendingReview");
    expect(r.reviewSiteIds).toEqual(["NYC"]);
    expect(r.violations.map((v) => v.type)).toContain("OneSided");

    const nycQueue = await getReviewQueue(o.db, nycSupervisor, now);
    expect(nycQueue.items.map((i) => i.id)).toContain(r.tradeId);
    expect((await getReviewQueue(o.db, lonSupervisor, now)).items.map((i) => i.id)).not.toContain(r.tradeId);

    // A supervisor of another site is refused and nothing changes.
    await expect(decideTrade(o.db, { tradeId: r.tradeId, siteId: "NYC", decision: "approve" }, lonSupervisor, now)).rejects.toMatchObject({ code: "SITE_FORBIDDEN" });
    expect((await agentOf(shift.id)).agentId).toBe(shift.agentId);

    const decided = await decideTrade(o.db, { tradeId: r.tradeId, siteId: "NYC", decision: "approve", comment: "covered by Sam" }, nycSupervisor, now);
    expect(decided.status).toBe("Approved");
    expect(await agentOf(shift.id)).toEqual({ agentId: receiver, version: 2 });

    const again = decideTrade(o.db, { tradeId: r.tradeId, siteId: "NYC", decision: "reject" }, nycSupervisor, now);
    await expect(again).rejects.toMatchObject({ code: "ALREADY_DECIDED" });
    const [audit] = await o.db.select().from(auditLog).where(eq(auditLog.entityId, r.tradeId)).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(audit).toMatchObject({ action: "trade.decision.approve", actorLabel: "supervisor.nyc@demo.local" });
    expect(audit.details).toMatchObject({ comment: "covered by Sam", outcome: "Approved" });
  });

  it("lets exactly one of two simultaneous decisions win", async () => {
    const [shift, receiver] = oneSidedPair(demo, "NYC", taken);
    const r = await requestTrade(o.db, { kind: "oneSided", initiatorAgentId: shift.agentId, initiatorShiftId: shift.id, receiverAgentId: receiver, initiatorShiftVersion: 1 }, planner, now);
    expect(r.status).toBe("PendingReview");
    const results = await Promise.allSettled([
      decideTrade(o.db, { tradeId: r.tradeId, siteId: "NYC", decision: "approve" }, nycSupervisor, now),
      decideTrade(o.db, { tradeId: r.tradeId, siteId: "NYC", decision: "reject" }, otherNycSupervisor, now),
    ]);
    const won = results.filter((x) => x.status === "fulfilled");
    const lost = results.filter((x) => x.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isAppError(lost[0].reason) && lost[0].reason.code).toBe("ALREADY_DECIDED");
    const decisions = await o.db.select().from(tradeDecisions).where(eq(tradeDecisions.tradeId, r.tradeId));
    expect(decisions).toHaveLength(1);
    const [trade] = await o.db.select().from(tradeRequests).where(eq(tradeRequests.id, r.tradeId));
    expect(trade.status).toBe((won[0] as PromiseFulfilledResult<{ status: string }>).value.status);
  });

  it("expires a request nobody decided in time, and refuses a late decision", async () => {
    const [shift, receiver] = oneSidedPair(demo, "NYC", taken);
    const r = await requestTrade(o.db, { kind: "oneSided", initiatorAgentId: shift.agentId, initiatorShiftId: shift.id, receiverAgentId: receiver, initiatorShiftVersion: 1 }, planner, now);
    const [filed] = await o.db.select().from(tradeRequests).where(eq(tradeRequests.id, r.tradeId));
    const late = filed.expiresAt!.getTime() + 60_000;
    await expect(decideTrade(o.db, { tradeId: r.tradeId, siteId: "NYC", decision: "approve" }, nycSupervisor, late)).rejects.toMatchObject({ code: "ALREADY_DECIDED" });
    const [expired] = await o.db.select().from(tradeRequests).where(eq(tradeRequests.id, r.tradeId));
    expect(expired.status).toBe("Expired");
    expect((await getReviewQueue(o.db, nycSupervisor, late)).items.map((i) => i.id)).not.toContain(r.tradeId);
    expect((await agentOf(shift.id)).agentId).toBe(shift.agentId);
  });

  it("files trades in bulk from a CSV, and files nothing from a file with a bad row", async () => {
    const [a, b] = closePair(demo, "NYC", taken);
    const iso = (t: number) => new Date(t).toISOString();
    const good = ["kind,initiatorAgentId,initiatorShiftStart,receiverAgentId,receiverShiftStart,note", `swap,${a.agentId},${iso(a.start)},${b.agentId},${iso(b.start)},bulk`].join("\n");
    const bad = [good, `swap,${a.agentId},2031-01-01T09:00:00Z,${b.agentId},${iso(b.start)},`].join("\n");
    const before = (await o.db.select({ n: sql<number>`count(*)::int` }).from(tradeRequests))[0].n;
    const refused = await requestTradesFromCsv(o.db, bad, planner, now);
    expect(refused.filed).toEqual([]);
    expect(refused.errors).toEqual([expect.objectContaining({ row: 3, column: "initiatorShiftStart", code: "UNKNOWN_SHIFT" })]);
    expect((await o.db.select({ n: sql<number>`count(*)::int` }).from(tradeRequests))[0].n).toBe(before);
    const filed = await requestTradesFromCsv(o.db, good, planner, now);
    expect(filed.errors).toEqual([]);
    expect(filed.filed).toEqual([expect.objectContaining({ row: 2, status: "Approved" })]);
    expect((await agentOf(a.id)).agentId).toBe(b.agentId);
  });

  it("refuses bad requests and changes nothing", async () => {
    const [a, b] = closePair(demo, "LON", taken);
    const count = async () => (await o.db.select({ n: sql<number>`count(*)::int` }).from(tradeRequests))[0].n;
    const before = await count();
    const base = { kind: "swap" as const, initiatorAgentId: a.agentId, initiatorShiftId: a.id, receiverAgentId: b.agentId, receiverShiftId: b.id, initiatorShiftVersion: 1, receiverShiftVersion: 1 };
    // Not the initiator's shift.
    await expect(requestTrade(o.db, { ...base, initiatorShiftId: b.id, receiverShiftId: a.id }, planner, now)).rejects.toMatchObject({ code: "VALIDATION" });
    // A stale version.
    await expect(requestTrade(o.db, { ...base, initiatorShiftVersion: 7 }, planner, now)).rejects.toMatchObject({ code: "VALIDATION" });
    // A shift in the past.
    await expect(requestTrade(o.db, base, planner, a.end + 3_600_000)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await count()).toBe(before);
    expect((await agentOf(a.id)).agentId).toBe(a.agentId);
  });
});
