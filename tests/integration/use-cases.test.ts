/**
 * The smaller read use cases the pages and routes call, and the typed edges: audit events
 * must match their action's shape, and a queued optimization whose payload does not parse
 * fails with the reason instead of running on guessed values.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { insertJob } from "@/lib/db/queries/jobs";
import { auditLog, users } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/checks";
import type { DemoData } from "@/lib/demo/generate";
import { isAppError } from "@/lib/errors";
import { drainJobs } from "@/lib/jobs/worker";
import { recordAudit, type AuditEvent } from "@/lib/services/audit";
import { defaultFrom } from "@/lib/services/coverage/schedule";
import { getImportErrorReport } from "@/lib/services/imports/error-report";
import { getShiftsOverview } from "@/lib/services/imports/overview";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { getOptimizationRun, latestOptimizationRunId } from "@/lib/services/optimization/runs";
import { OPTIMIZATION_HANDLERS } from "@/lib/services/optimization/run";
import { listSites } from "@/lib/services/reference/sites";
import { getAgentShifts } from "@/lib/services/shifts/agent-shifts";
import { getTradeHistory } from "@/lib/services/trades/history";
import { requestTrade } from "@/lib/services/trades/request";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";

const planner = { id: null, label: "planner@test" };

describe.each(TEST_DRIVERS)("read use cases and typed edges on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
  });
  afterAll(() => o.close());

  it("lists an agent's shifts in the window from now, and the sites", async () => {
    const agentId = demo.shifts[0].agentId;
    const from = Date.parse(`${DEMO_WEEK}T00:00:00Z`);
    const expected = demo.shifts.filter((s) => s.agentId === agentId && s.end > from && s.start < from + 7 * 86_400_000).map((s) => s.id);
    expect((await getAgentShifts(o.db, agentId, from, 7)).map((s) => s.id).sort()).toEqual(expected.sort());
    expect((await listSites(o.db)).map((s) => s.id)).toEqual(["LON", "MNL", "NYC"]);
  });

  it("opens coverage on the Monday of the first week with shifts", async () => {
    expect(await defaultFrom(o.db, "2026-11-01")).toBe(DEMO_WEEK);
  });

  it("summarises the schedule and the import history, and gives an import's full error report", async () => {
    const text = ["agentId,start,end", "AGENT-1001,2026-12-08T09:00:00-05:00,2026-12-08T17:00:00-05:00", "NOBODY,2026-12-08T09:00:00-05:00,2026-12-08T17:00:00-05:00"].join("\n");
    const outcome = await importShiftFile(o.db, { fileName: "week.csv", text, bytes: text.length, options: { dryRun: true, overwriteConflicts: false, onlyValidRows: false }, actor: planner });
    expect(outcome).toMatchObject({ status: "validated", cxone: null });
    const overview = await getShiftsOverview(o.db, new Date(`${DEMO_WEEK}T00:00:00Z`));
    expect(overview.summary.reduce((n, s) => n + s.count, 0)).toBe(demo.shifts.length);
    expect(overview.history[0]).toMatchObject({ id: outcome.importId, fileName: "week.csv", status: "validated", dryRun: true });
    const report = await getImportErrorReport(o.db, outcome.importId!);
    expect(report.fileName).toBe("week.csv");
    expect(report.errors.map((e) => e.row)).toEqual([3]);
    await expect(getImportErrorReport(o.db, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a supervisor the trade history of their sites only", async () => {
    const now = Date.parse(`${DEMO_WEEK}T00:00:00Z`) - 2 * 86_400_000;
    const nycShift = demo.shifts.find((s) => s.siteId === "NYC" && s.start > now + 3 * 86_400_000)!;
    const receiver = demo.agents.find((a) => a.homeSiteId === "NYC" && a.id !== nycShift.agentId)!;
    const filed = await requestTrade(o.db, { kind: "oneSided", initiatorAgentId: nycShift.agentId, initiatorShiftId: nycShift.id, initiatorShiftVersion: nycShift.version, receiverAgentId: receiver.id }, planner, now);
    const [lon] = await o.db.select().from(users).where(eq(users.email, "supervisor.lon@demo.local"));
    const lonSupervisor: CurrentUser = { id: lon.id, email: lon.email, name: lon.name, role: "supervisor", siteIds: ["LON"] };
    const admin: CurrentUser = { ...lonSupervisor, role: "admin", siteIds: [] };
    expect((await getTradeHistory(o.db, admin, {})).map((t) => t.id)).toContain(filed.tradeId);
    expect((await getTradeHistory(o.db, lonSupervisor, {})).map((t) => t.id)).not.toContain(filed.tradeId);
    expect(await getTradeHistory(o.db, admin, { agentId: receiver.id })).toEqual([expect.objectContaining({ id: filed.tradeId, siteId: "NYC", status: filed.status })]);
  });

  it("refuses an audit event whose details do not match its action, and writes nothing", async () => {
    const before = (await o.db.select().from(auditLog)).length;
    const bad = { action: "trade.expired", entityType: "import", entityId: "x", details: {} } as unknown as AuditEvent;
    await expect(recordAudit(o.db, planner, bad)).rejects.toSatisfy((e) => isAppError(e) && e.code === "INTERNAL");
    await expect(recordAudit(o.db, planner, { action: "shift.edited", entityType: "shift", entityId: "s", details: { reason: 3 } } as unknown as AuditEvent)).rejects.toThrow();
    expect((await o.db.select().from(auditLog)).length).toBe(before);
  });

  it("fails a queued optimization whose payload does not parse, naming the field", async () => {
    const jobId = await insertJob(o.db, { kind: "optimization", payload: { from: DEMO_WEEK, to: "2026-11-29", backend: "elsewhere" }, createdBy: null });
    await drainJobs(o.db, OPTIMIZATION_HANDLERS);
    const run = await getOptimizationRun(o.db, jobId);
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/^This optimization run cannot start: backend: /);
    expect(await latestOptimizationRunId(o.db)).toBe(jobId);
    await expect(getOptimizationRun(o.db, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
