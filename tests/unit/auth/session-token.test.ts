import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";

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
