/**
 * The import's commit checks the shifts table's foreign keys once for the batch and skips
 * the per-row reference triggers for its inserts (lib/db/queries/shifts.ts,
 * writeImportedShiftsCheckedOnce) where nothing else that replica mode would skip hangs on
 * that table (the no-overlap guard fires ALWAYS). These tests hold what that rests on, on both databases: which triggers shifts
 * has (a new one turns the shortcut off; this test says it happened), a batch naming
 * an agent or site that is gone stores nothing, the revision still bumps, and the setting
 * never outlives the import's transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/execute";
import { insertImport } from "@/lib/db/queries/imports";
import { writeImportedShiftsCheckedOnce } from "@/lib/db/queries/shifts";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";

const actor = { id: null, label: "planner@test" };
const options = { dryRun: false, overwriteConflicts: false, onlyValidRows: false };

describe.each(TEST_DRIVERS)("an import's commit on $name", (driver) => {
  let o: OpenedDb;
  beforeAll(async () => {
    o = (await openSeeded(driver.open)).opened;
  });
  afterAll(() => o.close());

  it("finds on shifts only the foreign-key triggers, the schedule-revision mark and the no-overlap guard, which replica mode cannot skip", async () => {
    const triggers = await executeRows<{ name: string; internal: boolean; kind: string | null; enabled: string }>(
      o.db,
      sql`select t.tgname as name, t.tgisinternal as internal, c.contype::text as kind, t.tgenabled::text as enabled
          from pg_trigger t left join pg_constraint c on c.oid = t.tgconstraint
          where t.tgrelid = 'shifts'::regclass order by t.tgname`,
    );
    expect(triggers.filter((t) => !t.internal).map((t) => [t.name, t.enabled])).toEqual([
      ["shifts_guard_overlap_on_insert", "A"],
      ["shifts_guard_overlap_on_update", "A"],
      ["shifts_marks_schedule_revision", "O"],
    ]);
    // Internal: the three outgoing reference checks and the trade requests' incoming ones.
    const kinds = new Set(triggers.filter((t) => t.internal).map((t) => t.kind));
    expect([...kinds].sort()).toEqual(["f"]);
  });

  it("refuses a batch naming an agent or site that is not stored, before writing anything", async () => {
    let wrote = false;
    const r = await o.db.transaction(async (tx) => {
      const importId = await insertImport(tx, { kind: "shifts", fileName: "gone.csv", fileHash: "x", fileBytes: 1, format: "canonical", status: "committed", dryRun: false, totalRows: 2, failedRows: 0, skippedRows: 0, options: {}, userId: null });
      return writeImportedShiftsCheckedOnce(tx, { agentIds: ["AGENT-1001", "AGENT-GONE", "AGENT-GONE"], siteIds: ["NYC", "ATLANTIS"], importId }, async () => {
        wrote = true;
        return 0;
      });
    });
    expect(wrote).toBe(false);
    expect(r).toEqual({ inserted: 0, missing: { agentIds: ["AGENT-GONE"], siteIds: ["ATLANTIS"] } });
  });

  it("bumps the schedule revision once and leaves the per-row checks on for whatever runs next", async () => {
    const revision = async () => Number((await executeRows<{ r: string }>(o.db, sql`select revision::text as r from schedule_revision`))[0].r);
    const before = await revision();
    const text = ["agentId,start,end,status,siteId", "AGENT-1001,2027-05-03T13:00:00Z,2027-05-03T21:00:00Z,DRAFT,NYC", "AGENT-1002,2027-05-03T13:00:00Z,2027-05-03T21:00:00Z,DRAFT,NYC"].join("\n");
    const r = await importShiftFile(o.db, { fileName: "two.csv", text, bytes: text.length, options, actor });
    expect(r).toMatchObject({ status: "committed", importedRows: 2 });
    expect(await revision()).toBe(before + 1);
    const [mode] = await executeRows<{ mode: string }>(o.db, sql`select current_setting('session_replication_role') as mode`);
    expect(mode.mode).toBe("origin");
    // A direct write naming an unknown agent is still refused by the foreign key.
    await expect(
      o.db.execute(sql`insert into shifts (agent_id, site_id, starts_at, ends_at, status) values ('AGENT-GONE', 'NYC', '2027-05-04T13:00:00Z', '2027-05-04T21:00:00Z', 'DRAFT')`),
    ).rejects.toThrow();
  });
});
