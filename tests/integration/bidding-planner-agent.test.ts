/**
 * What planners, admins and agents do around the award, on both databases: lines read from
 * the schedule, a bid entered on an agent's behalf (audited under the planner), an award
 * added by hand (eligibility still applies), and an agent's own trade filed and canceled.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { auditLog, awards, tradeRequests, users } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { DemoData } from "@/lib/demo/generate";
import { isAppError } from "@/lib/errors";
import { listLines, listScopes } from "@/lib/db/queries/bidding";
import { proposeLinesFromSchedule } from "@/lib/services/bidding/lines-from-schedule";
import { saveLines } from "@/lib/services/bidding/save-lines";
import { saveBid } from "@/lib/services/bidding/save-bid";
import { adjustAward } from "@/lib/services/bidding/adjust-award";
import { requestOwnTrade } from "@/lib/services/trades/request-own";
import { cancelOwnTrade } from "@/lib/services/trades/cancel-own";
import { getColleagueShifts, getMyTrades } from "@/lib/services/trades/my-trades";
import { getAgentShifts } from "@/lib/services/shifts/agent-shifts";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";

const planner = { id: null, label: "planner@test" };
const NOW = Date.parse("2026-11-20T12:00:00Z");
const PERIOD = { start: "2026-12-07", end: "2027-01-03" };

async function rejects(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.userMessage };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe.each(TEST_DRIVERS)("planner and agent tools around bidding on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  const agentUser = async (agentId: string): Promise<CurrentUser> => {
    const [u] = await o.db.select().from(users).where(eq(users.agentId, agentId));
    return { id: u.id, email: u.email, name: u.name, role: "agent", siteIds: [] };
  };
  const nycScope = async () => (await listScopes(o.db)).find((s) => s.name.startsWith("NYC Sales — bid"))!;

  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
  });
  afterAll(() => o.close());

  it("reads the published week's NYC sales patterns as lines with slots, and stores them only when added", async () => {
    const scope = await nycScope();
    const before = (await listLines(o.db)).length;
    const out = await proposeLinesFromSchedule(o.db, { scopeId: scope.id, from: DEMO_WEEK, to: "2026-11-29" });
    expect(out.weeks).toEqual([DEMO_WEEK]);
    expect(out.lines.length).toBeGreaterThan(0);
    expect(out.lines.every((l) => l.siteId === "NYC" && ["SKILL_SALES_US", "SKILL_SALES", "SKILL_SALES_PREMIUM"].includes(l.skillId))).toBe(true);
    // One week read: every shift read is one day of one slot of one line (an agent whose week
    // mixes start times works two patterns that week, so slots are not simply agents).
    expect(out.shiftsRead).toBeGreaterThan(0);
    expect(out.lines.reduce((n, l) => n + l.slots * l.days.length, 0)).toBe(out.shiftsRead);
    expect((await listLines(o.db)).length).toBe(before);

    const { ids } = await saveLines(o.db, { period: PERIOD, lines: out.lines.slice(0, 2) }, planner);
    expect(ids).toHaveLength(2);
    expect((await listLines(o.db)).length).toBe(before + 2);
  });

  it("refuses a schedule range with no shift of the scope, or a backwards range, naming the field", async () => {
    const scope = await nycScope();
    const empty = await rejects(proposeLinesFromSchedule(o.db, { scopeId: scope.id, from: "2027-03-01", to: "2027-03-07" }));
    expect(empty).toMatchObject({ code: "VALIDATION" });
    expect(empty.message).toMatch(/^No shift of NYC serving SKILL_SALES or SKILL_SALES_US between 2027-03-01 and 2027-03-07/);
    const backwards = await rejects(proposeLinesFromSchedule(o.db, { scopeId: scope.id, from: "2026-11-29", to: DEMO_WEEK }));
    expect(backwards.message).toBe("to: The schedule range ends before it starts.");
  });

  it("a planner's bid for an agent is checked like the agent's own and audited under the planner, naming the agent", async () => {
    const scope = await nycScope();
    const line = (await listLines(o.db, { period: PERIOD })).find((l) => l.siteId === "NYC" && l.skillId === "SKILL_SALES_US")!;
    const agent = demo.agents.find((a) => a.homeSiteId === "NYC" && a.attributes.site_certification === "SITE_NYC_COMPLIANT" && a.skills.some((k) => k.skillId === "SKILL_SALES_US"))!;
    await saveBid(o.db, { scopeId: scope.id, agentId: agent.id, preferences: [{ lineId: line.id, rank: 1 }], submit: true }, planner, NOW);
    const [event] = await o.db.select().from(auditLog).where(and(eq(auditLog.action, "bid.submitted"), eq(auditLog.entityId, `${scope.id}:${agent.id}`)));
    expect(event.actorLabel).toBe("planner@test");
    expect((event.details as { agentId: string }).agentId).toBe(agent.id);
  });

  it("an award added by hand still obeys eligibility: a LON agent cannot be given a NYC line", async () => {
    const scope = await nycScope();
    const line = (await listLines(o.db, { period: PERIOD })).find((l) => l.siteId === "NYC" && l.skillId === "SKILL_SALES_US")!;
    const lon = demo.agents.find((a) => a.homeSiteId === "LON")!;
    const refused = await rejects(adjustAward(o.db, { kind: "add", scopeId: scope.id, agentId: lon.id, lineId: line.id, reason: "covering a gap" }, planner));
    expect(refused.code).toBe("VALIDATION");
    expect(refused.message).toContain(`${lon.id} may not be awarded ${line.label}`);
    const nyc = demo.agents.find((a) => a.homeSiteId === "NYC" && a.attributes.site_certification === "SITE_NYC_COMPLIANT" && a.skills.some((k) => k.skillId === "SKILL_SALES_US"))!;
    const { awardId } = await adjustAward(o.db, { kind: "add", scopeId: scope.id, agentId: nyc.id, lineId: line.id, reason: "covering a gap" }, planner);
    const [row] = await o.db.select().from(awards).where(eq(awards.id, awardId!));
    expect(row.agentId).toBe(nyc.id);
    const audit = await o.db.select().from(auditLog).where(eq(auditLog.action, "award.added"));
    expect(audit).toHaveLength(1);
  });

  it("an agent files a trade of their own shift, sees it in plain words, and cancels it while open; nobody else can", async () => {
    const tech = demo.agents.filter((x) => x.homeSiteId === "NYC" && x.skills.some((k) => k.skillId === "SKILL-EN-TECH-SUPPORT"));
    const a = tech[0];
    const me = await agentUser(a.id);
    const mine = (await getAgentShifts(o.db, a.id, NOW, 14))[3];
    // A colleague with a day off around that shift (no overlap, no short rest): the trade needs review, not a refusal.
    const free = (id: string) => !demo.shifts.some((s) => s.agentId === id && s.start < mine.end + 14 * 3_600_000 && s.end > mine.start - 14 * 3_600_000);
    const b = tech.find((x) => x.id !== a.id && free(x.id))!;
    const theirs = await getColleagueShifts(o.db, me, b.id, NOW);
    expect(theirs.length).toBeGreaterThan(0);
    expect((await rejects(getColleagueShifts(o.db, me, a.id, NOW))).code).toBe("VALIDATION");

    // Someone else's shift is refused.
    const stolen = await rejects(requestOwnTrade(o.db, me, { kind: "oneSided", initiatorShiftId: theirs[0].id, receiverAgentId: b.id, initiatorShiftVersion: theirs[0].version }, NOW));
    expect(stolen.message).toMatch(/is not one of your coming shifts/);

    const filed = await requestOwnTrade(o.db, me, { kind: "oneSided", initiatorShiftId: mine.id, receiverAgentId: b.id, initiatorShiftVersion: mine.version }, NOW);
    const listed = (await getMyTrades(o.db, me)).find((t) => t.id === filed.tradeId)!;
    expect(listed.mine).toBe(true);
    expect(listed.outcome.length).toBeGreaterThan(10);
    expect(filed.status).toBe("PendingReview");
    expect(listed.cancelable).toBe(true);
    expect(listed.outcome).toMatch(/^Waiting for a supervisor of NYC to review it/);

    // The receiver sees it but cannot cancel it; neither can a stranger.
    const other = await rejects(cancelOwnTrade(o.db, await agentUser(b.id), filed.tradeId, NOW));
    expect(other.code).toBe("NOT_FOUND");
    expect((await getMyTrades(o.db, await agentUser(b.id))).find((t) => t.id === filed.tradeId)?.cancelable).toBe(false);

    expect(await cancelOwnTrade(o.db, me, filed.tradeId, NOW)).toEqual({ tradeId: filed.tradeId, status: "Canceled" });
    const [row] = await o.db.select().from(tradeRequests).where(eq(tradeRequests.id, filed.tradeId));
    expect(row.status).toBe("Canceled");
    expect((await getMyTrades(o.db, me)).find((t) => t.id === filed.tradeId)?.outcome).toBe("You canceled it.");
    const again = await rejects(cancelOwnTrade(o.db, me, filed.tradeId, NOW));
    expect(again.code).toBe("CONFLICT");
    const [n] = await o.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, "trade.canceled"));
    expect(n.n).toBe(1);
  });
});
