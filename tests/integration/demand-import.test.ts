import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { demand } from "@/lib/db/schema";
import { importDemandFile } from "@/lib/services/imports/demand";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";

const actor = { id: null, label: "planner@test" };

describe.each(TEST_DRIVERS)("demand import on $name", (driver) => {
  let o: OpenedDb;
  beforeAll(async () => {
    o = (await openSeeded(driver.open)).opened;
  });
  afterAll(() => o.close());

  const stored = async (skillId: string, at: string) =>
    (await o.db.select().from(demand).where(and(eq(demand.skillId, skillId), eq(demand.intervalStart, new Date(at)))))[0];

  it("turns a forecast into required agents by Erlang C (DOMAIN's reference traffic: 14 on the phones, 20 scheduled)", async () => {
    // 50 contacts in 15 minutes at 180 s is the reference's 10 Erlangs.
    const text = ["skillId,intervalStart,offeredContacts,ahtSeconds", "SKILL-EN-BILLING,2027-01-04T14:00:00Z,50,180", "SKILL-EN-BILLING,2027-01-04T14:15:00Z,0,180"].join("\n");
    const r = await importDemandFile(o.db, { fileName: "forecast.csv", text, bytes: text.length, dryRun: false, actor });
    expect(r).toMatchObject({ status: "committed", kind: "forecast", storedRows: 2, errors: [] });
    expect(await stored("SKILL-EN-BILLING", "2027-01-04T14:00:00Z")).toMatchObject({ requiredAgents: 20, offeredContacts: 50, ahtSeconds: 180 });
    expect((await stored("SKILL-EN-BILLING", "2027-01-04T14:15:00Z")).requiredAgents).toBe(0);
  });

  it("stores required agents as given and replaces what was there", async () => {
    const text = ["skillId,intervalStart,requiredAgents", "SKILL-EN-BILLING,2027-01-04T14:00:00Z,7.5"].join("\n");
    const r = await importDemandFile(o.db, { fileName: "required.csv", text, bytes: text.length, dryRun: false, actor });
    expect(r).toMatchObject({ status: "committed", kind: "required", storedRows: 1 });
    expect((await stored("SKILL-EN-BILLING", "2027-01-04T14:00:00Z")).requiredAgents).toBe(7.5);
  });

  it("rejects negative volumes, AHT 0, off-grid intervals and unknown skills row by row, storing nothing", async () => {
    const [{ n: before }] = await o.db.select({ n: sql<number>`count(*)::int` }).from(demand);
    const text = [
      "skillId,intervalStart,offeredContacts,ahtSeconds",
      "SKILL-EN-BILLING,2027-01-05T14:00:00Z,-4,180",
      "SKILL-EN-BILLING,2027-01-05T14:15:00Z,30,0",
      "SKILL-EN-BILLING,2027-01-05T14:07:00Z,30,180",
      "SKILL_NOPE,2027-01-05T14:30:00Z,30,180",
      "SKILL-EN-BILLING,2027-01-05T14:45:00Z,30,180",
    ].join("\n");
    const r = await importDemandFile(o.db, { fileName: "bad.csv", text, bytes: text.length, dryRun: false, actor });
    expect(r.status).toBe("rejected");
    expect(r.errors.map((e) => e.row).sort()).toEqual([2, 3, 4, 5]);
    const [{ n: after }] = await o.db.select({ n: sql<number>`count(*)::int` }).from(demand);
    expect(after).toBe(before);
  });

  it("flags an interval whose service level is unreachable with finite numbers", async () => {
    const text = ["skillId,intervalStart,offeredContacts,ahtSeconds", "SKILL-EN-BILLING,2027-01-06T14:00:00Z,900000000,180"].join("\n");
    const r = await importDemandFile(o.db, { fileName: "huge.csv", text, bytes: text.length, dryRun: true, actor });
    expect(r.unreachable).toBe(1);
    expect(r.warnings[0]).toMatchObject({ row: 2, code: "SL_UNREACHABLE" });
    expect(r.warnings[0].message).not.toMatch(/NaN|Infinity/);
  });
});
