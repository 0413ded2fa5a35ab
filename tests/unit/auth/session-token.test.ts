import { describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken, readSessionCookie, sessionCookieValue } from "@/lib/auth/session-token";

const secret = "a-test-secret-of-enough-length-0123456789";
const token = { sub: "user-1", role: "planner" as const, siteIds: ["NYC"], sv: 3 };

describe("session token codec with a kept key", () => {
  it("reads what next-auth writes, and next-auth reads what it writes", async () => {
    expect(await decodeSessionToken({ token: await encode({ token, secret }), secret })).toMatchObject(token);
    expect(await decode({ token: await encodeSessionToken({ token, secret }), secret })).toMatchObject(token);
  });

  it("refuses a token made with another secret, and one that was tampered with", async () => {
    const other = await encode({ token, secret: "another-secret-of-enough-length-987654" });
    await expect(decodeSessionToken({ token: other, secret })).rejects.toThrow();
    const mine = await encodeSessionToken({ token, secret });
    const parts = mine.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
  });

  it("refuses an expired token", async () => {
    const expired = await encodeSessionToken({ token, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow(/exp/);
  });

  it("gives nothing for no token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});

describe("readSessionCookie (the session reader's cached decrypt)", () => {
  const secret = "a-test-secret-of-at-least-32-characters!!";

  it("reads a cookie next-auth's codec wrote, again from the cache, and refuses a wrong secret or a broken value", async () => {
    const value = await encodeSessionToken({ token: { sub: "u1", role: "planner", sv: 3 }, secret, maxAge: 60 });
    const first = await readSessionCookie(value, secret);
    expect(first).toMatchObject({ sub: "u1", role: "planner", sv: 3 });
    expect(await readSessionCookie(value, secret)).toBe(first);
    expect(await readSessionCookie(value, `${secret}-other`)).toBeNull();
    expect(await readSessionCookie(`${value.slice(0, -4)}AAAA`, secret)).toBeNull();
    expect(await readSessionCookie("not a token", secret)).toBeNull();
  });

  it("stops reading a cached cookie once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const value = await encodeSessionToken({ token: { sub: "u2" }, secret, maxAge: 60 });
      expect(await readSessionCookie(value, secret)).toMatchObject({ sub: "u2" });
      vi.setSystemTime(Date.now() + 60_000 + 16_000);
      expect(await readSessionCookie(value, secret)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("sessionCookieValue (which cookie is the session, as next-auth names and splits it)", () => {
  it("picks the plain or the __Secure- name and joins a split cookie in chunk order", () => {
    const all = [
      { name: "other", value: "x" },
      { name: "next-auth.session-token", value: "plain" },
      { name: "__Secure-next-auth.session-token.1", value: "B" },
      { name: "__Secure-next-auth.session-token.0", value: "A" },
      { name: "__Secure-next-auth.session-token.2", value: "C" },
    ];
    expect(sessionCookieValue(all, false)).toBe("plain");
    expect(sessionCookieValue(all, true)).toBe("ABC");
    expect(sessionCookieValue([{ name: "other", value: "x" }], false)).toBeNull();
  });
});
