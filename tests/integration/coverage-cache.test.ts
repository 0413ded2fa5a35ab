import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { shifts, users } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { DemoData } from "@/lib/demo/generate";
import { addDays } from "@/lib/domain/time";
import { cachedByRevision, clearCoverageCache, COVERAGE_CACHE_MAX_BYTES, COVERAGE_CACHE_MAX_ENTRIES, coverageCacheStats } from "@/lib/services/coverage/cache";
import { getCoverageView } from "@/lib/services/coverage/view";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { undoImport } from "@/lib/services/schedule/undo-import";
import { decideTrade } from "@/lib/services/trades/decide";
import { requestTrade } from "@/lib/services/trades/request";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";
import { oneSidedPair } from "./support/trade-pairs";

const week = { from: DEMO_WEEK, to: addDays(DEMO_WEEK, 6), view: "net" as const };
const nextWeek = { from: addDays(DEMO_WEEK, 7), to: addDays(DEMO_WEEK, 13), view: "net" as const };
const planner = { id: null, label: "planner@test" };
const hours = (v: { series: { availableHours: number }[] }) => v.series.reduce((acc, s) => acc + s.availableHours, 0);

describe.each(TEST_DRIVERS)("the coverage cache on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
  });
  afterAll(() => o.close());

  it("answers a repeated question from the cache, and a different question apart", async () => {
    const first = await getCoverageView(o.db, week, DEMO_WEEK);
    const again = await getCoverageView(o.db, week, DEMO_WEEK);
    expect(again.series).toBe(first.series);
    const gross = await getCoverageView(o.db, { ...week, view: "gross" }, DEMO_WEEK);
    expect(gross.series).not.toBe(first.series);
    const nyc = await getCoverageView(o.db, { ...week, site: "NYC" }, DEMO_WEEK);
    expect(nyc.site?.id).toBe("NYC");
    expect(nyc.shiftCount).toBeLessThan(first.shiftCount);
  });

  it("sees a direct update of a shift (plain SQL, no service) next time", async () => {
    const before = await getCoverageView(o.db, week, DEMO_WEEK);
    const shift = demo.shifts.find((s) => s.start >= Date.parse(`${DEMO_WEEK}T00:00:00Z`) + 86_400_000)!;
    await o.db.execute(sql`update shifts set ends_at = ends_at + interval '2 hours' where id = ${shift.id}`);
    const after = await getCoverageView(o.db, week, DEMO_WEEK);
    expect(after.series).not.toBe(before.series);
    expect(hours(after)).toBeGreaterThan(hours(before));
    await o.db.execute(sql`update shifts set ends_at = ends_at - interval '2 hours' where id = ${shift.id}`);
    const restored = await getCoverageView(o.db, week, DEMO_WEEK);
    expect(hours(restored)).toBeCloseTo(hours(before), 6);
  });

  it("sees an import next time", async () => {
    const before = await getCoverageView(o.db, nextWeek, DEMO_WEEK);
    const day = addDays(DEMO_WEEK, 8);
    const file = ["agentId,start,end,skills,status,breaks,siteId,notes", `AGENT-1001,${day}T14:00:00Z,${day}T22:00:00Z,SKILL-EN-TECH-SUPPORT:4,PUBLISHED,,NYC,`].join("\n");
    const r = await importShiftFile(o.db, { fileName: "one.csv", text: file, bytes: file.length, options: { dryRun: false, overwriteConflicts: false, onlyValidRows: false }, actor: planner });
    expect(r.importedRows).toBe(1);
    const after = await getCoverageView(o.db, nextWeek, DEMO_WEEK);
    expect(after.shiftCount).toBe(before.shiftCount + 1);
    expect(hours(after)).toBeGreaterThan(hours(before));
  });

  it("sees an undone import next time (the undo's delete runs without row triggers)", async () => {
    const day = addDays(DEMO_WEEK, 10);
    const file = ["agentId,start,end,skills,status,breaks,siteId,notes", `AGENT-1002,${day}T14:00:00Z,${day}T22:00:00Z,SKILL-EN-TECH-SUPPORT:4,DRAFT,,NYC,`].join("\n");
    const r = await importShiftFile(o.db, { fileName: "undo-me.csv", text: file, bytes: file.length, options: { dryRun: false, overwriteConflicts: false, onlyValidRows: false }, actor: planner });
    expect(r.importedRows).toBe(1);
    const withImport = await getCoverageView(o.db, nextWeek, DEMO_WEEK);
    const [u] = await o.db.select().from(users).where(eq(users.email, "planner@demo.local"));
    const user: CurrentUser = { id: u.id, email: u.email, name: u.name, role: u.role, siteIds: [] };
    const undone = await undoImport(o.db, { importId: r.importId! }, user, Date.now());
    expect(undone.removed).toBe(1);
    const after = await getCoverageView(o.db, nextWeek, DEMO_WEEK);
    expect(after.series).not.toBe(withImport.series);
    expect(after.shiftCount).toBe(withImport.shiftCount - 1);
  });

  it("sees an applied trade next time: the answer is the fresh one, not the cached one", async () => {
    const [u] = await o.db.select().from(users).where(eq(users.email, "supervisor.nyc@demo.local"));
    const supervisor: CurrentUser = { id: u.id, email: u.email, name: u.name, role: u.role, siteIds: ["NYC"] };
    const now = Date.parse(DEMO_WEEK) - 2 * 86_400_000;
    // A NYC shift and a NYC agent alike in skills who is off around it: a trade the rules allow.
    const [giving, receiverId] = oneSidedPair(demo, "NYC", new Set());
    const pair = { shiftId: giving.id, from: giving.agentId, to: receiverId };
    const before = await getCoverageView(o.db, week, DEMO_WEEK);
    const t = await requestTrade(o.db, { kind: "oneSided", initiatorAgentId: pair.from, initiatorShiftId: pair.shiftId, receiverAgentId: pair.to, initiatorShiftVersion: 1 }, planner, now);
    if (t.status === "PendingReview") await decideTrade(o.db, { tradeId: t.tradeId, siteId: "NYC", decision: "approve" }, supervisor, now);
    const [moved] = await o.db.select({ agentId: shifts.agentId }).from(shifts).where(eq(shifts.id, pair.shiftId));
    expect(moved.agentId).toBe(pair.to);

    const after = await getCoverageView(o.db, week, DEMO_WEEK);
    expect(after.series).not.toBe(before.series);
    clearCoverageCache(o.db);
    const fresh = await getCoverageView(o.db, week, DEMO_WEEK);
    expect(after).toEqual(fresh);
  });

  it("bumps the revision once per committed transaction, not at all for a rolled-back one", async () => {
    const rev = async () => Number(((await o.db.execute(sql`select revision from schedule_revision`)) as unknown as { rows: { revision: unknown }[] }).rows[0].revision);
    const start = await rev();
    await o.db.transaction(async (tx) => {
      await tx.execute(sql`update shifts set notes = 'a' where site_id = 'NYC'`);
      await tx.execute(sql`update shifts set notes = null where site_id = 'NYC'`);
    });
    expect(await rev()).toBe(start + 1);
    await expect(
      o.db.transaction(async (tx) => {
        await tx.execute(sql`update demand set required_agents = required_agents + 1`);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await rev()).toBe(start + 1);
    await o.db.execute(sql`insert into app_settings (key, value) values ('cache-test', '1'::jsonb)`);
    await o.db.execute(sql`update agent_skills set proficiency = proficiency where agent_id = 'AGENT-1001'`);
    expect(await rev()).toBe(start + 3);
    // Each transaction's mark is gone with its commit.
    const pending = (await o.db.execute(sql`select count(*)::int as n from schedule_revision_pending`)) as unknown as { rows: { n: number }[] };
    expect(pending.rows[0].n).toBe(0);
  });

  it("stays within its bounds and computes a question asked at once by many only once", async () => {
    clearCoverageCache(o.db);
    let computed = 0;
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++computed), 20));
    const answers = await Promise.all(Array.from({ length: 25 }, () => cachedByRevision(o.db, "same", slow, () => 8)));
    expect(new Set(answers)).toEqual(new Set([1]));
    for (let i = 0; i < COVERAGE_CACHE_MAX_ENTRIES * 2; i++) await cachedByRevision(o.db, `k${i}`, async () => i, () => 1024);
    expect(coverageCacheStats(o.db).entries).toBe(COVERAGE_CACHE_MAX_ENTRIES);
    // An answer too big for the whole budget is not kept at all; a big one pushes out the rest.
    await cachedByRevision(o.db, "huge", async () => 0, () => 1e12);
    expect(coverageCacheStats(o.db).entries).toBe(COVERAGE_CACHE_MAX_ENTRIES);
    await cachedByRevision(o.db, "big", async () => 0, () => COVERAGE_CACHE_MAX_BYTES - 8 * 1024);
    expect(coverageCacheStats(o.db).entries).toBeLessThan(10);
  });
});
