/**
 * Two dashboard instances and a worker on one database (issue 16, "scale-out"): each
 * "instance" here is its own connection pool to the same Postgres database (on PGlite,
 * the one handle, which is what the embedded default runs: one process). Whatever the two
 * do at the same time, an import, a trade decision and an optimization job apply once,
 * and a job whose worker was killed is picked up again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openPostgres, type OpenedDb } from "@/lib/db/client";
import { jobs, shifts, tradeDecisions, users } from "@/lib/db/schema";
import { claimNextJob, completeJob, getJob, insertJob, jobLeaseSeconds, renewJobLease } from "@/lib/db/queries/jobs";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { DemoData } from "@/lib/demo/generate";
import { drainJobs, type JobHandler } from "@/lib/jobs/worker";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { decideTrade } from "@/lib/services/trades/decide";
import { requestTrade } from "@/lib/services/trades/request";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";
import { oneSidedPair } from "./support/trade-pairs";

const planner = { id: null, label: "planner@test" };
const noOptions = { dryRun: false, overwriteConflicts: false, onlyValidRows: false };

describe.each(TEST_DRIVERS)("two instances and a worker on one $name database", (driver) => {
  let a: OpenedDb;
  let b: OpenedDb;
  let demo: DemoData;
  beforeAll(async () => {
    ({ opened: a, demo } = await openSeeded(driver.open));
    // A second instance: its own pool on the same database (PGlite is one process: the same handle).
    b = a.pool ? await openPostgres(String(a.pool.options.connectionString), { max: 6 }) : a;
  });
  afterAll(async () => {
    if (b !== a) await b.close();
    await a.close();
  });

  const count = async (o: OpenedDb) => (await o.db.select({ n: sql<number>`count(*)::int` }).from(shifts))[0].n;

  it("stores a file imported on both instances at once exactly once", async () => {
    const agents = Array.from({ length: 30 }, (_, i) => `AGENT-${1200 + i}`);
    const file = ["agentId,start,end,status,siteId", ...agents.map((id) => `${id},2027-03-03T09:00:00Z,2027-03-03T17:00:00Z,DRAFT,`)].join("\n");
    const before = await count(a);
    const results = await Promise.allSettled([a, b].map((o) => importShiftFile(o.db, { fileName: "same.csv", text: file, bytes: file.length, options: noOptions, actor: planner })));
    // One commits; the other is refused, or finds every row already stored: never both applied.
    expect(results.filter((r) => r.status === "fulfilled" && r.value.status === "committed" && r.value.importedRows === agents.length)).toHaveLength(1);
    expect(await count(a)).toBe(before + agents.length);
    const [{ n }] = await a.db
      .select({ n: sql<number>`count(*)::int` })
      .from(shifts)
      .where(sql`${shifts.startsAt} = '2027-03-03T09:00:00Z' and ${shifts.agentId} like 'AGENT-12%'`);
    expect(n).toBe(agents.length);
  });

  it("applies a trade decided on both instances at once exactly once", async () => {
    const [u] = await a.db.select().from(users).where(eq(users.email, "supervisor.nyc@demo.local"));
    const supervisor: CurrentUser = { id: u.id, email: u.email, name: u.name, role: u.role, siteIds: ["NYC"] };
    const now = Date.parse(DEMO_WEEK) - 2 * 86_400_000;
    // A NYC shift and a NYC agent alike in skills who is off around it: a trade only a reviewer decides.
    const [shift, receiverId] = oneSidedPair(demo, "NYC", new Set());
    const t = await requestTrade(a.db, { kind: "oneSided", initiatorAgentId: shift.agentId, initiatorShiftId: shift.id, receiverAgentId: receiverId, initiatorShiftVersion: 1 }, planner, now);
    expect(t.status).toBe("PendingReview");
    const results = await Promise.allSettled([a, b].map((o) => decideTrade(o.db, { tradeId: t.tradeId, siteId: "NYC", decision: "approve" }, supervisor, now)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["ALREADY_DECIDED"]);
    const [moved] = await a.db.select({ agentId: shifts.agentId, version: shifts.version }).from(shifts).where(eq(shifts.id, shift.id));
    expect(moved).toEqual({ agentId: receiverId, version: 2 });
    expect(await a.db.select().from(tradeDecisions).where(eq(tradeDecisions.tradeId, t.tradeId))).toHaveLength(1);
  });

  it("runs every job queued from both instances once, with both instances and a worker draining", async () => {
    const ran = new Map<string, string[]>();
    const handler =
      (who: string): JobHandler =>
      async (_db, job) => {
        ran.set(job.id, [...(ran.get(job.id) ?? []), who]);
        await new Promise((r) => setTimeout(r, 5));
        return { by: who };
      };
    const ids = await Promise.all(Array.from({ length: 24 }, (_, i) => insertJob((i % 2 ? b : a).db, { kind: "cluster-probe", payload: { i }, createdBy: null })));
    const counts = await Promise.all([
      drainJobs(a.db, { "cluster-probe": handler("dashboard-a") }, "dashboard-a"),
      drainJobs(b.db, { "cluster-probe": handler("dashboard-b") }, "dashboard-b"),
      drainJobs(b.db, { "cluster-probe": handler("worker") }, "worker"),
    ]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(ids.length);
    for (const id of ids) {
      expect(ran.get(id), id).toHaveLength(1);
      const job = await getJob(a.db, id);
      expect(job).toMatchObject({ status: "completed", attempts: 1, result: { by: ran.get(id)![0] } });
    }
  });

  it("picks up a killed worker's job again, and drops the late answer of the worker presumed dead", async () => {
    const id = await insertJob(a.db, { kind: "killed-probe", payload: {}, createdBy: null });
    // The worker claims the job and is killed: no answer, no more lease renewals.
    expect((await claimNextJob(b.db, "killed-worker", ["killed-probe"]))?.id).toBe(id);
    // While alive it renews its lease; nobody else can.
    expect(await renewJobLease(b.db, id, "killed-worker")).toBe(true);
    expect(await renewJobLease(a.db, id, "someone-else")).toBe(false);
    expect(await drainJobs(a.db, { "killed-probe": async () => ({ by: "too early" }) }, "survivor")).toBe(0);
    // The lease runs out (time passes: the renewal it would have made is older than the lease).
    await a.db.update(jobs).set({ lockedAt: sql`now() - make_interval(secs => ${jobLeaseSeconds() + 60})` }).where(eq(jobs.id, id));
    expect(await drainJobs(a.db, { "killed-probe": async () => ({ by: "survivor" }) }, "survivor")).toBe(1);
    expect(await getJob(a.db, id)).toMatchObject({ status: "completed", attempts: 2, lockedBy: "survivor", result: { by: "survivor" } });
    // Had the first worker only stalled, its answer now comes too late and is refused.
    expect(await completeJob(b.db, id, { by: "killed-worker" }, "killed-worker")).toBe(false);
    expect(await getJob(a.db, id)).toMatchObject({ result: { by: "survivor" } });
  });
});
