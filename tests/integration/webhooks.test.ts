/**
 * Webhooks end to end, on PGlite and on Postgres, with a real HTTP receiver on 127.0.0.1
 * (random port) that verifies every signature the way an integrator would: an import
 * commit sends one signed delivery; a rejected import and a rolled-back change send none;
 * a 500 is retried after the backoff (the handler run at the retry's instant instead of
 * waiting); the schedule ends in "failed", and a redelivery succeeds; "Send test event"
 * delivers; a non-admin is refused.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { WebhookEventType } from "@/lib/domain/webhooks";
import type { OpenedDb } from "@/lib/db/client";
import { auditLog, jobs, users, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { createWebhookEndpoint } from "@/lib/services/webhooks/create";
import { emitWebhookEvent } from "@/lib/services/webhooks/emit";
import { verifySignature } from "@/lib/services/webhooks/signature";
import { stopWebhookWake, webhookDeliveryHandler } from "@/lib/services/webhooks/worker";
import { WEBHOOK_DELIVER_JOB } from "@/lib/services/webhooks/queue";
import { inProcessWorkerIdle } from "@/lib/jobs/worker";
import { requestTrade } from "@/lib/services/trades/request";
import { decideTrade } from "@/lib/services/trades/decide";
import { drainJobs, type JobHandler } from "@/lib/jobs/worker";
import { insertJob } from "@/lib/db/queries/jobs";
import type { DemoData } from "@/lib/demo/generate";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";
import { oneSidedPair, skillKey } from "./support/trade-pairs";
import { routeHandlersUse } from "./support/api";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/current-user", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/current-user")>()),
  getCurrentUser: async () => session.user,
}));

interface Received {
  path: string;
  event: string;
  deliveryId: string;
  body: Record<string, unknown>;
  signatureValid: boolean;
}

/** A receiver on loopback: answers each path with the status it is told, and checks each signature. */
async function startReceiver() {
  const secrets = new Map<string, string>();
  const statuses = new Map<string, number>();
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "";
      const secret = secrets.get(path) ?? "";
      received.push({
        path,
        event: String(req.headers["shiftboard-event"]),
        deliveryId: String(req.headers["shiftboard-delivery"]),
        body: JSON.parse(raw) as Record<string, unknown>,
        // The tolerance is wide here: the retry test signs at the retry's instant, minutes ahead.
        signatureValid: verifySignature(String(req.headers["shiftboard-signature"] ?? ""), raw, secret, Math.floor(Date.now() / 1000), 86_400),
      });
      const status = statuses.get(path) ?? 200;
      res.writeHead(status, { "content-type": "text/plain", ...(status === 302 ? { location: `${path}/moved` } : {}) }).end(status === 200 ? "ok" : "receiver is down for maintenance");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    secrets,
    statuses,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const actor = { id: null, label: "planner@test" };
const importFile = (o: OpenedDb, fileName: string, text: string) =>
  importShiftFile(o.db, { fileName, text, bytes: text.length, options: { dryRun: false, overwriteConflicts: false, onlyValidRows: false }, actor });
const HEADER = "agentId,start,end,skills,status,breaks,siteId,notes";
// The week after the demo's published week: nothing overlaps the seeded schedule.
const FILE_A = [HEADER, "AGENT-1001,2026-12-01T09:00:00-05:00,2026-12-01T17:00:00-05:00,,DRAFT,,NYC,"].join("\n");
const FILE_B = [HEADER, "AGENT-1002,2026-12-02T09:00:00-05:00,2026-12-02T17:00:00-05:00,,DRAFT,,NYC,"].join("\n");
const FILE_BAD = [HEADER, "AGENT-NOBODY,2026-12-03T09:00:00-05:00,2026-12-03T17:00:00-05:00,,DRAFT,,NYC,"].join("\n");

describe.each(TEST_DRIVERS)("webhooks on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  let admin: CurrentUser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const endpoints: Record<string, string> = {};

  const deliveriesOf = (endpointId: string) => o.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(webhookDeliveries.createdAt);
  // Newest first. A job the test runs by hand stays queued (no worker claimed it); the
  // delivery's status makes a second run of it send nothing.
  const queuedJobsFor = (deliveryId: string) =>
    o.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, WEBHOOK_DELIVER_JOB), eq(jobs.status, "queued"), sql`${jobs.payload}->>'deliveryId' = ${deliveryId}`))
      .orderBy(desc(jobs.runAfter));

  async function register(name: string, events: WebhookEventType[]) {
    const path = `/hooks/${name}`;
    const created = await createWebhookEndpoint(o.db, admin, { url: receiver.url(path), events }, new Date());
    receiver.secrets.set(path, created.secret);
    endpoints[name] = created.view.id;
    return { path, created };
  }

  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
    routeHandlersUse(o);
    receiver = await startReceiver();
    const [row] = await o.db.select().from(users).where(eq(users.email, "admin@demo.local"));
    admin = { id: row.id, email: row.email, name: row.name, role: "admin", siteIds: [] };
  });
  afterAll(async () => {
    stopWebhookWake();
    await inProcessWorkerIdle();
    await receiver?.close();
    await o?.close();
  });

  it("registers an endpoint, shows its secret once and stores it encrypted", async () => {
    const { created } = await register("imports", ["import.completed"]);
    await register("trades", ["trade.decided"]);
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.view).toMatchObject({ active: true, events: ["import.completed"], deliveries: [] });
    const [row] = await o.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.view.id));
    expect(row.secretEncrypted).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(created.secret);
    const [audit] = await o.db.select().from(auditLog).where(eq(auditLog.entityId, created.view.id));
    expect(audit).toMatchObject({ action: "webhook.created", actorLabel: "admin@demo.local" });
    expect(JSON.stringify(audit.details)).not.toContain(created.secret);
  });

  it("refuses a bad URL or no events, naming the field, and stores nothing", async () => {
    const [{ n: before }] = await o.db.select({ n: sql<number>`count(*)::int` }).from(webhookEndpoints);
    await expect(createWebhookEndpoint(o.db, admin, { url: "https://user:pw@hooks.example.com/in", events: ["bid.awarded"] }, new Date())).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/^url: /),
    });
    await expect(createWebhookEndpoint(o.db, admin, { url: "https://10.1.2.3/in", events: ["bid.awarded"] }, new Date())).rejects.toMatchObject({ message: expect.stringMatching(/^url: .*private/) });
    await expect(createWebhookEndpoint(o.db, admin, { url: "https://hooks.example.com/in", events: [] }, new Date())).rejects.toMatchObject({ message: expect.stringMatching(/^events: /) });
    const [{ n: after }] = await o.db.select({ n: sql<number>`count(*)::int` }).from(webhookEndpoints);
    expect(after).toBe(before);
  });

  it("an import commit sends exactly one signed delivery, to the endpoint subscribed", async () => {
    const r = await importFile(o, "a.csv", FILE_A);
    expect(r.status).toBe("committed");
    await inProcessWorkerIdle();
    const got = receiver.at("/hooks/imports");
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ event: "import.completed", signatureValid: true });
    expect(got[0].body).toMatchObject({ type: "import.completed", data: { importId: r.importId, kind: "shifts", totalRows: 1, importedRows: 1, replacedRows: 0, skippedRows: 0 } });
    expect(String(got[0].body.createdAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(receiver.at("/hooks/trades")).toHaveLength(0);
    const [delivery] = await deliveriesOf(endpoints.imports);
    expect(delivery).toMatchObject({ id: got[0].deliveryId, status: "delivered", attempts: 1, lastHttpStatus: 200, lastError: null });
  });

  it("a rejected import and a rolled-back change send nothing", async () => {
    const before = receiver.received.length;
    const r = await importFile(o, "bad.csv", FILE_BAD);
    expect(r.status).toBe("rejected");
    // The outbox write shares the change's transaction: when it rolls back, no row and no job stay.
    await expect(
      o.db.transaction(async (tx) => {
        expect(await emitWebhookEvent(tx, "import.completed", { importId: "00000000-0000-4000-8000-000000000009", kind: "demand", totalRows: 1, importedRows: 1, replacedRows: 0, skippedRows: 0 }, new Date())).toBe(1);
        throw new Error("the change failed after the event was written");
      }),
    ).rejects.toThrow("the change failed");
    await inProcessWorkerIdle();
    expect(receiver.received.length).toBe(before);
    expect(await deliveriesOf(endpoints.imports)).toHaveLength(1);
    const [{ n }] = await o.db.select({ n: sql<number>`count(*)::int` }).from(jobs).where(and(eq(jobs.kind, WEBHOOK_DELIVER_JOB), eq(jobs.status, "queued")));
    expect(n).toBe(0);
  });

  it("retries a 500 after the backoff, then a 200 marks it delivered with attempts=2", async () => {
    receiver.statuses.set("/hooks/imports", 500);
    const r = await importFile(o, "b.csv", FILE_B);
    expect(r.status).toBe("committed");
    await inProcessWorkerIdle();
    stopWebhookWake(); // this test runs the retry itself, at the retry's instant
    const delivery = (await deliveriesOf(endpoints.imports)).at(-1)!;
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastHttpStatus: 500, deliveredAt: null });
    expect(delivery.lastError).toContain("The endpoint answered 500: receiver is down for maintenance");
    expect(delivery.nextAttemptAt!.getTime() - delivery.lastAttemptAt!.getTime()).toBe(60_000);
    const [retry] = await queuedJobsFor(delivery.id);
    expect(retry.runAfter.getTime()).toBe(delivery.nextAttemptAt!.getTime());

    receiver.statuses.set("/hooks/imports", 200);
    const result = await webhookDeliveryHandler(() => retry.runAfter)(o.db, retry);
    expect(result).toMatchObject({ status: "delivered", attempt: 2, httpStatus: 200, retryAt: null });
    const [after] = await o.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery.id));
    expect(after).toMatchObject({ status: "delivered", attempts: 2, lastHttpStatus: 200, lastError: null, nextAttemptAt: null });
    const got = receiver.at("/hooks/imports").filter((g) => g.deliveryId === delivery.id);
    expect(got.map((g) => g.signatureValid)).toEqual([true, true]);
    // The same job run again (a worker taking over a lost lease) sends nothing more.
    expect(await webhookDeliveryHandler(() => retry.runAfter)(o.db, retry)).toMatchObject({ status: "skipped" });
    expect(receiver.at("/hooks/imports").filter((g) => g.deliveryId === delivery.id)).toHaveLength(2);
  });

  it("the test event action delivers; after every retry fails it is failed, and Redeliver sends it again", async () => {
    const { sendTestWebhookAction } = await import("@/lib/actions/webhooks/send-test-webhook");
    const { redeliverWebhookAction } = await import("@/lib/actions/webhooks/redeliver-webhook");
    session.user = admin;
    const ok = await sendTestWebhookAction({ endpointId: endpoints.trades });
    expect(ok?.serverError).toBeUndefined();
    expect(ok?.data).toMatchObject({ status: "delivered", attempt: 1, httpStatus: 200 });
    expect(receiver.at("/hooks/trades")).toEqual([expect.objectContaining({ event: "webhook.test", signatureValid: true })]);

    receiver.statuses.set("/hooks/trades", 503);
    const failing = await sendTestWebhookAction({ endpointId: endpoints.trades });
    stopWebhookWake();
    expect(failing?.data).toMatchObject({ status: "pending", attempt: 1, httpStatus: 503 });
    const deliveryId = failing!.data!.deliveryId;
    const waits: number[] = [];
    for (let attempt = 2; attempt <= 6; attempt++) {
      const [job] = await queuedJobsFor(deliveryId);
      const [before] = await o.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
      waits.push((job.runAfter.getTime() - before.lastAttemptAt!.getTime()) / 1000);
      const out = await webhookDeliveryHandler(() => job.runAfter)(o.db, job);
      expect(out).toMatchObject({ attempt, httpStatus: 503, status: attempt < 6 ? "pending" : "failed" });
    }
    expect(waits).toEqual([60, 300, 1800, 7200, 43_200]);
    // After the sixth attempt no further one is queued.
    expect(await queuedJobsFor(deliveryId)).toHaveLength(5);
    const [failed] = await o.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
    expect(failed).toMatchObject({ status: "failed", attempts: 6, lastHttpStatus: 503, nextAttemptAt: null });

    receiver.statuses.set("/hooks/trades", 200);
    const again = await redeliverWebhookAction({ deliveryId });
    expect(again?.data).toMatchObject({ status: "delivered", attempt: 7, httpStatus: 200 });
    const log = (await o.db.select().from(auditLog).where(eq(auditLog.entityId, endpoints.trades))).map((a) => a.action);
    expect(log).toEqual(expect.arrayContaining(["webhook.created", "webhook.tested", "webhook.redelivered"]));
    session.user = null;
  });

  it("does not follow a redirect: a 302 is a failed attempt naming where it pointed", async () => {
    const { sendTestWebhook } = await import("@/lib/services/webhooks/send-test");
    receiver.statuses.set("/hooks/trades", 302);
    const out = await sendTestWebhook(o.db, admin, endpoints.trades, new Date());
    stopWebhookWake();
    receiver.statuses.set("/hooks/trades", 200);
    expect(out).toMatchObject({ status: "pending", attempt: 1, httpStatus: 302, error: expect.stringContaining("redirects are not followed") });
    expect(out.error).toContain("/hooks/trades/moved");
    expect(receiver.at("/hooks/trades/moved")).toHaveLength(0);
  });

  it("refuses a non-admin, and changes nothing", async () => {
    const { sendTestWebhookAction } = await import("@/lib/actions/webhooks/send-test-webhook");
    const { createWebhookAction } = await import("@/lib/actions/webhooks/create-webhook");
    const before = receiver.received.length;
    const [{ n: endpointsBefore }] = await o.db.select({ n: sql<number>`count(*)::int` }).from(webhookEndpoints);
    for (const role of ["planner", "supervisor", "agent"] as const) {
      session.user = { ...admin, role, siteIds: role === "supervisor" ? ["NYC"] : [] };
      expect((await sendTestWebhookAction({ endpointId: endpoints.trades }))?.serverError?.code, role).toBe("FORBIDDEN");
      expect((await createWebhookAction({ url: receiver.url("/x"), events: ["bid.awarded"] }))?.serverError?.code, role).toBe("FORBIDDEN");
      await expect(createWebhookEndpoint(o.db, session.user, { url: receiver.url("/x"), events: ["bid.awarded"] }, new Date())).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    session.user = null;
    expect(receiver.received.length).toBe(before);
    const [{ n: endpointsAfter }] = await o.db.select({ n: sql<number>`count(*)::int` }).from(webhookEndpoints);
    expect(endpointsAfter).toBe(endpointsBefore);
  });

  it("a disabled endpoint gets no new deliveries; deleting one removes its log", async () => {
    const { setWebhookActiveAction } = await import("@/lib/actions/webhooks/set-webhook-active");
    const { deleteWebhookAction } = await import("@/lib/actions/webhooks/delete-webhook");
    session.user = admin;
    expect((await setWebhookActiveAction({ endpointId: endpoints.imports, active: false }))?.data).toMatchObject({ active: false });
    expect((await setWebhookActiveAction({ endpointId: endpoints.imports, active: false }))?.serverError?.code).toBe("CONFLICT");
    const count = (await deliveriesOf(endpoints.imports)).length;
    const third = [HEADER, "AGENT-1003,2026-12-04T09:00:00-05:00,2026-12-04T17:00:00-05:00,,DRAFT,,NYC,"].join("\n");
    expect((await importFile(o, "c.csv", third)).status).toBe("committed");
    await inProcessWorkerIdle();
    expect(await deliveriesOf(endpoints.imports)).toHaveLength(count);
    expect((await deleteWebhookAction({ endpointId: endpoints.imports }))?.data).toMatchObject({ url: receiver.url("/hooks/imports") });
    expect(await deliveriesOf(endpoints.imports)).toHaveLength(0);
    const actions = (await o.db.select().from(auditLog).where(eq(auditLog.entityId, endpoints.imports))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["webhook.disabled", "webhook.deleted"]));
    session.user = null;
  });

  it("a trade decided by the engine and one decided by a supervisor each send trade.decided", async () => {
    const now = Date.parse(demo.weekStart) - 2 * 86_400_000;
    const taken = new Set<string>();
    const nyc = demo.shifts.filter((x) => x.siteId === "NYC");
    const a = nyc.find((x) => nyc.some((y) => y.agentId !== x.agentId && y.start === x.start + 1_800_000 && skillKey(demo, y.agentId) === skillKey(demo, x.agentId)))!;
    const b = nyc.find((y) => y.agentId !== a.agentId && y.start === a.start + 1_800_000 && skillKey(demo, y.agentId) === skillKey(demo, a.agentId))!;
    taken.add(a.agentId).add(b.agentId);
    const before = receiver.at("/hooks/trades").filter((g) => g.event === "trade.decided").length;
    const auto = await requestTrade(o.db, { kind: "swap", initiatorAgentId: a.agentId, initiatorShiftId: a.id, receiverAgentId: b.agentId, receiverShiftId: b.id, initiatorShiftVersion: 1, receiverShiftVersion: 1 }, actor, now);
    expect(auto.status).toBe("Approved");

    const [shift, receiverAgent] = oneSidedPair(demo, "NYC", taken);
    const pending = await requestTrade(o.db, { kind: "oneSided", initiatorAgentId: shift.agentId, initiatorShiftId: shift.id, receiverAgentId: receiverAgent, initiatorShiftVersion: 1 }, actor, now);
    expect(pending.status).toBe("PendingReview");
    await inProcessWorkerIdle();
    // Waiting for review is not a decision.
    expect(receiver.at("/hooks/trades").filter((g) => g.event === "trade.decided")).toHaveLength(before + 1);
    const [sup] = await o.db.select().from(users).where(eq(users.email, "supervisor.nyc@demo.local"));
    const decided = await decideTrade(o.db, { tradeId: pending.tradeId, siteId: "NYC", decision: "reject" }, { id: sup.id, email: sup.email, name: sup.name, role: "supervisor", siteIds: ["NYC"] }, now);
    expect(decided.status).toBe("Denied");
    await inProcessWorkerIdle();
    const got = receiver.at("/hooks/trades").filter((g) => g.event === "trade.decided").slice(before);
    expect(got.map((g) => g.signatureValid)).toEqual([true, true]);
    expect(got.map((g) => g.body.data)).toEqual([
      { tradeId: auto.tradeId, kind: "swap", status: "Approved", decidedBy: "system", siteId: null, decidedAt: new Date(now).toISOString() },
      { tradeId: pending.tradeId, kind: "oneSided", status: "Denied", decidedBy: "supervisor", siteId: "NYC", decidedAt: new Date(now).toISOString() },
    ]);
  });

  it("a job's completion hook writes its event in the transaction that stores the result, or not at all", async () => {
    const { path } = await register("runs", ["optimization.completed"]);
    const kind = "test.optimization-like";
    const handler: JobHandler = async () => ({ proposals: [1, 2, 3] });
    handler.onCompleted = async (tx, job, result) => {
      await emitWebhookEvent(tx, "optimization.completed", { jobId: job.id, status: "completed", proposals: (result.proposals as unknown[]).length, completedAt: new Date().toISOString() }, new Date());
      if (job.payload.failHook) throw new Error("the completion failed after the event was written");
    };
    const ok = await insertJob(o.db, { kind, payload: {}, createdBy: null });
    const broken = await insertJob(o.db, { kind, payload: { failHook: true }, createdBy: null });
    await drainJobs(o.db, { [kind]: handler }).catch(() => undefined);
    await drainJobs(o.db, { [kind]: handler }).catch(() => undefined);
    const rows = await o.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoints.runs));
    expect(rows.map((r) => (r.payload.data as { jobId: string }).jobId)).toEqual([ok]);
    const [brokenJob] = await o.db.select().from(jobs).where(eq(jobs.id, broken));
    expect(brokenJob.status).not.toBe("completed");
    await drainJobs(o.db, { [WEBHOOK_DELIVER_JOB]: webhookDeliveryHandler(() => new Date()) });
    expect(receiver.at(path)).toEqual([expect.objectContaining({ event: "optimization.completed", signatureValid: true, body: expect.objectContaining({ data: expect.objectContaining({ jobId: ok, proposals: 3 }) }) })]);
  });
});
