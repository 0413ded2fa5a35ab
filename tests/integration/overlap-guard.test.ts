/**
 * The no-overlap guard after its index was keyed by a hash of the agent id (migration 0007):
 * the hash only narrows the search. Two agents whose ids hash alike (hashtext, found by
 * search: AGENT-C70186 and AGENT-C295736) may still work the same hours; one agent may not
 * work two shifts at once, through a direct write or an import, on either database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { agents, shifts } from "@/lib/db/schema";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { isAppError } from "@/lib/errors";
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

  // The constraint (and its hash) exists on Postgres only; the embedded database compares ids in its guard.
  if (driver.name === "postgres") {
    it("knows the twins' ids hash alike", async () => {
      const rows = await o.db.execute(sql`select hashtext(${TWINS[0]}) = hashtext(${TWINS[1]}) as same`);
      expect((rows as unknown as { rows: { same: boolean }[] }).rows[0].same).toBe(true);
    });
  }

  it("lets two agents whose ids hash alike work the same hours", async () => {
    const text = ["agentId,start,end,status,siteId", ...TWINS.map((a) => `${a},2027-03-01T09:00:00Z,2027-03-01T17:00:00Z,DRAFT,NYC`)].join("\n");
    const r = await importShiftFile(o.db, { fileName: "twins.csv", text, bytes: text.length, options: { dryRun: false, overwriteConflicts: false, onlyValidRows: false }, actor });
    expect(r).toMatchObject({ status: "committed", importedRows: 2 });
  });

  it("refuses one agent two shifts at once, written straight to the table", async () => {
    const write = o.db.transaction(async (tx) => {
      await tx.insert(shifts).values({ agentId: TWINS[0], siteId: "NYC", startsAt: new Date("2027-03-01T16:00:00Z"), endsAt: new Date("2027-03-01T20:00:00Z"), status: "DRAFT" });
      // The embedded database has no exclusion constraint: its writers call the guard.
      const { assertNoOverlap } = await import("@/lib/services/shifts/overlap-guard");
      await assertNoOverlap(tx, [TWINS[0]], { from: new Date("2027-03-01T00:00:00Z"), to: new Date("2027-03-02T00:00:00Z") });
    });
    const e = await write.catch((x: unknown) => x);
    expect(e).toBeTruthy();
    const message = isAppError(e) ? e.message : String((e as { cause?: { message?: string } }).cause?.message ?? e);
    expect(message).toMatch(/two shifts at once|shifts_no_overlap_per_agent/);
    const [{ n }] = await o.db.select({ n: sql<number>`count(*)::int` }).from(shifts).where(sql`${shifts.agentId} = ${TWINS[0]}`);
    expect(n).toBe(1);
  });
});
