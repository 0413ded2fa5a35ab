/**
 * The REST resources over the dashboard's use cases: trades (list, request, evaluate, one,
 * decision), optimization (launch, job, accept, cancel, capacity plans), imports (list, one)
 * and demand. Real handlers, bearer tokens, a demo seeded three weeks ahead of the clock (a
 * trade must be in the future), on PGlite and on a scratch Postgres database. Answers are
 * checked against the schemas the OpenAPI document publishes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { OPERATIONS } from "@/lib/api/openapi/operations";
import type { OpenedDb } from "@/lib/db/client";
import { tradeRequests } from "@/lib/db/schema";
import type { DemoData } from "@/lib/demo/generate";
import { addDays } from "@/lib/domain/time";
import { inProcessWorkerIdle } from "@/lib/jobs/worker";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { seedDemo } from "@/lib/services/seed/demo";
import { TEST_DRIVERS } from "./support/db";
import { call, mint, routeHandlersUse } from "./support/api";
import { oneSidedPair } from "./support/trade-pairs";

type Handler = Parameters<typeof call>[0];
const DAY = 86_400_000;

/** A Monday at least three weeks after today (UTC). */
function futureMonday(): string {
  const d = new Date(Date.now() + 21 * DAY);
  const shift = (8 - d.getUTCDay()) % 7;
  return new Date(d.getTime() + shift * DAY).toISOString().slice(0, 10);
}

const schemaOf = (method: string, path: string): z.ZodType => {
  const op = OPERATIONS.find((o) => o.method === method && o.path === path);
  if (!op?.response.schema) throw new Error(`${method} ${path} has no documented JSON schema`);
  return op.response.schema;
};

async function fits(res: Response, method: string, path: string, status = 200) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  expect(schemaOf(method, path).safeParse(body).error, JSON.stringify(body).slice(0, 500)).toBeUndefined();
  return body;
}

async function problem(res: Response, status: number, code: string) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(body.code).toBe(code);
  return body as { detail: string; errors: { field?: string; message: string }[]; current?: Record<string, unknown> };
}

for (const driver of TEST_DRIVERS) {
  describe(`REST resources (${driver.name})`, () => {
    let opened: OpenedDb;
    let demo: DemoData;
    let week: string;
    const t = {} as Record<"planner" | "admin" | "nyc" | "lon", string>;
    const routes = {} as Record<string, Record<string, Handler>>;
    const tradeCount = async () => (await opened.db.select({ n: sql<number>`count(*)::int` }).from(tradeRequests))[0].n;

    beforeAll(async () => {
      opened = await driver.open();
      week = futureMonday();
      demo = await seedDemo(opened.db, { weekStart: week });
      routeHandlersUse(opened);
      t.planner = await mint(opened.db, "planner");
      t.admin = await mint(opened.db, "admin");
      t.nyc = await mint(opened.db, "supervisor", { siteIds: ["NYC"], name: "nyc" });
      t.lon = await mint(opened.db, "supervisor", { siteIds: ["LON"], name: "lon" });
      for (const [key, mod] of Object.entries({
        trades: await import("@/app/api/v1/trades/route"),
        evaluate: await import("@/app/api/v1/trades/evaluate/route"),
        trade: await import("@/app/api/v1/trades/[id]/route"),
        decision: await import("@/app/api/v1/trades/[id]/decision/route"),
        jobs: await import("@/app/api/v1/optimization/jobs/route"),
        job: await import("@/app/api/v1/optimization/jobs/[id]/route"),
        accept: await import("@/app/api/v1/optimization/jobs/[id]/accept/route"),
        cancel: await import("@/app/api/v1/optimization/jobs/[id]/cancel/route"),
        plans: await import("@/app/api/v1/optimization/capacity-plans/route"),
        imports: await import("@/app/api/v1/imports/route"),
        import: await import("@/app/api/v1/imports/[id]/route"),
        demand: await import("@/app/api/v1/demand/route"),
      }))
        routes[key] = mod as unknown as Record<string, Handler>;
    }, 180_000);
    afterAll(async () => {
      await inProcessWorkerIdle();
      await opened?.close();
    });

    describe("trades", () => {
      let body: Record<string, unknown>;
      let tradeId: string;
      let etag: string;

      it("evaluates a request without filing it: the engine's verdict, nothing stored", async () => {
        const [shift, receiver] = oneSidedPair(demo, "NYC", new Set());
        body = { kind: "oneSided", initiatorAgentId: shift.agentId, initiatorShiftId: shift.id, initiatorShiftVersion: 1, receiverAgentId: receiver, note: "api test" };
        const before = await tradeCount();
        const verdict = await fits(await call(routes.evaluate.POST, "/api/v1/trades/evaluate", { token: t.planner, body }), "POST", "/api/v1/trades/evaluate");
        expect(verdict.outcome).toBe("PendingReview");
        expect(verdict.refusal).toBeNull();
        expect(verdict.reviewSiteIds).toEqual(["NYC"]);
        expect(verdict.violations.map((v: { type: string }) => v.type)).toContain("OneSided");
        expect(await tradeCount()).toBe(before);
        // A supervisor may not request (nor evaluate) trades.
        await problem(await call(routes.evaluate.POST, "/api/v1/trades/evaluate", { token: t.nyc, body }), 403, "FORBIDDEN");
      });

      it("refuses an unknown field by name and files nothing", async () => {
        const before = await tradeCount();
        const p = await problem(await call(routes.trades.POST, "/api/v1/trades", { token: t.planner, body: { ...body, urgency: "high" } }), 400, "VALIDATION");
        expect(p.errors).toEqual([expect.objectContaining({ field: "urgency" })]);
        expect(await tradeCount()).toBe(before);
      });

      it("files a request once per Idempotency-Key (201, the trade with its ETag; the replay answers the same)", async () => {
        const before = await tradeCount();
        const headers = { "idempotency-key": `trade-${driver.name}` };
        const first = await call(routes.trades.POST, "/api/v1/trades", { token: t.planner, body, headers });
        etag = first.headers.get("etag")!;
        const trade = await fits(first, "POST", "/api/v1/trades", 201);
        expect(trade).toMatchObject({ status: "PendingReview", reviewSiteIds: ["NYC"], siteId: "NYC", version: 1 });
        expect(etag).toBe('"1"');
        tradeId = trade.id;
        const again = await call(routes.trades.POST, "/api/v1/trades", { token: t.planner, body, headers });
        expect(again.headers.get("idempotency-replayed")).toBe("true");
        expect(await fits(again, "POST", "/api/v1/trades", 201)).toEqual(trade);
        await problem(await call(routes.trades.POST, "/api/v1/trades", { token: t.planner, body: { ...body, note: "other" }, headers }), 422, "IDEMPOTENCY_KEY_REUSED");
        expect(await tradeCount()).toBe(before + 1);
      });

      it("lists and reads trades with cursors, and keeps a supervisor to their sites", async () => {
        const list = await fits(await call(routes.trades.GET, `/api/v1/trades?status=PendingReview&siteId=NYC&from=${week}T00:00:00Z&to=${addDays(week, 7)}T00:00:00Z`, { token: t.nyc }), "GET", "/api/v1/trades");
        expect(list.items.map((i: { id: string }) => i.id)).toContain(tradeId);
        const one = await call(routes.trade.GET, `/api/v1/trades/${tradeId}`, { token: t.nyc, params: { id: tradeId } });
        expect(one.headers.get("etag")).toBe(etag);
        await fits(one, "GET", "/api/v1/trades/[id]");
        // Paging: one per page, a cursor from another query refused.
        await call(routes.trades.POST, "/api/v1/trades", { token: t.admin, body: { ...body, initiatorShiftId: "00000000-0000-4000-8000-000000000000" } });
        const page1 = await fits(await call(routes.trades.GET, "/api/v1/trades?limit=1", { token: t.admin }), "GET", "/api/v1/trades");
        expect(page1.items).toHaveLength(1);
        if (page1.nextCursor) {
          const page2 = await fits(await call(routes.trades.GET, `/api/v1/trades?limit=1&cursor=${page1.nextCursor}`, { token: t.admin }), "GET", "/api/v1/trades");
          expect(page2.items[0]?.id).not.toBe(page1.items[0].id);
          const foreign = await problem(await call(routes.trades.GET, `/api/v1/trades?limit=1&status=Approved&cursor=${page1.nextCursor}`, { token: t.admin }), 400, "VALIDATION");
          expect(foreign.errors[0].field).toBe("cursor");
        }
        // The London supervisor: another site named, or a New York trade read, is refused.
        await problem(await call(routes.trades.GET, "/api/v1/trades?siteId=NYC", { token: t.lon }), 403, "SITE_FORBIDDEN");
        await problem(await call(routes.trade.GET, `/api/v1/trades/${tradeId}`, { token: t.lon, params: { id: tradeId } }), 403, "SITE_FORBIDDEN");
        const lonList = await fits(await call(routes.trades.GET, "/api/v1/trades", { token: t.lon }), "GET", "/api/v1/trades");
        expect(lonList.items.map((i: { id: string }) => i.id)).not.toContain(tradeId);
        await problem(await call(routes.trades.GET, "/api/v1/trades?sort=new", { token: t.admin }), 400, "VALIDATION");
      });

      it("decides at the trade's version: 428 without If-Match, 409 when stale, the wrong site's supervisor refused, then approved", async () => {
        const url = `/api/v1/trades/${tradeId}/decision`;
        const decision = { siteId: "NYC", decision: "approve", comment: "covered" };
        const params = { id: tradeId };
        await problem(await call(routes.decision.POST, url, { token: t.nyc, body: decision, params }), 428, "PRECONDITION_REQUIRED");
        const stale = await problem(await call(routes.decision.POST, url, { token: t.nyc, body: decision, params, headers: { "if-match": '"7"' } }), 409, "STALE_VERSION");
        expect(stale.current).toMatchObject({ id: tradeId, version: 1, status: "PendingReview" });
        await problem(await call(routes.decision.POST, url, { token: t.lon, body: decision, params, headers: { "if-match": etag } }), 403, "SITE_FORBIDDEN");
        await problem(await call(routes.decision.POST, url, { token: t.lon, body: { ...decision, siteId: "LON" }, params, headers: { "if-match": etag } }), 403, "SITE_FORBIDDEN");
        const unknown = await problem(await call(routes.decision.POST, url, { token: t.nyc, body: { ...decision, note: "x" }, params, headers: { "if-match": etag } }), 400, "VALIDATION");
        expect(unknown.errors[0].field).toBe("note");
        const res = await call(routes.decision.POST, url, { token: t.nyc, body: decision, params, headers: { "if-match": etag } });
        expect(res.headers.get("etag")).toBe('"2"');
        const decided = await fits(res, "POST", "/api/v1/trades/[id]/decision");
        expect(decided).toMatchObject({ tradeId, version: 2 });
        expect(["Approved", "Denied"]).toContain(decided.status);
        await problem(await call(routes.decision.POST, url, { token: t.nyc, body: decision, params, headers: { "if-match": etag } }), 409, "STALE_VERSION");
      });
    });

    describe("optimization", () => {
      let runId: string;
      const launch = (from: string) => ({ from, to: from, allowOvertime: true, maxOvertimeHoursPerAgent: 4, timeLimitSeconds: 8, targetGapPercent: 1 });

      it("launches once per Idempotency-Key and answers the run with its solver figures", async () => {
        const headers = { "idempotency-key": `launch-${driver.name}` };
        await problem(await call(routes.jobs.POST, "/api/v1/optimization/jobs", { token: t.nyc, body: launch(week), headers }), 403, "FORBIDDEN");
        const unknown = await problem(await call(routes.jobs.POST, "/api/v1/optimization/jobs", { token: t.planner, body: { ...launch(week), gapTarget: 2 } }), 400, "VALIDATION");
        expect(unknown.errors[0].field).toBe("gapTarget");
        const first = await call(routes.jobs.POST, "/api/v1/optimization/jobs", { token: t.planner, body: launch(week), headers });
        const run = await fits(first, "POST", "/api/v1/optimization/jobs", 201);
        runId = run.id;
        const again = await fits(await call(routes.jobs.POST, "/api/v1/optimization/jobs", { token: t.planner, body: launch(week), headers }), "POST", "/api/v1/optimization/jobs", 201);
        expect(again.id).toBe(runId);
        await inProcessWorkerIdle();
        const done = await fits(await call(routes.job.GET, `/api/v1/optimization/jobs/${runId}`, { token: t.planner, params: { id: runId } }), "GET", "/api/v1/optimization/jobs/[id]");
        expect(done.status).toBe("completed");
        expect(done.engine).toEqual(expect.any(String));
        expect(done.solverStatus).not.toBeUndefined();
      }, 180_000);

      it("accepts proposals (created and refused with reasons), once per Idempotency-Key", async () => {
        const run = await (await call(routes.job.GET, `/api/v1/optimization/jobs/${runId}`, { token: t.planner, params: { id: runId } })).json();
        const ids = (run.result.proposals as { id: string }[]).slice(0, 2).map((p) => p.id);
        expect(ids.length).toBeGreaterThan(0);
        const url = `/api/v1/optimization/jobs/${runId}/accept`;
        const params = { id: runId };
        await problem(await call(routes.accept.POST, url, { token: t.nyc, body: { proposalIds: ids }, params }), 403, "FORBIDDEN");
        const unknown = await problem(await call(routes.accept.POST, url, { token: t.planner, body: { proposalIds: ids, runId }, params }), 400, "VALIDATION");
        expect(unknown.errors[0].field).toBe("runId");
        const headers = { "idempotency-key": `accept-${driver.name}` };
        const out = await fits(await call(routes.accept.POST, url, { token: t.planner, body: { proposalIds: ids }, params, headers }), "POST", "/api/v1/optimization/jobs/[id]/accept");
        expect(out.created.length + out.extended.length + out.refused.length).toBe(ids.length);
        const replay = await call(routes.accept.POST, url, { token: t.planner, body: { proposalIds: ids }, params, headers });
        expect(replay.headers.get("idempotency-replayed")).toBe("true");
        expect(await replay.json()).toEqual(out);
        // Without the key, the same ids come back refused: already accepted.
        const twice = await fits(await call(routes.accept.POST, url, { token: t.planner, body: { proposalIds: ids }, params }), "POST", "/api/v1/optimization/jobs/[id]/accept");
        expect(twice.created).toEqual([]);
        expect(twice.refused.length).toBe(ids.length);
      });

      it("cancels a running run; a finished one answers 409", async () => {
        await problem(await call(routes.cancel.POST, `/api/v1/optimization/jobs/${runId}/cancel`, { token: t.planner, params: { id: runId } }), 409, "CONFLICT");
        const second = await (await call(routes.jobs.POST, "/api/v1/optimization/jobs", { token: t.planner, body: launch(addDays(week, 1)) })).json();
        await problem(await call(routes.cancel.POST, `/api/v1/optimization/jobs/${second.id}/cancel`, { token: t.nyc, params: { id: second.id } }), 403, "FORBIDDEN");
        const res = await call(routes.cancel.POST, `/api/v1/optimization/jobs/${second.id}/cancel`, { token: t.planner, params: { id: second.id } });
        // On a very quick machine the run may have finished first: then it is the 409 above.
        if (res.status === 200) expect(await fits(res, "POST", "/api/v1/optimization/jobs/[id]/cancel")).toEqual({ status: "canceled" });
        else await problem(res, 409, "CONFLICT");
        await inProcessWorkerIdle();
      }, 180_000);

      it("plans capacity statelessly: counts per shift type per day and totals", async () => {
        const op = OPERATIONS.find((o) => o.path === "/api/v1/optimization/capacity-plans")!;
        await problem(await call(routes.plans.POST, "/api/v1/optimization/capacity-plans", { token: t.nyc, body: op.inputExample }), 403, "FORBIDDEN");
        const unknown = await problem(await call(routes.plans.POST, "/api/v1/optimization/capacity-plans", { token: t.planner, body: { ...(op.inputExample as object), horizon: 7 } }), 400, "VALIDATION");
        expect(unknown.errors[0].field).toBe("horizon");
        const plan = await fits(await call(routes.plans.POST, "/api/v1/optimization/capacity-plans", { token: t.planner, body: op.inputExample }), "POST", "/api/v1/optimization/capacity-plans");
        expect(plan.status).toBe("OPTIMAL");
        expect(plan.counts.every((c: { day: number }) => c.day === 0)).toBe(true);
        expect(plan.totals.agents).toBeGreaterThan(0);
      }, 120_000);
    });

    describe("imports and demand", () => {
      it("lists imports (filter kind, cursor) and reads one with its counts and undone state", async () => {
        const text = `agentId,start,end,status,siteId\nAGENT-1010,${addDays(week, 20)}T14:00:00Z,${addDays(week, 20)}T22:00:00Z,DRAFT,NYC\n`;
        for (const name of ["a.csv", "b.csv"]) await importShiftFile(opened.db, { fileName: name, text, bytes: text.length, options: { dryRun: true, overwriteConflicts: false, onlyValidRows: false }, actor: { id: null, label: "planner" } });
        const page1 = await fits(await call(routes.imports.GET, "/api/v1/imports?kind=shifts&limit=1", { token: t.planner }), "GET", "/api/v1/imports");
        expect(page1.items).toHaveLength(1);
        expect(page1.nextCursor).toEqual(expect.any(String));
        const page2 = await fits(await call(routes.imports.GET, `/api/v1/imports?kind=shifts&limit=1&cursor=${page1.nextCursor}`, { token: t.planner }), "GET", "/api/v1/imports");
        expect(page2.items[0].id).not.toBe(page1.items[0].id);
        await problem(await call(routes.imports.GET, `/api/v1/imports?kind=demand&limit=1&cursor=${page1.nextCursor}`, { token: t.planner }), 400, "VALIDATION");
        await problem(await call(routes.imports.GET, "/api/v1/imports?kind=rota", { token: t.planner }), 400, "VALIDATION");
        await problem(await call(routes.imports.GET, "/api/v1/imports", { token: t.nyc }), 403, "FORBIDDEN");
        const id = page1.items[0].id;
        const one = await fits(await call(routes.import.GET, `/api/v1/imports/${id}`, { token: t.planner, params: { id } }), "GET", "/api/v1/imports/[id]");
        expect(one).toMatchObject({ id, kind: "shifts", status: "validated", dryRun: true, undone: false, undoneAt: null, counts: { totalRows: 1 } });
        await problem(await call(routes.import.GET, `/api/v1/imports/${id}`, { token: t.nyc, params: { id } }), 403, "FORBIDDEN");
        await problem(await call(routes.import.GET, "/api/v1/imports/00000000-0000-4000-8000-000000000000", { token: t.planner, params: { id: "00000000-0000-4000-8000-000000000000" } }), 404, "NOT_FOUND");
      });

      it("reads demand as loaded per skill and interval, capped at 31 days", async () => {
        const skill = demo.skills[0].id;
        const all = await fits(await call(routes.demand.GET, `/api/v1/demand?from=${week}&to=${week}&site=NYC`, { token: t.nyc }), "GET", "/api/v1/demand");
        expect(all.timeZone).toBe("America/New_York");
        expect(all.skills.length).toBeGreaterThan(0);
        const one = await fits(await call(routes.demand.GET, `/api/v1/demand?from=${week}&skill=${skill}`, { token: t.planner }), "GET", "/api/v1/demand");
        expect(one.skills.map((s: { skillId: string }) => s.skillId)).toEqual(one.skills.length ? [skill] : []);
        const long = await problem(await call(routes.demand.GET, `/api/v1/demand?from=${week}&to=${addDays(week, 40)}`, { token: t.planner }), 400, "VALIDATION");
        expect(long.errors[0].field).toBe("to");
        const odd = await problem(await call(routes.demand.GET, `/api/v1/demand?from=${week}&granularity=hour`, { token: t.planner }), 400, "VALIDATION");
        expect(odd.detail).toContain("granularity");
        await problem(await call(routes.demand.GET, `/api/v1/demand?from=${week}&site=MARS`, { token: t.planner }), 400, "VALIDATION");
      });
    });
  });
}
