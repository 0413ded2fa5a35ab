/**
 * Sign-in under attack, on each database: parallel guesses, unknown accounts, the
 * throttle, an admin's unlock, and sessions ended by sign-out, lockout and access changes.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { auditLog, sites, users, userSiteScopes } from "@/lib/db/schema";
import { TEST_DRIVERS } from "./support/db";

// Call-through spy: the real argon2 check runs; the test counts which hashes it was given.
const checked = vi.hoisted(() => ({ hashes: [] as string[] }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: async (hashed: string, password: string) => {
      checked.hashes.push(hashed);
      return real.verifyPassword(hashed, password);
    },
  };
});

const { hashPassword } = await import("@/lib/auth/password");
const { MAX_FAILED_LOGINS, signInWithPassword } = await import("@/lib/services/auth/sign-in");
const { unlockUser } = await import("@/lib/services/users/unlock-user");
const { createSignInThrottle, SIGN_IN_LIMITS, clientAddress } = await import("@/lib/auth/sign-in-throttle");
const { getSessionVersion } = await import("@/lib/db/queries/users");
const { endSessions } = await import("@/lib/auth/session-version");

describe.each(TEST_DRIVERS)("sign-in hardening on $name", (driver) => {
  let opened: OpenedDb;
  let hash: string;
  const now = new Date("2026-11-23T09:00:00Z");
  const admin = { id: null, label: "admin@demo.local" };

  async function addUser(email: string, role: "planner" | "supervisor" | "admin" = "planner") {
    const [u] = await opened.db.insert(users).values({ email, name: email, role, passwordHash: hash }).returning({ id: users.id });
    return u.id;
  }

  beforeAll(async () => {
    opened = await driver.open();
    hash = await hashPassword("right-password");
    await opened.db.insert(sites).values({ id: "NYC", name: "New York", timeZone: "America/New_York", laborRules: {} as never });
    await opened.db.insert(sites).values({ id: "LON", name: "London", timeZone: "Europe/London", laborRules: {} as never });
  });
  afterAll(() => opened.close());

  it("40 parallel wrong passwords check at most the limit before the lock", async () => {
    await addUser("target@demo.local");
    checked.hashes = [];
    const results = await Promise.all(Array.from({ length: 40 }, () => signInWithPassword(opened.db, "target@demo.local", "wrong", now)));
    expect(checked.hashes.filter((h) => h === hash).length).toBe(MAX_FAILED_LOGINS);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(1);
    expect(results.every((r) => !r.ok)).toBe(true);
    // Locked: the right password is not even checked during the window.
    checked.hashes = [];
    expect((await signInWithPassword(opened.db, "target@demo.local", "right-password", new Date(now.getTime() + 60_000))).ok).toBe(false);
    expect(checked.hashes.filter((h) => h === hash)).toHaveLength(0);
  });

  it("answers a locked account exactly as an unknown one", async () => {
    const locked = await signInWithPassword(opened.db, "target@demo.local", "whatever", new Date(now.getTime() + 60_000));
    const unknown = await signInWithPassword(opened.db, "nobody@demo.local", "whatever", new Date(now.getTime() + 60_000));
    expect(locked).toEqual(unknown);
  });

  it("lets an admin unlock, with an audit entry, and the right password works again", async () => {
    const [{ id }] = await opened.db.select({ id: users.id }).from(users).where(eq(users.email, "target@demo.local"));
    await unlockUser(opened.db, id, admin, new Date(now.getTime() + 60_000), "req-1");
    const [entry] = await opened.db.select().from(auditLog).where(and(eq(auditLog.action, "user.unlocked"), eq(auditLog.entityId, id)));
    expect(entry).toMatchObject({ actorLabel: "admin@demo.local", requestId: "req-1", details: { email: "target@demo.local", failedLogins: MAX_FAILED_LOGINS } });
    expect((await signInWithPassword(opened.db, "target@demo.local", "right-password", new Date(now.getTime() + 61_000))).ok).toBe(true);
    await expect(unlockUser(opened.db, id, admin, new Date(now.getTime() + 62_000))).rejects.toThrow(/not locked/);
  });

  it("throttles per account name, known or not, and per address, in parallel", async () => {
    const throttle = createSignInThrottle(opened.pool);
    const perName = await Promise.all(Array.from({ length: 40 }, (_, i) => throttle.reserve(`ghost-${driver.name}@demo.local`, `10.0.0.${i}`)));
    expect(perName.filter(Boolean)).toHaveLength(SIGN_IN_LIMITS.perAccount.points);
    const perAddress = await Promise.all(Array.from({ length: 80 }, (_, i) => throttle.reserve(`user${i}-${driver.name}@demo.local`, `198.51.100.${driver.name.length}`)));
    expect(perAddress.filter(Boolean)).toHaveLength(SIGN_IN_LIMITS.perAddress.points);
    await throttle.forgive(`ghost-${driver.name}@demo.local`);
    expect(await throttle.reserve(`ghost-${driver.name}@demo.local`, "10.9.9.9")).toBe(true);
  });

  it("reads the address the nearest proxy appended, not the one the client wrote first", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress({})).toBeNull();
  });

  it("ends sessions on sign-out, on lockout, and when the role or sites change", async () => {
    const id = await addUser("sessions@demo.local", "supervisor");
    const v0 = (await getSessionVersion(opened.db, id))!;
    await endSessions(opened.db, id);
    const v1 = (await getSessionVersion(opened.db, id))!;
    expect(v1).toBeGreaterThan(v0);
    await opened.db.update(users).set({ role: "planner" }).where(eq(users.id, id));
    const v2 = (await getSessionVersion(opened.db, id))!;
    expect(v2).toBeGreaterThan(v1);
    await opened.db.update(users).set({ name: "renamed" }).where(eq(users.id, id));
    expect(await getSessionVersion(opened.db, id)).toBe(v2);
    await opened.db.insert(userSiteScopes).values({ userId: id, siteId: "NYC" });
    const v3 = (await getSessionVersion(opened.db, id))!;
    expect(v3).toBeGreaterThan(v2);
    await opened.db.delete(userSiteScopes).where(eq(userSiteScopes.userId, id));
    const v4 = (await getSessionVersion(opened.db, id))!;
    expect(v4).toBeGreaterThan(v3);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await signInWithPassword(opened.db, "sessions@demo.local", "wrong", now);
    expect(await getSessionVersion(opened.db, id)).toBeGreaterThan(v4);
    const [{ n }] = await opened.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.action, "user.locked"), eq(auditLog.entityId, id)));
    expect(n).toBe(1);
  });
});
