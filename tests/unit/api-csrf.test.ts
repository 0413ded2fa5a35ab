import { describe, expect, it } from "vitest";
import { assertSameOriginWrite, FILE_BODY, JSON_BODY } from "@/lib/api/csrf";
import { AppError } from "@/lib/errors";

const URL_ = "http://127.0.0.1:3400/api/v1/imports/shifts?fileName=a.csv";

function post(headers: Record<string, string>, method = "POST") {
  return new Request(URL_, { method, headers, body: "agentId,start,end\n" });
}

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : "not an AppError";
  }
}

describe("same-origin writes on route handlers", () => {
  it("refuses an upload from a page on a sibling port (the reported attack)", () => {
    const req = post({ origin: "http://127.0.0.1:3401", "content-type": "text/csv", "sec-fetch-site": "same-site" });
    expect(codeOf(() => assertSameOriginWrite(req, { accepts: FILE_BODY }))).toBe("CROSS_SITE");
  });

  it("refuses a subdomain, an opaque origin and a write with neither Origin nor Sec-Fetch-Site", () => {
    for (const headers of [{ origin: "http://evil.127.0.0.1:3400" }, { origin: "null" }, {}] as Record<string, string>[]) {
      expect(codeOf(() => assertSameOriginWrite(post({ ...headers, "content-type": "text/csv" }), { accepts: FILE_BODY }))).toBe("CROSS_SITE");
    }
  });

  it("refuses text/plain, what a cross-site form can send without a preflight, even from our origin", () => {
    const req = post({ origin: "http://127.0.0.1:3400", "content-type": "text/plain" });
    expect(codeOf(() => assertSameOriginWrite(req, { accepts: FILE_BODY }))).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(codeOf(() => assertSameOriginWrite(post({ origin: "http://127.0.0.1:3400" }), { accepts: JSON_BODY }))).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("accepts our own pages: the upload the dashboard sends, JSON with a charset, and Sec-Fetch-Site alone", () => {
    expect(codeOf(() => assertSameOriginWrite(post({ origin: "http://127.0.0.1:3400", "content-type": "text/csv" }), { accepts: FILE_BODY }))).toBeNull();
    expect(
      codeOf(() => assertSameOriginWrite(post({ origin: "http://127.0.0.1:3400", "content-type": "application/json; charset=utf-8" }), { accepts: JSON_BODY })),
    ).toBeNull();
    expect(codeOf(() => assertSameOriginWrite(post({ "sec-fetch-site": "same-origin", "content-type": "text/csv" }), { accepts: FILE_BODY }))).toBeNull();
  });

  it("accepts the configured public origin when the server sits behind a proxy", () => {
    const req = post({ origin: "https://wfm.example.com", "content-type": "text/csv" });
    expect(codeOf(() => assertSameOriginWrite(req, { accepts: FILE_BODY, trustedOrigins: ["https://wfm.example.com/"] }))).toBeNull();
  });

  it("exempts bearer-token clients from the origin check, not from the content type", () => {
    expect(codeOf(() => assertSameOriginWrite(post({ authorization: "Bearer sb_abc", "content-type": "text/csv" }), { accepts: FILE_BODY }))).toBeNull();
    expect(codeOf(() => assertSameOriginWrite(post({ authorization: "Bearer sb_abc", "content-type": "text/plain" }), { accepts: FILE_BODY }))).toBe(
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });

  it("leaves reads alone", () => {
    expect(codeOf(() => assertSameOriginWrite(new Request(URL_, { headers: { origin: "http://evil.example" } }), { accepts: JSON_BODY }))).toBeNull();
  });
});
