import { afterEach, describe, expect, it, vi } from "vitest";
import { actionData, actionErrorText, ApiError, apiError, fetchJson, postCsv } from "@/lib/client/fetch-json";

function answer(status: number, body: string, contentType = "application/json") {
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async () => new Response(body, { status, headers: { "content-type": contentType } }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("apiError reads the route handlers' error shape", () => {
  it("reads an application/problem+json answer: code, detail, requestId", () => {
    const e = apiError(400, { type: "urn:shiftboard:problem:validation", title: "Invalid request", status: 400, detail: "limit: limit is at most 500.", code: "VALIDATION", requestId: "req-2", errors: [{ field: "limit", message: "limit is at most 500." }] });
    expect(e).toMatchObject({ message: "limit: limit is at most 500.", status: 400, code: "VALIDATION", requestId: "req-2" });
  });

  it("takes the message, code and request id of {error: {code, message, requestId}}", () => {
    const e = apiError(403, { error: { code: "FORBIDDEN", message: "Your role is not allowed to do this.", requestId: "req-1" } });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.message, e.status, e.code, e.requestId]).toEqual(["Your role is not allowed to do this.", 403, "FORBIDDEN", "req-1"]);
  });

  it("says which status came back when the body is not ours", () => {
    for (const body of [null, "<html>Bad gateway</html>", { error: "nope" }, { error: { message: "" } }]) {
      const e = apiError(502, body);
      expect([e.message, e.code], JSON.stringify(body)).toEqual(["The server answered 502.", null]);
    }
  });
});

describe("fetchJson", () => {
  it("returns the parsed body of a success, without caching", async () => {
    const fetchMock = answer(200, JSON.stringify({ shifts: [{ id: "s1" }] }));
    await expect(fetchJson("/api/v1/shifts?agentId=AGENT-1")).resolves.toEqual({ shifts: [{ id: "s1" }] });
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ cache: "no-store" });
  });

  it("throws the server's message for an error answer", async () => {
    answer(409, JSON.stringify({ error: { code: "STALE_VERSION", message: "This changed since you loaded it; reload and try again.", requestId: "r" } }));
    await expect(fetchJson("/x")).rejects.toMatchObject({ message: "This changed since you loaded it; reload and try again.", status: 409, code: "STALE_VERSION" });
  });

  it("throws a readable message when an error answer is not JSON", async () => {
    answer(504, "Gateway Timeout", "text/plain");
    await expect(fetchJson("/x")).rejects.toMatchObject({ message: "The server answered 504.", status: 504 });
  });

  it("postCsv sends the file as text/csv with POST", async () => {
    const fetchMock = answer(200, JSON.stringify({ ok: true }));
    await postCsv("/api/v1/trades/bulk", new Blob(["kind\n"]));
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ method: "POST", headers: { "content-type": "text/csv" } });
  });
});

describe("safe-action results", () => {
  it("a server error gives its message; validation errors give one line naming each field", () => {
    expect(actionErrorText({ serverError: { message: "Already decided by someone else.", code: "ALREADY_DECIDED" } })).toBe("Already decided by someone else.");
    expect(actionErrorText({ validationErrors: { formErrors: ["Pick a site."], fieldErrors: { comment: ["Required to reject."] } } })).toBe("Pick a site. comment: Required to reject.");
    expect(actionErrorText({ validationErrors: {} })).toBe("Some input is not valid.");
    expect(actionErrorText(undefined)).toBe("No answer from the server.");
    expect(actionErrorText({ data: { jobId: "j" } })).toBeNull();
  });

  it("actionData returns the data of a success and throws the action's message otherwise", () => {
    expect(actionData({ data: { jobId: "j1" } })).toEqual({ jobId: "j1" });
    expect(() => actionData({ serverError: { message: "Your role is not allowed to do this.", code: "FORBIDDEN", requestId: "r" } })).toThrow(
      expect.objectContaining({ message: "Your role is not allowed to do this.", code: "FORBIDDEN", requestId: "r" }),
    );
    expect(() => actionData({ validationErrors: { fieldErrors: { siteId: ["Required"] } } })).toThrow(expect.objectContaining({ message: "siteId: Required", code: "VALIDATION" }));
  });
});
