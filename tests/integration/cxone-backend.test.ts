/**
 * The dashboard on WFM_BACKEND=cxone, against the simulator over real HTTP: the connection
 * is stored with its secret encrypted, Test connection proves each scope, committed imports
 * are pushed in batches with CXone's counts kept, and coverage is read through the paginator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { startSimulator, type RunningSimulator } from "@/lib/cxone/simulator";
import { demoSimData } from "@/scripts/cxone-flow/demo";
import type { OpenedDb } from "@/lib/db/client";
import { cxoneConnections, imports } from "@/lib/db/schema";
import { getCxoneConnectionView, saveCxoneConnection, testCxoneConnection } from "@/lib/services/settings/cxone-connection";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { getCoverageView } from "@/lib/services/coverage/view";
import { resetEnvCache } from "@/lib/env";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";

const actor = { id: null, label: "admin@test" };

describe("the cxone backend", () => {
  let sim: RunningSimulator;
  let o: OpenedDb;

  beforeAll(async () => {
    // env() is parsed once and cached: switch the backend, then let it parse again.
    process.env.WFM_BACKEND = "cxone";
    resetEnvCache();
    sim = await startSimulator({ data: demoSimData({ weekStart: DEMO_WEEK, includeShifts: true }) });
    o = (await openSeeded(TEST_DRIVERS[0].open)).opened;
  });
  afterAll(async () => {
    await o.close();
    await sim.close();
    delete process.env.WFM_BACKEND;
    resetEnvCache();
  });

  it("stores the secret encrypted and never shows it", async () => {
    await saveCxoneConnection(o.db, { region: "CUSTOM", baseUrl: sim.url, clientId: "sim-client", clientSecret: "sim-secret" }, actor);
    const [row] = await o.db.select().from(cxoneConnections);
    expect(row.clientSecretEncrypted).toMatch(/^v1:/);
    expect(row.clientSecretEncrypted).not.toContain("sim-secret");
    const view = await getCxoneConnectionView(o.db);
    expect(JSON.stringify(view)).not.toContain("sim-secret");
    expect(view).toMatchObject({ clientId: "sim-client", hasSecret: true, source: "settings" });
  });

  it("proves the token and each scope on Test connection", async () => {
    const result = await testCxoneConnection(o.db, actor);
    expect(result.ok).toBe(true);
    expect(Object.values(result.scopes).every((s) => s.ok)).toBe(true);
  });

  it("keeps the last test result beside the connection, typed, for the settings page", async () => {
    const view = await getCxoneConnectionView(o.db);
    expect(view.lastTestAt).not.toBeNull();
    expect(view.lastTestResult?.ok).toBe(true);
    expect(view.lastTestResult?.token.grantedScopes.length).toBeGreaterThan(0);
  });

  it("commits an import, then pushes it in batches and keeps CXone's counts", async () => {
    const text = ["agentId,start,end", "AGENT-1001,2026-12-08T09:00:00-05:00,2026-12-08T17:00:00-05:00", "AGENT-1002,2026-12-08T10:00:00-05:00,2026-12-08T18:00:00-05:00"].join("\n");
    const before = sim.control.stats().requests.import;
    const outcome = await importShiftFile(o.db, { fileName: "push.csv", text, bytes: text.length, options: { dryRun: false, overwriteConflicts: false, onlyValidRows: false }, actor });
    expect(outcome).toMatchObject({ status: "committed", importedRows: 2 });
    const pushed = outcome.cxone;
    expect(pushed).toMatchObject({ status: "COMPLETED", processedCount: 2, failedCount: 0 });
    expect(sim.control.stats().requests.import).toBe(before + 1);
    const [history] = await o.db.select().from(imports).where(eq(imports.id, outcome.importId!));
    expect(history.cxoneResult).toMatchObject({ processedCount: 2, failedCount: 0, batches: [{ batch: 1, processedCount: 2 }] });
  });

  it("reads coverage from CXone's paginated API and finds gaps with the same engine", async () => {
    const view = await getCoverageView(o.db, { from: DEMO_WEEK, to: "2026-11-29", view: "net" }, "2026-11-21");
    expect(view.source).toBe("cxone");
    expect(view.series.length).toBeGreaterThan(0);
    const sales = view.series.find((s) => s.skillId === "SKILL_SALES_US")!;
    expect(sales.requiredHours).toBeGreaterThan(0);
    expect(sales.availableHours).toBeGreaterThan(0);
    expect(view.gaps.length).toBeGreaterThan(0);
    expect(sim.control.stats().requests.coverage).toBeGreaterThan(1);
  });
});
