import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "@/lib/api/security-headers";

describe("the pages' Content-Security-Policy", () => {
  it("runs only scripts carrying this request's nonce, and nothing may frame the page", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval only in development and upgrades requests only over https", () => {
    expect(contentSecurityPolicy("n", { dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { dev: false, https: true })).toContain("upgrade-insecure-requests");
  });

  it("draws a fresh nonce each time", () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    expect(Buffer.from(a, "base64")).toHaveLength(16);
  });

  it("reads https from the proxy's X-Forwarded-Proto, else from the URL", () => {
    expect(servedOverHttps(new URL("http://127.0.0.1:3400/"), new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(servedOverHttps(new URL("https://wfm.example.com/"), new Headers())).toBe(true);
    expect(servedOverHttps(new URL("http://127.0.0.1:3400/"), new Headers())).toBe(false);
  });
});
