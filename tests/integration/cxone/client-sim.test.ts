/**
 * The client against the simulator over real HTTP on loopback: every fault knob and
 * what the client does about it. Sleeps are injected (recorded, not waited) unless a
 * test needs real time to pass.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CxoneAmbiguousWriteError,
  CxoneAuthError,
  CxoneJobFailedError,
  CxonePaginationError,
  CxonePermissionError,
  CxoneRateLimitError,
  CxoneResponseError,
  CxoneServerError,
  CxoneTimeoutError,
  createCxoneClient,
  type CxoneClientDeps,
  type CxoneShift,
} from "@/lib/cxone";
import { startSimulator, type RunningSimulator } from "@/lib/cxone/simulator";
import { demoSimData } from "@/scripts/cxone-flow/demo";

const WEEK = { dateFrom: "2026-03-02T00:00:00Z", dateTo: "2026-03-08T23:59:59Z" };
const READ_ONLY = { clientId: "reader", clientSecret: "reader-secret", scopes: ["wfm:schedule:read"] as const };

let sim: RunningSimulator;

function client(extra: { deps?: CxoneClientDeps; clientId?: string; clientSecret?: string; timeoutMs?: number } = {}) {
  const sleeps: number[] = [];
  const c = createCxoneClient(
    {
      baseUrl: sim.url,
      clientId: extra.clientId ?? "sim-client",
      clientSecret: extra.clientSecret ?? "sim-secret",
      ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
    },
    {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      ...extra.deps,
    },
  );
  return { c, sleeps };
}

const shift = (agentId: string, start: string, end: string, o: Partial<CxoneShift> = {}): CxoneShift => ({
  agentId,
  startDate: start,
  endDate: end,
  skills: [],
  status: "PUBLISHED",
  breaks: [],
  ...o,
});

beforeAll(async () => {
  sim = await startSimulator({
    data: demoSimData({ weekStart: "2026-03-02" }),
    clients: [{ clientId: "sim-client", clientSecret: "sim-secret", scopes: ["wfm:schedule:read", "wfm:schedule:write", "wfm:optimization:read", "wfm:optimization:write"] }, READ_ONLY],
  });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => {
  sim.control.resetFaults();
  sim.control.resetStats();
});

describe("auth and scopes", () => {
  it("testConnection proves the token and each scope", async () => {
    const r = await client().c.testConnection();
    expect(r.ok).toBe(true);
    expect(Object.values(r.scopes).every((s) => s.ok)).toBe(true);
    // Nothing was written: the write probe is a validate-only import of no shifts.
    expect(sim.control.stats().appliedImports).toBe(0);
    expect(sim.control.stats().jobsCreated).toBe(0);
  });

  it("testConnection reports each missing scope by name", async () => {
    const r = await client({ clientId: READ_ONLY.clientId, clientSecret: READ_ONLY.clientSecret }).c.testConnection();
    expect(r.ok).toBe(false);
    expect(r.token.grantedScopes).toEqual(["wfm:schedule:read"]);
    expect(r.scopes["wfm:schedule:read"].ok).toBe(true);
    expect(r.scopes["wfm:schedule:write"]).toMatchObject({ ok: false, message: expect.stringContaining("wfm:schedule:write") });
    expect(r.scopes["wfm:optimization:read"]).toMatchObject({ ok: false, message: expect.stringContaining("wfm:optimization:read") });
    expect(r.scopes["wfm:optimization:write"]).toMatchObject({ ok: false, message: "not granted to this API client" });
  });

  it("403 names the scope the endpoint needs", async () => {
    const { c } = client({ clientId: READ_ONLY.clientId, clientSecret: READ_ONLY.clientSecret });
    const err = await c.importShifts([shift("AGENT-1001", "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z")]).catch((e) => e);
    expect(err).toBeInstanceOf(CxonePermissionError);
    expect(err.scope).toBe("wfm:schedule:write");
    expect(err.message).toMatch(/lacks the scope wfm:schedule:write/);
  });

  it("a wrong secret is an auth error", async () => {
    const err = await client({ clientSecret: "nope" }).c.getAllCoverage(WEEK).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneAuthError);
    expect(err.message).toMatch(/invalid_client/);
  });

  it("20 concurrent requests answered 401 cause exactly one token refresh", async () => {
    const { c } = client();
    await c.getAllCoverage({ ...WEEK, pageSize: 50 });
    sim.control.resetStats();
    sim.control.revokeTokens();
    const results = await Promise.all(Array.from({ length: 20 }, () => c.getAllCoverage({ ...WEEK, pageSize: 50 })));
    expect(results.every((r) => r.items.length === 42)).toBe(true);
    const stats = sim.control.stats();
    expect(stats.statuses["401"]).toBe(20);
    expect(stats.tokensIssued).toBe(1);
    expect(stats.requests.coverage).toBe(40);
  });

  it("a short token lifetime is survived by refresh (ahead of time or on 401)", async () => {
    // The simulator says expires_in 1 s but kills tokens after 300 ms: the client meets a 401.
    sim.control.setFaults({ tokenLifetimeMs: 300 });
    const { c } = client();
    await c.getAllCoverage({ ...WEEK, pageSize: 50 });
    await new Promise((r) => setTimeout(r, 350));
    const r = await c.getAllCoverage({ ...WEEK, pageSize: 50 });
    expect(r.items).toHaveLength(42);
    const stats = sim.control.stats();
    expect(stats.tokensIssued).toBeGreaterThanOrEqual(2);
  });
});

describe("rate limits", () => {
  it("waits at least Retry-After (seconds) plus jitter", async () => {
    sim.control.setFaults({ rateLimit: { rate: 1, times: 2, retryAfter: { seconds: 2, format: "seconds" } } });
    const { c, sleeps } = client();
    const r = await c.getAllCoverage({ ...WEEK, pageSize: 50 });
    expect(r.items).toHaveLength(42);
    expect(sleeps).toEqual([2500, 2500]);
    expect(sim.control.stats().requests.coverage).toBe(3);
  });

  it("waits until a Retry-After HTTP date", async () => {
    const T0 = Date.UTC(2026, 2, 2, 12, 0, 0);
    const fixed = await startSimulator({ now: () => T0, faults: { rateLimit: { rate: 1, times: 1, retryAfter: { seconds: 3, format: "http-date" } } } });
    try {
      const sleeps: number[] = [];
      const c = createCxoneClient(
        { baseUrl: fixed.url, clientId: "sim-client", clientSecret: "sim-secret" },
        { now: () => T0, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
      );
      await c.getAllCoverage({ dateFrom: "2026-03-02", dateTo: "2026-03-02" });
      expect(fixed.control.stats().log.find((l) => l.status === 429)).toBeDefined();
      expect(sleeps).toEqual([3500]);
    } finally {
      await fixed.close();
    }
  });

  it("never more than 5 tries, then a clear rate-limited error", async () => {
    sim.control.setFaults({ rateLimit: { rate: 1, retryAfter: null } });
    const { c, sleeps } = client();
    const err = await c.getAllCoverage(WEEK).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneRateLimitError);
    expect(err.message).toMatch(/rate limited .* after 5 tries/);
    expect(sim.control.stats().requests.coverage).toBe(5);
    // No Retry-After: full jitter from 1 s, doubling (random() = 0.5).
    expect(sleeps).toEqual([500, 1000, 2000, 4000]);
  });

  it("the control endpoint sets faults over HTTP", async () => {
    const res = await fetch(`${sim.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ rateLimit: { rate: 1, times: 1 } }) });
    expect(res.status).toBe(200);
    expect((await res.json()).rateLimit).toMatchObject({ rate: 1, times: 1 });
    const { c, sleeps } = client();
    await c.getAllCoverage({ ...WEEK, pageSize: 50 });
    expect(sleeps).toEqual([1500]);
    const stats = await (await fetch(`${sim.url}/__sim/stats`)).json();
    expect(stats.statuses["429"]).toBe(1);
  });
});

describe("pagination", () => {
  it("reads every page with totalCount", async () => {
    const r = await client().c.getAllCoverage({ ...WEEK, pageSize: 10 });
    expect(r).toMatchObject({ totalCount: 42, pages: 5 });
    expect(new Set(r.items.map((i) => `${i.skillId}|${i.dateRange.start}`)).size).toBe(42);
    expect(r.items[0]).toMatchObject({ dateRange: { start: "2026-03-02T00:00:00Z", end: "2026-03-02T23:59:59Z" } });
  });

  it("groupBy=timeBlock gives 15-minute records", async () => {
    const page = await client().c.getCoverage({ dateFrom: "2026-03-02T12:00:00Z", dateTo: "2026-03-02T13:00:00Z", groupBy: "timeBlock", pageSize: 5 }).next();
    const item = page.value!.items[0];
    expect(Date.parse(item.dateRange.end) - Date.parse(item.dateRange.start)).toBe(15 * 60_000 - 1000);
  });

  it("stops on a repeated page token and says so", async () => {
    sim.control.setFaults({ repeatPageToken: true });
    const err = await client().c.getAllCoverage({ ...WEEK, pageSize: 10 }).catch((e) => e);
    expect(err).toBeInstanceOf(CxonePaginationError);
    expect(err.code).toBe("REPEATED_PAGE_TOKEN");
    expect(err.message).toMatch(/a second time after page 2/);
    expect(sim.control.stats().requests.coverage).toBe(2);
  });

  it("stops at the page cap and says so", async () => {
    const err = await client().c.getAllCoverage({ ...WEEK, pageSize: 1, maxPages: 3 }).catch((e) => e);
    expect(err.code).toBe("PAGE_CAP");
    expect(err.message).toMatch(/3 pages \(the page cap\).*3 of 42 items/);
    expect(sim.control.stats().requests.coverage).toBe(3);
  });

  it("rejects a malformed page naming the field, without retrying", async () => {
    sim.control.setFaults({ malformedPage: { rate: 1, times: 1 } });
    const err = await client().c.getAllCoverage(WEEK).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneResponseError);
    expect(err.fieldPath).toBe("items[0].requiredHours");
    expect(err.message).toMatch(/items\[0\]\.requiredHours: .*expected number/i);
    expect(sim.control.stats().requests.coverage).toBe(1);
  });

  it("retries a page cut mid-JSON; gives up after 5 cut pages", async () => {
    sim.control.setFaults({ truncatedPage: { rate: 1, times: 1 } });
    const once = client();
    const r = await once.c.getAllCoverage({ ...WEEK, pageSize: 50 });
    expect(r.items).toHaveLength(42);
    expect(once.sleeps).toHaveLength(1);
    expect(sim.control.stats().requests.coverage).toBe(2);

    sim.control.setFaults({ truncatedPage: { rate: 1, times: null } });
    sim.control.resetStats();
    const err = await client().c.getAllCoverage({ ...WEEK, pageSize: 50 }).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneServerError);
    expect(err.message).toMatch(/after 5 tries/);
    expect(sim.control.stats().requests.coverage).toBe(5);
  });
});

describe("writes and 5xx", () => {
  it("never repeats a real import after a 5xx: exactly one request reaches the simulator", async () => {
    sim.control.setFaults({ serverError: { rate: 1, times: 1, endpoints: ["import"] } });
    const err = await client().c.importShifts([shift("AGENT-1001", "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z")]).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneAmbiguousWriteError);
    expect(err.message).toMatch(/may or may not have been applied/);
    const stats = sim.control.stats();
    expect(stats.requests.import).toBe(1);
    expect(stats.log.filter((l) => l.endpoint === "import").map((l) => l.validateOnly)).toEqual([false]);
  });

  it("…and the ambiguity is real: a 5xx after applying leaves the shift stored", async () => {
    sim.control.setFaults({ serverError: { rate: 1, times: 1, endpoints: ["import"], afterApply: true } });
    const before = sim.control.store.shiftCount();
    const err = await client().c.importShifts([shift("AGENT-1002", "2026-03-03T09:00:00Z", "2026-03-03T17:00:00Z")]).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneAmbiguousWriteError);
    expect(sim.control.stats().requests.import).toBe(1);
    expect(sim.control.store.shiftCount()).toBe(before + 1);
  });

  it("repeats a validate-only import after a 5xx, and a GET", async () => {
    sim.control.setFaults({ serverError: { rate: 1, times: 1, endpoints: ["import"] } });
    const { c } = client();
    const r = await c.importShifts([shift("AGENT-1003", "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z")], { validateOnly: true });
    expect(r.status).toBe("VALIDATED");
    expect(sim.control.stats().requests.import).toBe(2);
    expect(sim.control.stats().appliedImports).toBe(0);

    sim.control.setFaults({ serverError: { rate: 1, times: 2, endpoints: ["coverage"] } });
    await c.getAllCoverage({ ...WEEK, pageSize: 50 });
    expect(sim.control.stats().requests.coverage).toBe(3);
  });

  it("every request has a timeout: a slow GET gives up after 5 tries, a slow import after 1 as ambiguous", async () => {
    const { c } = client({ timeoutMs: 60 });
    await c.tokens.getToken();
    sim.control.setFaults({ latencyMs: 250 });
    const err = await c.getAllCoverage(WEEK).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneTimeoutError);
    expect(err.message).toMatch(/5 tries/);
    const werr = await c.importShifts([shift("AGENT-1004", "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z")]).catch((e) => e);
    expect(werr).toBeInstanceOf(CxoneAmbiguousWriteError);
    await new Promise((r) => setTimeout(r, 300)); // let the simulator finish the abandoned answers
    expect(sim.control.stats().requests.import).toBe(1);
  });

  it("maps each refused shift to its CSV row across batches", async () => {
    const shifts = [
      shift("AGENT-1010", "2026-03-04T09:00:00Z", "2026-03-04T17:00:00Z"),
      shift("AGENT-1011", "2026-03-04T17:00:00Z", "2026-03-04T09:00:00Z"),
      shift("AGENT-9999", "2026-03-04T09:00:00Z", "2026-03-04T17:00:00Z"),
      shift("AGENT-1012", "2026-03-04T09:00:00Z", "2026-03-04T17:00:00Z", { skills: [{ skillId: "SKILL_NOPE", proficiencyLevel: 3 }] }),
    ];
    const r = await client().c.importShifts(shifts, { validateOnly: true, batchSize: 2, rowNumbers: [10, 11, 12, 13] });
    expect(r).toMatchObject({ status: "PARTIAL", processedCount: 1, failedCount: 3 });
    expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [11, "endDate", "END_BEFORE_START"],
      [12, "agentId", "UNKNOWN_AGENT"],
      [13, "skills[0].skillId", "UNKNOWN_SKILL"],
    ]);
    expect(r.errors[2].serverField).toBe("shifts[1].skills[0].skillId");
  });

  it("reports conflicts, replaces them with overwriteConflicts, and re-imports the same shift idempotently", async () => {
    const { c } = client();
    const a = shift("AGENT-1020", "2026-03-05T09:00:00Z", "2026-03-05T17:00:00Z");
    expect((await c.importShifts([a])).status).toBe("COMPLETED");
    expect((await c.importShifts([a])).status).toBe("COMPLETED");
    const overlapping = shift("AGENT-1020", "2026-03-05T12:00:00Z", "2026-03-05T20:00:00Z");
    const refused = await c.importShifts([overlapping], { rowNumbers: [4] });
    expect(refused.errors).toMatchObject([{ row: 4, field: "startDate", code: "SHIFT_CONFLICT" }]);
    expect((await c.importShifts([overlapping], { overwriteConflicts: true })).status).toBe("COMPLETED");
    const mine = sim.control.store.shifts.get("AGENT-1020")!;
    expect(mine.map((s) => new Date(s.start).toISOString())).toEqual(["2026-03-05T12:00:00.000Z"]);
  });
});

describe("optimization jobs", () => {
  const request = {
    dateRange: { start: "2026-03-07T00:00:00Z", end: "2026-03-07T23:59:59Z" },
    gapResolutionRules: [{ targetSkillId: "SKILL_SALES_UK", deficitHours: 40, priority: "HIGH" as const, allowOvertime: true, maxOvertimeHoursPerAgent: 4 }],
    complianceRules: { maxConsecutiveHours: 10, minBreakDuration: 30, respectPublishedShifts: true },
  };

  it("runs QUEUED → RUNNING → COMPLETED with the seed's result shape and engine greedy", async () => {
    sim.control.setFaults({ job: { queuedMs: 200, runningMs: 200 } });
    const { c } = client({ deps: {} });
    const real = createCxoneClient({ baseUrl: sim.url, clientId: "sim-client", clientSecret: "sim-secret" });
    const run = await c.runOptimization(request);
    expect(run.status).toBe("QUEUED");
    const seen: string[] = [];
    const job = await real.pollOptimizationJob(run.jobId, { initialDelayMs: 25, maxDelayMs: 50, onStatus: (j) => seen.push(j.status) });
    expect([...new Set(seen)]).toEqual(["QUEUED", "RUNNING", "COMPLETED"]);
    expect(job.result.engine).toBe("greedy");
    const rec = job.result.assignmentRecommendations[0];
    expect(rec).toMatchObject({ agentId: expect.stringMatching(/^AGENT-/), complianceScore: expect.any(Number) });
    expect(rec.recommendedShifts[0]).toMatchObject({ skillId: "SKILL_SALES_UK", coverageImpact: expect.any(Number), overtimeFlag: expect.any(Boolean) });
    expect(job.result.projectedCoverageImprovement).toBeGreaterThan(0);
    expect(Array.isArray(job.result.unmetRequirements)).toBe(true);
  });

  it("gives up at the poll deadline, naming the job", async () => {
    sim.control.setFaults({ job: { queuedMs: 10, runningMs: 10, neverCompletes: true } });
    const real = createCxoneClient({ baseUrl: sim.url, clientId: "sim-client", clientSecret: "sim-secret" });
    const { jobId } = await real.runOptimization(request);
    const started = Date.now();
    const err = await real.pollOptimizationJob(jobId, { deadlineMs: 300, initialDelayMs: 40 }).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneTimeoutError);
    expect(err.jobId).toBe(jobId);
    expect(err.message).toContain(jobId);
    expect(err.message).toMatch(/still RUNNING/);
    // It gave up rather than polling on: well under the test's timeout (generous for a loaded machine; the deadline is 300 ms).
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("a failed job is an error carrying the engine's message", async () => {
    sim.control.setFaults({ job: { queuedMs: 0, runningMs: 0, fails: true, failMessage: "Solver crashed (simulated)" } });
    const { c } = client();
    const { jobId } = await c.runOptimization(request);
    const err = await c.pollOptimizationJob(jobId).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneJobFailedError);
    expect(err.message).toBe(`Optimization job ${jobId} failed in CXone: Solver crashed (simulated)`);
  });

  it("a run request the server refuses is an error with the field", async () => {
    const { c } = client();
    const err = await c.runOptimization({ ...request, gapResolutionRules: [{ ...request.gapResolutionRules[0], targetSkillId: "SKILL_NOPE" }] }).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.errors[0]).toMatchObject({ field: "gapResolutionRules[0].targetSkillId", code: "UNKNOWN_SKILL" });
  });
});
