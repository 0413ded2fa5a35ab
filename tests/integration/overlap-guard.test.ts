/**
 * The database's no-overlap guard (migration 0013), on both databases: checked at commit for
 * every writer, including plain SQL that calls no service. Agents whose ids hash alike (and so
 * share a lock bucket: AGENT-C70186 and AGENT-C295736, found by search) may still work the
 * same hours; one agent may not work two shifts at once; a swap passes through its in-between
 * state; touching ends are not an overlap; a publish of many shifts moves no times and checks
 * nothing. Concurrent writers: overlap-writers.test.ts and imports.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/execute";
import { agents, shifts } from "@/lib/db/schema";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { overlapConflictFrom } from "@/lib/services/shifts/overlap-guard";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";

const actor = { id: null, label: "planner@test" };
const TWINS = ["AGENT-C70186", "AGENT-C295736"];

describe.each(TEST_DRIVERS)("the overlap guard on $name", (driver) => {
  let o: OpenedDb;
  beforeAll(async () => {
    o = (await openSeeded(driver.open)).opened;
    await o.db.insert(agents).values(
      TWINS.map((id) => ({ id, username: id.toLowerCase(), name: id, homeSiteId: "NYC", timeZone: "America/New_York", hireDate: "2020-01-01", performanceRank: 1, contractHoursPerWeek: 40 })),
    );
  });
  afterAll(() => o.close());

  it("knows the twins' ids hash alike", async () => {
    const rows = await o.db.execute(sql`select hashtext(${TWINS[0]}) = hashtext(${TWINS[1]}) as same`);
    expect((rows as unknown as { rows: { same: boolean }[] }).rows[0].same).toBe(true);
  });

  it("lets two agents whose ids hash alike work the same hours", async () => {
    const text = ["agentId,start,end,status,siteId", ...TWINS.map((a) => `${a},2027-03-01T09:00:00Z,2027-03-01T17:00:00Z,DRAFT,NYC`)].join("\n");
    const r = await importShiftFile(o.db, { fileName: "twins.csv", text, bytes: text.length, options: { dryRun: false, overwriteConflicts: false, onlyValidRows: false }, actor });
    expect(r).toMatchObject({ status: "committed", importedRows: 2 });
  });

  it("refuses one agent two shifts at once, written straight to the table, naming both", async () => {
    const e = await o.db
      .insert(shifts)
      .values({ agentId: TWINS[0], siteId: "NYC", startsAt: new Date("2027-03-01T16:00:00Z"), endsAt: new Date("2027-03-01T20:00:00Z"), status: "DRAFT" })
      .then(() => null, (x: unknown) => x);
    const refusal = overlapConflictFrom(e);
    expect(refusal?.message).toBe(`${TWINS[0]} would work two shifts at once: 2027-03-01 09:00 UTC–2027-03-01 17:00 UTC and 2027-03-01 16:00 UTC–2027-03-01 20:00 UTC. Nothing was saved; reload and try again.`);
    expect(await countOf(TWINS[0])).toBe(1);
  });

  it("refuses a shift moved onto another of the same agent by an update", async () => {
    await o.db.insert(shifts).values({ agentId: TWINS[0], siteId: "NYC", startsAt: new Date("2027-03-02T09:00:00Z"), endsAt: new Date("2027-03-02T17:00:00Z"), status: "DRAFT" });
    const e = await o.db
      .update(shifts)
      .set({ startsAt: new Date("2027-03-01T12:00:00Z"), endsAt: new Date("2027-03-01T18:00:00Z") })
      .where(sql`${shifts.agentId} = ${TWINS[0]} and ${shifts.startsAt} = '2027-03-02T09:00:00Z'`)
      .then(() => null, (x: unknown) => x);
    expect(overlapConflictFrom(e)?.code).toBe("CONFLICT");
    const [{ n }] = await o.db.select({ n: sql<number>`count(*)::int` }).from(shifts).where(sql`${shifts.agentId} = ${TWINS[0]} and ${shifts.startsAt} = '2027-03-02T09:00:00Z'`);
    expect(n).toBe(1);
  });

  it("lets a swap of two overlapping shifts pass through its in-between state, and checks the end state", async () => {
    // TWINS[0] works 09–17 on Mar 1; TWINS[1] too. Swap them through two updates: in between, TWINS[1] holds both.
    const [a] = await o.db.select({ id: shifts.id }).from(shifts).where(sql`${shifts.agentId} = ${TWINS[0]} and ${shifts.startsAt} = '2027-03-01T09:00:00Z'`);
    const [b] = await o.db.select({ id: shifts.id }).from(shifts).where(sql`${shifts.agentId} = ${TWINS[1]} and ${shifts.startsAt} = '2027-03-01T09:00:00Z'`);
    await o.db.transaction(async (tx) => {
      await tx.update(shifts).set({ agentId: TWINS[1], startsAt: new Date("2027-03-01T10:00:00Z") }).where(sql`${shifts.id} = ${a.id}`);
      await tx.update(shifts).set({ agentId: TWINS[0] }).where(sql`${shifts.id} = ${b.id}`);
    });
    const rows = await o.db.select({ id: shifts.id, agentId: shifts.agentId }).from(shifts).where(sql`${shifts.id} in (${a.id}, ${b.id})`);
    expect(new Map(rows.map((r) => [r.id, r.agentId]))).toEqual(new Map([[a.id, TWINS[1]], [b.id, TWINS[0]]]));
  });

  it("takes shifts that touch end to start as no overlap", async () => {
    await o.db.insert(shifts).values({ agentId: TWINS[1], siteId: "NYC", startsAt: new Date("2027-03-01T18:00:00Z"), endsAt: new Date("2027-03-02T02:00:00Z"), status: "DRAFT" });
    expect(await countOf(TWINS[1])).toBe(2);
  });

  it("notes nothing for a publish, which moves no times", async () => {
    const noted = await o.db.transaction(async (tx) => {
      await tx.update(shifts).set({ status: "PUBLISHED" }).where(sql`${shifts.agentId} in (${TWINS[0]}, ${TWINS[1]})`);
      const [{ n }] = await executeRows<{ n: number }>(tx, sql`select count(*)::int as n from shift_overlap_pending`);
      return n;
    });
    expect(noted).toBe(0);
  });

  it("notes an insert, and the check at commit clears what it noted", async () => {
    const noted = await o.db.transaction(async (tx) => {
      await tx.insert(shifts).values({ agentId: TWINS[1], siteId: "NYC", startsAt: new Date("2027-03-05T09:00:00Z"), endsAt: new Date("2027-03-05T17:00:00Z"), status: "DRAFT" });
      return executeRows<{ agentId: string }>(tx, sql`select agent_id as "agentId" from shift_overlap_pending`);
    });
    expect(noted).toEqual([{ agentId: TWINS[1] }]);
    const [{ n }] = await executeRows<{ n: number }>(o.db, sql`select count(*)::int as n from shift_overlap_pending`);
    expect(n).toBe(0);
  });

  it("refuses to write shifts under an isolation level whose check could not see concurrent commits", async () => {
    const e = await o.db
      .transaction(async (tx) => {
        await tx.execute(sql`set transaction isolation level repeatable read`);
        await tx.insert(shifts).values({ agentId: TWINS[0], siteId: "NYC", startsAt: new Date("2027-04-01T09:00:00Z"), endsAt: new Date("2027-04-01T17:00:00Z"), status: "DRAFT" });
      })
      .then(() => null, (x: unknown) => x);
    expect(String((e as { cause?: { message?: string } })?.cause?.message ?? (e as Error)?.message)).toMatch(/READ COMMITTED/);
    expect(await countOf(TWINS[0], "2027-04-01T09:00:00Z")).toBe(0);
  });

  async function countOf(agentId: string, startsAt?: string): Promise<number> {
    const [{ n }] = await o.db
      .select({ n: sql<number>`count(*)::int` })
      .from(shifts)
      .where(startsAt ? sql`${shifts.agentId} = ${agentId} and ${shifts.startsAt} = ${startsAt}` : sql`${shifts.agentId} = ${agentId}`);
    return n;
  }
});
