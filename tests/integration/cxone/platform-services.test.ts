/**
 * The dashboard's NICE platform profile against the simulator over real HTTP, on each test
 * database: the connection stored with the access key secret encrypted, contact history
 * pulled onto our grid and audited, and stored history turned into demand through Erlang C.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gte, lt } from "drizzle-orm";
import { startSimulator, type RunningSimulator } from "@/lib/cxone/simulator";
import { demoSimData } from "@/scripts/cxone-flow/demo";
import type { OpenedDb } from "@/lib/db/client";
import { auditLog, contactHistory, cxoneConnections, demand } from "@/lib/db/schema";
import { saveCxonePlatformConnection } from "@/lib/services/settings/cxone-connection";
import { getCxoneClient, getPlatformClient } from "@/lib/services/backends/cxone-client";
import { historyAsDemand, pullContactHistory } from "@/lib/services/cxone/contact-history";
import { requiredStaff } from "@/lib/domain/erlang";
import { TEST_DRIVERS } from "../support/db";
import { DEMO_WEEK, openSeeded } from "../support/demo";

const actor = { id: null, label: "admin@test" };
const deps = { sleep: async () => {}, random: () => 0 };

describe.each(TEST_DRIVERS)("CXone platform services on $name", (driver) => {
  let sim: RunningSimulator;
  let o: OpenedDb;

  beforeAll(async () => {
    sim = await startSimulator({ profile: "platform", data: demoSimData({ weekStart: DEMO_WEEK }) });
    o = (await openSeeded(driver.open)).opened;
  });
  afterAll(async () => {
    await o?.close();
    await sim?.close();
  });

  it("stores the platform connection with the access key secret encrypted and refuses one without a host", async () => {
    await expect(saveCxonePlatformConnection(o.db, { issuer: sim.url, accessKeyId: "sim-access-key", accessKeySecret: "x" }, actor)).rejects.toThrow(/exactly one of tenantId \(discovery\) or apiHost/);
    await saveCxonePlatformConnection(o.db, { issuer: sim.url, apiHost: `${sim.url}/api-na1`, accessKeyId: "sim-access-key", accessKeySecret: "sim-access-secret", clientId: "sim-app", clientSecret: "sim-app-secret" }, actor);
    const [row] = await o.db.select().from(cxoneConnections);
    expect(row).toMatchObject({ profile: "platform", apiHost: `${sim.url}/api-na1`, accessKeyId: "sim-access-key", baseUrl: sim.url });
    expect(row.accessKeySecretEncrypted).toMatch(/^v1:/);
    expect(row.accessKeySecretEncrypted).not.toContain("sim-access-secret");
    // The seed-contract client is off on this profile; the platform client signs in.
    expect(await getCxoneClient(o.db)).toBeNull();
    const client = await getPlatformClient(o.db, deps);
    expect((await client!.listSkills()).length).toBeGreaterThan(0);
  });

  it("pulls contact history onto the 15-minute grid, audited, and replaces it on a second pull", async () => {
    const range = { startDate: "2026-11-23", endDate: "2026-11-24" };
    const first = await pullContactHistory(o.db, range, actor, { deps });
    expect(first.intervals).toBeGreaterThan(0);
    expect(first.skills.length).toBeGreaterThan(0);
    const stored = await o.db.select().from(contactHistory).where(and(gte(contactHistory.intervalStart, new Date("2026-11-23T00:00:00Z")), lt(contactHistory.intervalStart, new Date("2026-11-25T00:00:00Z"))));
    expect(stored).toHaveLength(first.intervals);
    // The simulator's volumes need `required` agents at 300 s: the stored AHT is theirs.
    expect(new Set(stored.map((s) => s.ahtSeconds))).toEqual(new Set([300]));
    const again = await pullContactHistory(o.db, range, actor, { deps });
    expect(again.intervals).toBe(first.intervals);
    expect(await o.db.select().from(contactHistory)).toHaveLength(first.intervals);
    const audits = await o.db.select().from(auditLog).where(eq(auditLog.action, "cxone.history.pulled"));
    expect(audits).toHaveLength(2);
    expect(audits[0].details).toMatchObject({ startDate: "2026-11-23", endDate: "2026-11-24", intervals: first.intervals });
  });

  it("turns stored history into demand by Erlang C, and says when there is none", async () => {
    const outcome = await historyAsDemand(o.db, { startDate: "2026-11-23", endDate: "2026-11-23" }, actor, { dryRun: false });
    expect(outcome).toMatchObject({ status: "committed", kind: "forecast", errors: [] });
    const [h] = await o.db.select().from(contactHistory).where(eq(contactHistory.intervalStart, new Date("2026-11-23T14:00:00Z"))).limit(1);
    const [d] = await o.db.select().from(demand).where(and(eq(demand.skillId, h.skillId), eq(demand.intervalStart, h.intervalStart)));
    expect(d).toMatchObject({ offeredContacts: h.contacts, ahtSeconds: 300 });
    expect(d.requiredAgents).toBe(requiredStaff(h.contacts, 300, 900).scheduled);
    await expect(historyAsDemand(o.db, { startDate: "2031-01-01", endDate: "2031-01-02" }, actor, { dryRun: true })).rejects.toThrow(/No contact history is stored for 2031-01-01 – 2031-01-02/);
    await expect(pullContactHistory(o.db, { startDate: "2026-11-24", endDate: "2026-11-23" }, actor, { deps })).rejects.toThrow(/endDate is before startDate/);
  });
});
