/**
 * Publishing on WFM_BACKEND=cxone, against the simulator over real HTTP: the published
 * shifts go through the backend seam and CXone's counts come back to the planner.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { startSimulator, type RunningSimulator } from "@/lib/cxone/simulator";
import { demoSimData } from "@/scripts/cxone-flow/demo";
import type { OpenedDb } from "@/lib/db/client";
import { shifts, users } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/checks";
import { saveCxoneConnection } from "@/lib/services/settings/cxone-connection";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { publishShifts } from "@/lib/services/schedule/publish-shifts";
import { resetEnvCache } from "@/lib/env";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";

const actor = { id: null, label: "planner@test" };

describe.each(TEST_DRIVERS)("publish on the cxone backend ($name)", (driver) => {
  let sim: RunningSimulator;
  let o: OpenedDb;
  let planner: CurrentUser;

  beforeAll(async () => {
    process.env.WFM_BACKEND = "cxone";
    resetEnvCache();
    sim = await startSimulator({ data: demoSimData({ weekStart: DEMO_WEEK, includeShifts: true }) });
    o = (await openSeeded(driver.open)).opened;
    await saveCxoneConnection(o.db, { region: "CUSTOM", baseUrl: sim.url, clientId: "sim-client", clientSecret: "sim-secret" }, actor);
    const [u] = await o.db.select().from(users).where(eq(users.email, "planner@demo.local"));
    planner = { id: u.id, email: u.email, name: u.name, role: u.role, siteIds: [] };
  });
  afterAll(async () => {
    await o.close();
    await sim.close();
    delete process.env.WFM_BACKEND;
    resetEnvCache();
  });

  it("publishes an import's drafts and returns CXone's processed and failed counts", async () => {
    const text = ["agentId,start,end,status", "AGENT-1001,2026-12-08T09:00:00-05:00,2026-12-08T17:00:00-05:00,DRAFT", "AGENT-1002,2026-12-08T10:00:00-05:00,2026-12-08T18:00:00-05:00,DRAFT"].join("\n");
    const imported = await importShiftFile(o.db, { fileName: "drafts.csv", text, bytes: text.length, options: { dryRun: false, overwriteConflicts: false, onlyValidRows: false }, actor });
    expect(imported.cxone).toMatchObject({ processedCount: 2 });
    const before = sim.control.stats().requests.import;
    const result = await publishShifts(o.db, { importId: imported.importId! }, planner, Date.now());
    expect(result).toEqual({ published: 2, backend: { name: "cxone", processed: 2, failed: 0 } });
    expect(sim.control.stats().requests.import).toBe(before + 1);
    const rows = await o.db.select().from(shifts).where(eq(shifts.importId, imported.importId!));
    expect(rows.map((r) => r.status)).toEqual(["PUBLISHED", "PUBLISHED"]);
  });
});
