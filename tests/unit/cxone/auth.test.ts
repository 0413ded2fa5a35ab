import { describe, expect, it } from "vitest";
import { PAGE, scriptedFetch, testClient, tokenAnswer } from "./helpers";

const read = (t: ReturnType<typeof testClient>) => t.client.getAllCoverage({ dateFrom: "2026-03-02", dateTo: "2026-03-02" });

describe("token cache", () => {
  it("asks for the four WFM scopes with a form-encoded client-credentials grant", async () => {
    const { fetch, calls } = scriptedFetch([tokenAnswer("t"), { status: 200, body: PAGE }]);
    await read(testClient(fetch));
    const form = new URLSearchParams(calls[0].body);
    expect(calls[0].url).toBe("https://cxone.test/oauth/token");
    expect(calls[0].headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("client_id")).toBe("id");
    expect(form.get("client_secret")).toBe("secret");
    expect(form.get("scope")).toBe("wfm:schedule:read wfm:schedule:write wfm:optimization:read wfm:optimization:write");
  });

  it("reuses the token until 30 s before it expires, then refreshes", async () => {
    const { fetch, calls } = scriptedFetch((call, n) => (call.url.includes("token") ? tokenAnswer(`t${n}`, 3600) : { status: 200, body: PAGE }));
    const t = testClient(fetch);
    await read(t);
    t.advance(3600_000 - 31_000);
    await read(t);
    expect(calls.filter((c) => c.url.includes("token"))).toHaveLength(1);
    t.advance(2_000); // now 29 s before expiry
    await read(t);
    expect(calls.filter((c) => c.url.includes("token"))).toHaveLength(2);
  });

  it("refreshes a short-lived token halfway through its life, not on every request", async () => {
    const { fetch, calls } = scriptedFetch((call, n) => (call.url.includes("token") ? tokenAnswer(`t${n}`, 10) : { status: 200, body: PAGE }));
    const t = testClient(fetch);
    await read(t);
    t.advance(4_000);
    await read(t);
    expect(calls.filter((c) => c.url.includes("token"))).toHaveLength(1);
    t.advance(2_000);
    await read(t);
    expect(calls.filter((c) => c.url.includes("token"))).toHaveLength(2);
  });

  it("one refresh in flight however many requests wait", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { fetch: base, calls } = scriptedFetch((call) => (call.url.includes("token") ? tokenAnswer("t") : { status: 200, body: PAGE }));
    const fetch = async (url: string, init: RequestInit) => {
      if (url.includes("token")) await gate;
      return base(url, init);
    };
    const t = testClient(fetch);
    const all = Promise.all(Array.from({ length: 20 }, () => read(t)));
    await new Promise((r) => setTimeout(r, 10));
    release();
    await all;
    expect(calls.filter((c) => c.url.includes("token"))).toHaveLength(1);
    expect(calls.filter((c) => c.url.includes("coverage"))).toHaveLength(20);
  });

  it("20 requests answered 401 at once cause exactly one refresh, and each is replayed", async () => {
    let issued = 0;
    const { fetch, calls } = scriptedFetch((call) => {
      if (call.url.includes("token")) return tokenAnswer(issued++ === 0 ? "old" : "new");
      return call.headers.authorization === "Bearer new" ? { status: 200, body: PAGE } : { status: 401 };
    });
    const t = testClient(fetch);
    await t.client.tokens.getToken(); // caches "old", which the server now refuses
    calls.length = 0;
    await Promise.all(Array.from({ length: 20 }, () => read(t)));
    expect(calls.filter((c) => c.url.includes("coverage") && c.headers.authorization === "Bearer old")).toHaveLength(20);
    expect(calls.filter((c) => c.url.includes("token"))).toHaveLength(1);
    expect(calls.filter((c) => c.url.includes("coverage") && c.headers.authorization === "Bearer new")).toHaveLength(20);
  });

  it("remembers the granted scopes", async () => {
    const { fetch } = scriptedFetch([tokenAnswer("t", 3600, "wfm:schedule:read")]);
    const t = testClient(fetch);
    await t.client.tokens.getToken();
    expect(t.client.tokens.grantedScopes).toEqual(["wfm:schedule:read"]);
  });
});
