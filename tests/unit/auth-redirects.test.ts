import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/auth/callback-url";
import { signInMessage } from "@/lib/auth/sign-in-messages";

describe("the callback after sign-in stays on our origin", () => {
  it.each([
    ["/\\evil.example/phish", "backslash the browser reads as //"],
    ["//evil.example/phish", "protocol-relative"],
    ["https://evil.example/phish", "absolute elsewhere"],
    ["javascript:alert(document.cookie)", "script URL"],
    ["\t/\\evil.example", "leading whitespace the parser strips"],
    ["https:evil.example", "another scheme without slashes"],
  ])("refuses %s (%s)", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it("keeps a plain path with its query, and an encoded backslash as part of our own path", () => {
    expect(safeCallbackPath("/coverage?x=1")).toBe("/coverage?x=1");
    expect(safeCallbackPath("/%5Cevil.example/phish")).toBe("/%5Cevil.example/phish");
    expect(new URL(safeCallbackPath("/%5Cevil.example/phish"), "http://127.0.0.1:3400").host).toBe("127.0.0.1:3400");
  });

  it("hands on the normalized path, never the raw text", () => {
    // Same scheme without slashes is a relative path on our site; what leaves is "/evil.example".
    expect(safeCallbackPath("http:evil.example")).toBe("/evil.example");
  });

  it("does not bounce back to the sign-in page", () => {
    expect(safeCallbackPath("/login?callbackUrl=%2Fshifts")).toBe("/");
  });

  it("gives next-auth an absolute URL on the base origin only", () => {
    expect(safeRedirectUrl("/trades", "http://127.0.0.1:3400")).toBe("http://127.0.0.1:3400/trades");
    expect(safeRedirectUrl("http://127.0.0.1:3400/coverage?day=2026-11-23", "http://127.0.0.1:3400")).toBe("http://127.0.0.1:3400/coverage?day=2026-11-23");
    expect(safeRedirectUrl("/\\evil.example", "http://127.0.0.1:3400")).toBe("http://127.0.0.1:3400/");
    expect(safeRedirectUrl("http://127.0.0.1:3401/shifts", "http://127.0.0.1:3400")).toBe("http://127.0.0.1:3400/");
    // Sign-out's own callback.
    expect(safeRedirectUrl("/login", "http://127.0.0.1:3400")).toBe("http://127.0.0.1:3400/login");
  });
});

describe("the sign-in page's messages", () => {
  it("maps next-auth's codes to our words", () => {
    expect(signInMessage("CredentialsSignin")).toBe("Wrong email or password.");
    expect(signInMessage("throttled")).toMatch(/Too many sign-in attempts/);
  });

  it("ignores any other text, so a link cannot print its own message on our page", () => {
    expect(signInMessage("Your account is suspended. Call +1 555 0100 to restore it")).toBeNull();
    expect(signInMessage("toString")).toBeNull();
    expect(signInMessage(undefined)).toBeNull();
  });
});
