import { describe, expect, it } from "vitest";
import { CxoneAmbiguousWriteError, CxonePaginationError, CxoneTimeoutError, type CxoneShift } from "@/lib/cxone";
import { PAGE, TOKEN, scriptedFetch, testClient } from "./helpers";

const shift = (i: number): CxoneShift => ({
  agentId: `A${i}`,
  startDate: "2026-03-02T09:00:00Z",
  endDate: "2026-03-02T17:00:00Z",
  skills: [],
  status: "DRAFT",
  breaks: [],
});

describe("importShifts", () => {
  it("splits into batches, sums counts and maps shifts[i] errors back to CSV rows", async () => {
    const { fetch, calls } = scriptedFetch((call) => {
      if (call.url.includes("token")) return TOKEN;
      const body = JSON.parse(call.body!);
      const n = body.shifts.length;
      // The second batch (shifts 2 and 3) refuses its second shift.
      if (body.shifts[0].agentId === "A2") {
        return { status: 200, body: { jobId: "j2", processedCount: n - 1, failedCount: 1, status: "PARTIAL", errors: [{ field: "shifts[1].endDate", code: "END_BEFORE_START", message: "endDate must be after startDate" }] } };
      }
      return { status: 200, body: { jobId: "j", processedCount: n, failedCount: 0, status: "COMPLETED", errors: [] } };
    });
    const t = testClient(fetch);
    const seen: number[] = [];
    const r = await t.client.importShifts([0, 1, 2, 3, 4].map(shift), { batchSize: 2, rowNumbers: [2, 3, 5, 8, 9], onBatch: (b) => seen.push(b.batch) });
    expect(calls.filter((c) => c.url.includes("import"))).toHaveLength(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(r).toMatchObject({ status: "PARTIAL", processedCount: 4, failedCount: 1, validateOnly: false });
    expect(r.errors).toEqual([
      { index: 3, row: 8, field: "endDate", serverField: "shifts[1].endDate", batch: 2, code: "END_BEFORE_START", message: "endDate must be after startDate" },
    ]);
    expect(JSON.parse(calls[1].body!)).toMatchObject({ overwriteConflicts: false, validateOnly: false });
  });

  it("a batch refused as a whole with shift errors counts as failed rows", async () => {
    const { fetch } = scriptedFetch([TOKEN, { status: 400, body: { errors: [{ field: "shifts[0].agentId", code: "UNKNOWN_AGENT", message: "No agent A0" }] } }]);
    const r = await testClient(fetch).client.importShifts([shift(0)], { rowNumbers: [7] });
    expect(r.status).toBe("FAILED");
    expect(r.failedCount).toBe(1);
    expect(r.errors[0]).toMatchObject({ row: 7, field: "agentId", code: "UNKNOWN_AGENT" });
  });

  it("says which batches were applied when a later batch fails mid-flight", async () => {
    const ok = { status: 200, body: { jobId: "j", processedCount: 2, failedCount: 0, status: "COMPLETED", errors: [] } };
    const { fetch, calls } = scriptedFetch([TOKEN, ok, { status: 502 }, ok]);
    const err = await testClient(fetch)
      .client.importShifts([0, 1, 2, 3, 4, 5].map(shift), { batchSize: 2, rowNumbers: [2, 3, 4, 5, 6, 7] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(CxoneAmbiguousWriteError);
    expect(err.message).toMatch(/^Import batch 2 of 3 \(rows 4–5\):/);
    expect(err.message).toMatch(/may or may not have been applied .*\. Before it, batch 1 was applied\. After it, batch 3 was not sent\.$/);
    expect(err.details).toMatchObject({ batch: 2, appliedBatches: 1 });
    expect(calls).toHaveLength(3);
  });
});

describe("getCoverage", () => {
  it("follows nextPageToken over every page", async () => {
    const { fetch, calls } = scriptedFetch((call) => {
      if (call.url.includes("token")) return TOKEN;
      const token = new URL(call.url).searchParams.get("nextPageToken");
      const next = token === null ? "p2" : token === "p2" ? "p3" : null;
      return { status: 200, body: { ...PAGE, nextPageToken: next, totalCount: 3 } };
    });
    const r = await testClient(fetch).client.getAllCoverage({ dateFrom: "2026-03-02", dateTo: "2026-03-03", pageSize: 1 });
    expect(r).toMatchObject({ totalCount: 3, pages: 3 });
    expect(r.items).toHaveLength(3);
    const q = new URL(calls[1].url).searchParams;
    expect(Object.fromEntries(q)).toEqual({ dateFrom: "2026-03-02", dateTo: "2026-03-03", groupBy: "skill", pageSize: "1" });
  });

  it("stops on a repeated token and at the page cap, saying so", async () => {
    const loop = scriptedFetch((call) => (call.url.includes("token") ? TOKEN : { status: 200, body: { ...PAGE, nextPageToken: "same", totalCount: 9 } }));
    const err = await testClient(loop.fetch).client.getAllCoverage({ dateFrom: "2026-03-02", dateTo: "2026-03-03" }).catch((e) => e);
    expect(err).toBeInstanceOf(CxonePaginationError);
    expect(err.code).toBe("REPEATED_PAGE_TOKEN");
    expect(err.message).toMatch(/a second time after page 2/);
    expect(loop.calls.filter((c) => c.url.includes("coverage"))).toHaveLength(2);

    let n = 0;
    const endless = scriptedFetch((call) => (call.url.includes("token") ? TOKEN : { status: 200, body: { ...PAGE, nextPageToken: `t${n++}`, totalCount: 99 } }));
    const cap = await testClient(endless.fetch).client.getAllCoverage({ dateFrom: "2026-03-02", dateTo: "2026-03-03", maxPages: 4 }).catch((e) => e);
    expect(cap.code).toBe("PAGE_CAP");
    expect(cap.message).toMatch(/after 4 pages \(the page cap\)/);
    expect(endless.calls.filter((c) => c.url.includes("coverage"))).toHaveLength(4);
  });
});

describe("pollOptimizationJob", () => {
  it("backs off from the initial delay, doubling to the max, never past the deadline; names the job", async () => {
    const { fetch, calls } = scriptedFetch((call) => (call.url.includes("token") ? TOKEN : { status: 200, body: { jobId: "opt-42", status: "RUNNING" } }));
    const t = testClient(fetch);
    const err = await t.client.pollOptimizationJob("opt-42", { deadlineMs: 10_000, initialDelayMs: 1000, maxDelayMs: 4000 }).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneTimeoutError);
    expect(err.jobId).toBe("opt-42");
    expect(err.message).toContain("opt-42");
    expect(t.sleeps).toEqual([1000, 2000, 4000, 3000]);
    expect(calls.filter((c) => c.url.includes("jobs"))).toHaveLength(5);
  });

  it("returns the completed job with its result", async () => {
    const result = { assignmentRecommendations: [], projectedCoverageImprovement: 0.1, estimatedOvertimeHours: 0 };
    const { fetch } = scriptedFetch([TOKEN, { status: 200, body: { jobId: "j", status: "QUEUED" } }, { status: 200, body: { jobId: "j", status: "COMPLETED", result } }]);
    const t = testClient(fetch);
    const statuses: string[] = [];
    const job = await t.client.pollOptimizationJob("j", { initialDelayMs: 10, onStatus: (j) => statuses.push(j.status) });
    expect(job.result.projectedCoverageImprovement).toBe(0.1);
    expect(statuses).toEqual(["QUEUED", "COMPLETED"]);
  });
});
