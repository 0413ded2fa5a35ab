/**
 * Bidding end to end on both databases: scope validation and the linter on save, bid
 * validation (nothing stored on bad input), a lock left uncommitted, the award job (twice:
 * same awards), explanations, and publishing the awards as draft shifts in one transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { auditLog, bidScopes, bids, shifts, users } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { DemoData } from "@/lib/demo/generate";
import type { Agent } from "@/lib/domain/types";
import { isAppError } from "@/lib/errors";
import { getJob } from "@/lib/db/queries/jobs";
import { inProcessWorkerIdle } from "@/lib/jobs/worker";
import { listAwards, listLines, listOutcomes, listScopes } from "@/lib/db/queries/bidding";
import { createScope } from "@/lib/services/bidding/create-scope";
import { openWindow } from "@/lib/services/bidding/open-window";
import { saveBid } from "@/lib/services/bidding/save-bid";
import { saveOwnBid } from "@/lib/services/bidding/submit-bid";
import { lockLine } from "@/lib/services/bidding/lock-line";
import { launchAwardRun } from "@/lib/services/bidding/run-award";
import { publishAwards } from "@/lib/services/bidding/publish-awards";
import { importLinesCsv } from "@/lib/services/bidding/import-lines-csv";
import { importBidsCsv } from "@/lib/services/bidding/import-bids-csv";
import { listBidding } from "@/lib/services/bidding/list-bidding";
import { getMyBidding } from "@/lib/services/bidding/my-bidding";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";

const admin = { id: null, label: "admin@test" };
// Inside the demo windows (they open 2026-11-16 and close 2026-12-04, local time).
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

const scopeInput = (over: Record<string, unknown> = {}) => ({
  name: "NYC Sales — extra",
  locations: ["NYC"],
  skillGroups: ["SKILL_SALES_US"],
  period: PERIOD,
  window: { kind: "offsets", openOffsetSeconds: -21 * 86400, closeOffsetSeconds: -3 * 86400, timeZone: "America/New_York" },
  priority: { basis: "tenure", hiredOnOrBefore: ["2018-12-31"], seed: 7 },
  ...over,
});

/** Available for the whole 08:00–16:30 New York line every day. */
const worksEarly = (a: Agent) => a.availability.every((w) => w.startMinute <= 8 * 60 && w.endMinute >= 16.5 * 60);

describe.each(TEST_DRIVERS)("bidding on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  let nyc: Agent[];
  const agentUser = async (agentId: string): Promise<CurrentUser> => {
    const [u] = await o.db.select().from(users).where(eq(users.agentId, agentId));
    return { id: u.id, email: u.email, name: u.name, role: "agent", siteIds: [] };
  };
  const count = async (table: typeof bids | typeof bidScopes | typeof auditLog) => (await o.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
    nyc = demo.agents
      .filter((a) => a.homeSiteId === "NYC" && a.attributes.site_certification === "SITE_NYC_COMPLIANT" && a.skills.some((s) => s.skillId === "SKILL_SALES_US") && worksEarly(a))
      .sort((a, b) => a.hireDate.localeCompare(b.hireDate));
  });
  afterAll(() => o.close());

  it("signs each demo agent in as its own user", async () => {
    const [row] = await o.db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.role, "agent"));
    expect(row.n).toBe(demo.agents.length);
  });

  it("refuses a scope with no site, or a window that closes before it opens, naming the field; stores nothing", async () => {
    const before = await count(bidScopes);
    const noSite = await rejects(createScope(o.db, scopeInput({ locations: [] }), admin));
    expect(noSite).toMatchObject({ code: "VALIDATION" });
    // The schema refuses it, in the linter's words: which skill is worked where.
    expect(noSite.message).toMatch(/^locations: Scope leakage: /);
    const shared = await rejects(createScope(o.db, scopeInput({ locations: [], skillGroups: ["SKILL-EN-BILLING"] }), admin));
    expect(shared.message).toMatch(/^locations: Scope leakage: SKILL-EN-BILLING is worked at (\w+ and )+\w+ — without a location/);
    expect(shared.message).toContain("NYC");
    const backwards = await rejects(createScope(o.db, scopeInput({ window: { kind: "offsets", openOffsetSeconds: -3 * 86400, closeOffsetSeconds: -21 * 86400, timeZone: "UTC" } }), admin));
    expect(backwards.message).toContain("window.closeOffsetSeconds: The bidding window closes before it opens.");
    expect(await count(bidScopes)).toBe(before);
  });

  it("lints on save: a second NYC sales scope in wave 1 leaks into the seeded one, and cannot open", async () => {
    const saved = await createScope(o.db, scopeInput(), admin);
    expect(saved.findings.some((f) => f.code === "ScopeLeakage" && f.severity === "error")).toBe(true);
    const blocked = await rejects(openWindow(o.db, saved.id, admin));
    expect(blocked.code).toBe("VALIDATION");
    expect(blocked.message).toMatch(/cannot open until these are fixed/);
    expect((await listScopes(o.db)).find((s) => s.id === saved.id)?.status).toBe("draft");
  });

  it("refuses bad bids with the preference at fault, and stores none", async () => {
    const nycScope = (await listScopes(o.db)).find((s) => s.name.startsWith("NYC Sales — bid"))!;
    const lines = await listLines(o.db, { period: PERIOD });
    const nycLine = lines.find((l) => l.siteId === "NYC")!;
    const lonLine = lines.find((l) => l.siteId === "LON")!;
    const agentId = nyc[0].id;
    const before = await count(bids);
    const dup = await rejects(saveBid(o.db, { scopeId: nycScope.id, agentId, preferences: [{ lineId: nycLine.id, rank: 1 }, { lineId: lines[1].id, rank: 1 }], submit: true }, admin, NOW));
    expect(dup.message).toContain("Rank 1 is given twice");
    const outside = await rejects(saveBid(o.db, { scopeId: nycScope.id, agentId, preferences: [{ lineId: lonLine.id, rank: 1 }], submit: true }, admin, NOW));
    expect(outside.message).toMatch(/Choice 1: .*LON.* is outside AGENT-\d+'s scopes/);
    const late = await rejects(saveBid(o.db, { scopeId: nycScope.id, agentId, preferences: [{ lineId: nycLine.id, rank: 1 }], submit: true }, admin, Date.parse("2026-12-05T12:00:00Z")));
    expect(late).toMatchObject({ code: "CONFLICT" });
    expect(late.message).toMatch(/closed .* America\/New_York; no more bids are taken/);
    expect(await count(bids)).toBe(before);
  });

  it("refuses a CSV of bids naming an unknown agent, by row; nothing stored", async () => {
    const nycScope = (await listScopes(o.db)).find((s) => s.name.startsWith("NYC Sales — bid"))!;
    const line = (await listLines(o.db, { period: PERIOD })).find((l) => l.siteId === "NYC")!;
    const before = await count(bids);
    const csv = `agentId,lineId,rank\n${nyc[1].id},${line.id},1\nAGENT-9999,${line.id},1\n`;
    const r = await rejects(importBidsCsv(o.db, { scopeId: nycScope.id, csv }, admin, NOW));
    expect(r.message).toMatch(/row 3 \(agentId "AGENT-9999"\): unknown agent AGENT-9999/);
    expect(await count(bids)).toBe(before);
  });

  it("shows an agent the open windows they may bid in, the lines of their own site only, and the rank hint", async () => {
    const mine = await getMyBidding(o.db, await agentUser(nyc[2].id), NOW);
    const open = mine.scopes.find((s) => s.open)!;
    expect(open.name).toMatch(/^NYC Sales/);
    expect(open.lines.length).toBeGreaterThan(0);
    expect(open.lines.every((l) => l.siteId === "NYC")).toBe(true);
    expect(open.hint).toMatch(/rank/i);
  });

  it("refuses a CSV of lines with a 0-slot row, naming the row; nothing stored", async () => {
    const before = (await listLines(o.db)).length;
    const csv = "label,siteId,skillId,days,start,end,slots\nEarly,NYC,SKILL_SALES_US,Mon-Fri,07:00,15:30,4\nNone,NYC,SKILL_SALES_US,Mon-Fri,07:00,15:30,0\n";
    const r = await rejects(importLinesCsv(o.db, { period: PERIOD, csv }, admin));
    expect(r.message).toMatch(/row 3 .*A line needs at least 1 slot/);
    expect((await listLines(o.db)).length).toBe(before);
  });

  it("awards by wave and priority; an uncommitted lock blocks nobody; the same inputs give the same awards", async () => {
    const nycScope = (await listScopes(o.db)).find((s) => s.name.startsWith("NYC Sales — bid"))!;
    const lines = (await listLines(o.db, { period: PERIOD })).filter((l) => l.siteId === "NYC");
    const early = lines.find((l) => l.start === "08:00")!;
    const [senior, junior] = [nyc[0], nyc[nyc.length - 1]];
    const seniorUser = await agentUser(senior.id);
    const juniorUser = await agentUser(junior.id);
    // The senior agent locks the early line and walks away; the junior wants it first.
    await lockLine(o.db, seniorUser, { scopeId: nycScope.id, lineId: early.id, commit: false }, NOW);
    await saveOwnBid(o.db, seniorUser, { scopeId: nycScope.id, preferences: [{ lineId: early.id, rank: 1 }], submit: true }, NOW);
    await saveOwnBid(o.db, juniorUser, { scopeId: nycScope.id, preferences: [{ lineId: early.id, rank: 1 }, ...lines.filter((l) => l.id !== early.id).map((l, i) => ({ lineId: l.id, rank: i + 2 }))], submit: true }, NOW + 1000);

    const run = async () => {
      const jobId = await launchAwardRun(o.db, PERIOD, admin);
      await inProcessWorkerIdle();
      expect((await getJob(o.db, jobId))?.status).toBe("completed");
      return (await listAwards(o.db, [nycScope.id])).map((a) => `${a.agentId}:${a.lineId}:${a.via}`).sort();
    };
    const first = await run();
    expect(first).toContain(`${junior.id}:${early.id}:priority`);
    expect(first).toContain(`${senior.id}:${early.id}:priority`);
    expect(await run()).toEqual(first);
    const outcomes = await listOutcomes(o.db, [nycScope.id], { agentIds: [junior.id, senior.id] });
    expect(outcomes).toHaveLength(2);
    for (const out of outcomes) expect(out.explanation).toMatch(/1st/);
    const senOut = outcomes.find((x) => x.agentId === senior.id)!;
    expect((senOut.lock as { status: string }).status).not.toBe("committed");
    expect((await listScopes(o.db)).find((s) => s.id === nycScope.id)?.status).toBe("closed");
  });

  it("shows a LON supervisor no NYC bid or award", async () => {
    const lon: CurrentUser = { id: "00000000-0000-4000-8000-000000000009", email: "lon@test", name: "LON", role: "supervisor", siteIds: ["LON"] };
    const view = await listBidding(o.db, lon);
    expect(view.scopes.every((s) => s.locations.includes("LON"))).toBe(true);
    expect(view.bids.filter((b) => b.agentId === nyc[0].id)).toEqual([]);
    expect(view.awards.some((a) => a.agentId === nyc[0].id)).toBe(false);
    const planner: CurrentUser = { ...lon, role: "planner", siteIds: [] };
    expect((await listBidding(o.db, planner)).bids.some((b) => b.agentId === nyc[0].id)).toBe(true);
  });

  it("publishes the awards as draft shifts in one transaction, once", async () => {
    const before = (await o.db.select({ n: sql<number>`count(*)::int` }).from(shifts).where(eq(shifts.status, "DRAFT")))[0].n;
    const r = await publishAwards(o.db, PERIOD, admin, NOW);
    expect(r.awards).toBeGreaterThanOrEqual(2);
    // Four weeks of a Mon–Fri line: 20 shifts per award.
    expect(r.shifts).toBe(r.awards * 20);
    const after = (await o.db.select({ n: sql<number>`count(*)::int` }).from(shifts).where(eq(shifts.status, "DRAFT")))[0].n;
    expect(after - before).toBe(r.shifts);
    const again = await rejects(publishAwards(o.db, PERIOD, admin, NOW));
    expect(again.code).toBe("CONFLICT");
    const audit = await o.db.select().from(auditLog).where(and(eq(auditLog.action, "bid_award.published")));
    expect(audit).toHaveLength(1);
  });
});
