import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { auditLog, users } from "@/lib/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, signInWithPassword } from "@/lib/services/auth/sign-in";
import { TEST_DRIVERS } from "./support/db";

describe.each(TEST_DRIVERS)("sign-in on $name", (driver) => {
  let opened: OpenedDb;
  const now = new Date("2026-11-23T09:00:00Z");

  beforeAll(async () => {
    opened = await driver.open();
    await opened.db.insert(users).values([
      { email: "pat@demo.local", name: "Pat", role: "planner", passwordHash: await hashPassword("right-password") },
      { email: "kim@demo.local", name: "Kim", role: "admin", passwordHash: await hashPassword("right-password") },
    ]);
  });
  afterAll(() => opened.close());

  it("signs in with the right password, case-insensitive email", async () => {
    const r = await signInWithPassword(opened.db, "  PAT@demo.local ", "right-password", now);
    expect(r).toMatchObject({ ok: true, user: { email: "pat@demo.local", role: "planner", siteIds: [] } });
  });

  it("refuses a wrong password and an unknown email the same way", async () => {
    expect(await signInWithPassword(opened.db, "pat@demo.local", "wrong", now)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(opened.db, "nobody@demo.local", "wrong", now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks the account for 15 minutes after 10 failures, even with the right password", async () => {
    let last;
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) last = await signInWithPassword(opened.db, "kim@demo.local", "wrong", now);
    expect(last).toEqual({ ok: false, reason: "locked", lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) });
    const during = await signInWithPassword(opened.db, "kim@demo.local", "right-password", new Date(now.getTime() + 14 * 60_000));
    expect(during.ok).toBe(false);
    const after = await signInWithPassword(opened.db, "kim@demo.local", "right-password", new Date(now.getTime() + 16 * 60_000));
    expect(after.ok).toBe(true);
    const [{ n }] = await opened.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, "user.locked"));
    expect(n).toBe(1);
  });

  it("keeps the audit log append-only", async () => {
    await expect(opened.db.delete(auditLog)).rejects.toThrow();
    await expect(opened.db.update(auditLog).set({ action: "tampered" })).rejects.toThrow();
  });
});
