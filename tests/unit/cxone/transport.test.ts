import { describe, expect, it } from "vitest";
import {
  CxoneAmbiguousWriteError,
  CxoneAuthError,
  CxoneNotFoundError,
  CxonePermissionError,
  CxoneRateLimitError,
  CxoneRequestError,
  CxoneResponseError,
  CxoneServerError,
  CxoneTimeoutError,
  fullJitterBackoff,
  parseRetryAfter,
} from "@/lib/cxone";
import { PAGE, TOKEN, scriptedFetch, testClient, tokenAnswer, type Scripted } from "./helpers";

const coverage = (client: ReturnType<typeof testClient>["client"]) => client.getAllCoverage({ dateFrom: "2026-03-02", dateTo: "2026-03-02" });
const realImport = (client: ReturnType<typeof testClient>["client"]) =>
  client.importShifts([{ agentId: "A", startDate: "2026-03-02T09:00:00Z", endDate: "2026-03-02T17:00:00Z", skills: [], status: "DRAFT", breaks: [] }]);
const IMPORT_OK = { status: 200, body: { jobId: "j", processedCount: 1, failedCount: 0, status: "COMPLETED", errors: [] } };

describe("parseRetryAfter", () => {
  const now = Date.UTC(2026, 2, 2, 12, 0, 0);
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 1.5 ", now)).toBe(1500);
    expect(parseRetryAfter("0", now)).toBe(0);
  });
  it("reads an HTTP date relative to now, a past date as 0", () => {
    expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000);
    expect(parseRetryAfter(new Date(now - 7000).toUTCString(), now)).toBe(0);
  });
  it("gives null for nothing or junk", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});

describe("fullJitterBackoff", () => {
  it("is uniform below min(cap, base × 2^(retry−1))", () => {
    expect(fullJitterBackoff(1, 1000, 30_000, () => 0.999)).toBe(999);
    expect(fullJitterBackoff(3, 1000, 30_000, () => 0.5)).toBe(2000);
    expect(fullJitterBackoff(10, 1000, 30_000, () => 0.5)).toBe(15_000);
    expect(fullJitterBackoff(4, 1000, 30_000, () => 0)).toBe(0);
  });
});

describe("429 handling", () => {
  it("waits at least Retry-After seconds (plus jitter), then succeeds", async () => {
    const { fetch, calls } = scriptedFetch([TOKEN, { status: 429, headers: { "retry-after": "2" } }, { status: 429, headers: { "retry-after": "5" } }, { status: 200, body: PAGE }]);
    const t = testClient(fetch);
    const res = await coverage(t.client);
    expect(res.items).toHaveLength(1);
    expect(calls.filter((c) => c.url.includes("coverage"))).toHaveLength(3);
    // random() = 0.5 → jitter 500 ms on top of the server's delay.
    expect(t.sleeps).toEqual([2500, 5500]);
    expect(t.sleeps[0]).toBeGreaterThanOrEqual(2000);
  });

  it("waits until a Retry-After HTTP date", async () => {
    const clock = { now: () => 0 };
    const { fetch } = scriptedFetch((call, n) => {
      if (n === 0) return TOKEN;
      if (n === 1) return { status: 429, headers: { "retry-after": new Date(clock.now() + 4000).toUTCString() } };
      return { status: 200, body: PAGE };
    });
    const t = testClient(fetch);
    clock.now = t.now;
    await coverage(t.client);
    expect(t.sleeps).toHaveLength(1);
    expect(t.sleeps[0]).toBeGreaterThanOrEqual(4000);
    expect(t.sleeps[0]).toBeLessThan(5000);
  });

  it("backs off with full jitter from 1 s when there is no Retry-After", async () => {
    const { fetch } = scriptedFetch([TOKEN, { status: 429 }, { status: 429 }, { status: 429 }, { status: 200, body: PAGE }]);
    const t = testClient(fetch);
    await coverage(t.client);
    expect(t.sleeps).toEqual([500, 1000, 2000]);
  });

  it("makes at most 5 tries, then says it was rate limited", async () => {
    const { fetch, calls } = scriptedFetch([TOKEN, { status: 429, headers: { "retry-after": "1" } }]);
    const t = testClient(fetch);
    const err = await coverage(t.client).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneRateLimitError);
    expect(err.message).toMatch(/rate limited/);
    expect(err.attempts).toBe(5);
    expect(calls.filter((c) => c.url.includes("coverage"))).toHaveLength(5);
    expect(t.sleeps).toHaveLength(4);
  });

  it("retries a non-idempotent write on 429 (the server refused it, nothing was applied)", async () => {
    const { fetch, calls } = scriptedFetch([TOKEN, { status: 429, headers: { "retry-after": "1" } }, IMPORT_OK]);
    const t = testClient(fetch);
    const r = await realImport(t.client);
    expect(r.status).toBe("COMPLETED");
    expect(calls.filter((c) => c.url.includes("import"))).toHaveLength(2);
  });

  it("does not wait out a Retry-After longer than the cap", async () => {
    const { fetch, calls } = scriptedFetch([TOKEN, { status: 429, headers: { "retry-after": "3600" } }]);
    const t = testClient(fetch);
    const err = await coverage(t.client).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneRateLimitError);
    expect(err.message).toMatch(/3600 s/);
    expect(calls).toHaveLength(2);
    expect(t.sleeps).toEqual([]);
  });
});

describe("5xx, network errors and timeouts", () => {
  it("retries a GET on 5xx", async () => {
    const { fetch, calls } = scriptedFetch([TOKEN, { status: 503 }, { status: 502, text: "<html>bad gateway</html>" }, { status: 200, body: PAGE }]);
    const t = testClient(fetch);
    await coverage(t.client);
    expect(calls).toHaveLength(4);
    expect(t.sleeps).toEqual([500, 1000]);
  });

  it("gives up on a GET after 5 tries with a server error", async () => {
    const { fetch, calls } = scriptedFetch([TOKEN, { status: 500, body: { errors: [{ code: "BOOM", message: "engine down" }] } }]);
    const err = await coverage(testClient(fetch).client).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneServerError);
    expect(err.message).toMatch(/HTTP 500 on all 5 tries: engine down/);
    expect(calls).toHaveLength(6);
  });

  it("never repeats a real import after a 5xx: it may or may not have been applied", async () => {
    const { fetch, calls } = scriptedFetch([TOKEN, { status: 503 }, IMPORT_OK]);
    const t = testClient(fetch);
    const err = await realImport(t.client).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneAmbiguousWriteError);
    expect(err.message).toMatch(/may or may not have been applied/);
    expect(calls.filter((c) => c.url.includes("import"))).toHaveLength(1);
  });

  it("repeats a validate-only import after a 5xx (it changes nothing)", async () => {
    const { fetch, calls } = scriptedFetch([TOKEN, { status: 503 }, IMPORT_OK]);
    const t = testClient(fetch);
    const r = await t.client.importShifts([], { validateOnly: true });
    expect(r.processedCount).toBe(1);
    expect(calls.filter((c) => c.url.includes("import"))).toHaveLength(2);
  });

  it("a connection reset on a write is ambiguous; on a GET it is retried", async () => {
    const reset = { throws: new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) }) };
    const w = scriptedFetch([TOKEN, reset, IMPORT_OK]);
    const err = await realImport(testClient(w.fetch).client).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneAmbiguousWriteError);
    expect(w.calls).toHaveLength(2);

    const r = scriptedFetch([TOKEN, reset, { status: 200, body: PAGE }]);
    await coverage(testClient(r.fetch).client);
    expect(r.calls).toHaveLength(3);
  });

  it("a refused connection never reached CXone, so even a write is retried", async () => {
    const refused = { throws: new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) }) };
    const { fetch, calls } = scriptedFetch([TOKEN, refused, IMPORT_OK]);
    const r = await realImport(testClient(fetch).client);
    expect(r.status).toBe("COMPLETED");
    expect(calls).toHaveLength(3);
  });

  it("times out each try; a GET gives up after 5, a write after 1 as ambiguous", async () => {
    const hang: Scripted = { hang: true };
    const g = scriptedFetch([TOKEN, hang]);
    const err = await coverage(testClient(g.fetch, { timeoutMs: 20 }).client).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneTimeoutError);
    expect(err.message).toMatch(/5 tries: no answer before the timeout/);
    expect(g.calls).toHaveLength(6);

    const w = scriptedFetch([TOKEN, hang]);
    const werr = await realImport(testClient(w.fetch, { timeoutMs: 20 }).client).catch((e) => e);
    expect(werr).toBeInstanceOf(CxoneAmbiguousWriteError);
    expect(werr.code).toBe("TIMEOUT");
    expect(w.calls).toHaveLength(2);
  });
});

describe("auth answers", () => {
  it("on 401 drops the token, refreshes once and replays once", async () => {
    const { fetch, calls } = scriptedFetch([tokenAnswer("old"), { status: 401 }, tokenAnswer("new"), { status: 200, body: PAGE }]);
    await coverage(testClient(fetch).client);
    expect(calls.map((c) => (c.url.includes("token") ? "token" : c.headers.authorization))).toEqual(["token", "Bearer old", "token", "Bearer new"]);
  });

  it("a second 401 with a fresh token is an auth error, not a loop", async () => {
    const { fetch, calls } = scriptedFetch([tokenAnswer("a"), { status: 401 }, tokenAnswer("b"), { status: 401 }]);
    const err = await coverage(testClient(fetch).client).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneAuthError);
    expect(calls).toHaveLength(4);
  });

  it("403 names the scope the endpoint needs", async () => {
    const r = scriptedFetch([TOKEN, { status: 403, body: { errors: [{ code: "FORBIDDEN", message: "no" }] } }]);
    const err = await realImport(testClient(r.fetch).client).catch((e) => e);
    expect(err).toBeInstanceOf(CxonePermissionError);
    expect(err.scope).toBe("wfm:schedule:write");
    expect(err.message).toContain("wfm:schedule:write");
    expect(r.calls).toHaveLength(2);

    const c = scriptedFetch([TOKEN, { status: 403 }]);
    const cerr = await coverage(testClient(c.fetch).client).catch((e) => e);
    expect(cerr.message).toContain("wfm:schedule:read");
  });

  it("refused credentials at the token endpoint are an auth error naming the OAuth error", async () => {
    const { fetch, calls } = scriptedFetch([{ status: 401, body: { error: "invalid_client", error_description: "bad secret" } }]);
    const err = await coverage(testClient(fetch).client).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneAuthError);
    expect(err.message).toMatch(/invalid_client/);
    expect(err.message).not.toContain("secret\"");
    expect(calls).toHaveLength(1);
  });
});

describe("bodies", () => {
  it("a field of the wrong type is a CxoneResponseError naming the field, not a crash", async () => {
    const bad = { ...PAGE, items: [{ ...PAGE.items[0], requiredHours: "10" }] };
    const { fetch, calls } = scriptedFetch([TOKEN, { status: 200, body: bad }]);
    const err = await coverage(testClient(fetch).client).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneResponseError);
    expect(err.fieldPath).toBe("items[0].requiredHours");
    expect(err.message).toContain("items[0].requiredHours");
    // A well-formed body of the wrong shape will not improve: no retry.
    expect(calls).toHaveLength(2);
  });

  it("a body cut mid-JSON is retried for a GET and reported when it persists", async () => {
    const cut = { status: 200, text: '{"items":[{"skillId":"S1","requ' };
    const once = scriptedFetch([TOKEN, cut, { status: 200, body: PAGE }]);
    await coverage(testClient(once.fetch).client);
    expect(once.calls).toHaveLength(3);

    const always = scriptedFetch([TOKEN, cut]);
    const err = await coverage(testClient(always.fetch).client).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneResponseError);
    expect(err.code).toBe("INVALID_JSON");
    expect(always.calls).toHaveLength(6);
  });

  it("400 carries the server's errors[]; 404 is its own class", async () => {
    const e400 = scriptedFetch([TOKEN, { status: 400, body: { errors: [{ field: "dateTo", code: "INVALID_RANGE", message: "dateTo must be after dateFrom" }] } }]);
    const err = await coverage(testClient(e400.fetch).client).catch((e) => e);
    expect(err).toBeInstanceOf(CxoneRequestError);
    expect(err.errors).toEqual([{ field: "dateTo", code: "INVALID_RANGE", message: "dateTo must be after dateFrom" }]);
    expect(err.message).toContain("dateTo: dateTo must be after dateFrom");
    expect(err.path).toBe("/api/v1/wfm/schedule/coverage");

    const e404 = scriptedFetch([TOKEN, { status: 404 }]);
    const nf = await testClient(e404.fetch).client.getOptimizationJob("nope").catch((e) => e);
    expect(nf).toBeInstanceOf(CxoneNotFoundError);
  });
});

describe("401 after a rate-limit wait", () => {
  it("a token that expired while waiting out a 429 is refreshed again; two 401s in a row are not", async () => {
    const { fetch, calls } = scriptedFetch([tokenAnswer("a"), { status: 401 }, tokenAnswer("b"), { status: 429, headers: { "retry-after": "1" } }, { status: 401 }, tokenAnswer("c"), { status: 200, body: PAGE }]);
    const r = await coverage(testClient(fetch).client);
    expect(r.items).toHaveLength(1);
    expect(calls.filter((c) => c.url.includes("token"))).toHaveLength(3);
  });
});
