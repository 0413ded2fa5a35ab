/**
 * Service tokens end to end: minted (service, Settings action's service, shell script),
 * used through the real route handlers with Authorization: Bearer, refused when revoked,
 * expired, unknown, in the URL or without the right, on PGlite and on Postgres.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { OpenedDb } from "@/lib/db/client";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";
import { call, mint, routeHandlersUse } from "./support/api";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/current-user", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/current-user")>()),
  getCurrentUser: async () => session.user,
}));

const ROOT = path.resolve(import.meta.dirname, "../..");

for (const driver of TEST_DRIVERS) {
  describe(`API tokens (${driver.name})`, () => {
    let opened: OpenedDb;
    let admin: CurrentUser;

    beforeAll(async () => {
      ({ opened } = await openSeeded(driver.open));
      routeHandlersUse(opened);
      const { users } = await import("@/lib/db/schema");
      const [row] = await opened.db.select().from(users).where(eq(users.email, "admin@demo.local"));
      admin = { id: row.id, email: row.email, name: row.name, role: "admin", siteIds: [] };
    });
    afterAll(async () => opened?.close());

    it("mints a token shown once and stores only its SHA-256", async () => {
      const { createApiToken } = await import("@/lib/services/api-tokens/create");
      const { apiTokens } = await import("@/lib/db/schema");
      const { token, view } = await createApiToken(opened.db, { user: admin }, { name: "payroll", role: "planner", expiresInDays: 30 }, new Date());
      expect(token).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);
      expect(view).toMatchObject({ name: "payroll", role: "planner", status: "active", createdBy: "admin@demo.local", lastUsedAt: null });
      expect(token.startsWith(view.prefix)).toBe(true);
      const [row] = await opened.db.select().from(apiTokens).where(eq(apiTokens.id, view.id));
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(token);
      const { auditLog } = await import("@/lib/db/schema");
      const [audit] = await opened.db.select().from(auditLog).where(eq(auditLog.entityId, view.id));
      expect(audit).toMatchObject({ action: "api_token.created", actorLabel: "admin@demo.local" });
      expect(JSON.stringify(audit.details)).not.toContain(token);
    });

    it("refuses minting to a non-admin, a supervisor token without sites, and an unknown site", async () => {
      const { createApiToken } = await import("@/lib/services/api-tokens/create");
      const planner: CurrentUser = { ...admin, role: "planner" };
      await expect(createApiToken(opened.db, { user: planner }, { name: "x", role: "planner" }, new Date())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(createApiToken(opened.db, { user: admin }, { name: "x", role: "supervisor" }, new Date())).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("siteIds") });
      await expect(createApiToken(opened.db, { user: admin }, { name: "x", role: "supervisor", siteIds: ["ATLANTIS"] }, new Date())).rejects.toMatchObject({ code: "VALIDATION", message: "Unknown site ATLANTIS." });
    });

    it("a token acts as its role and sites, and records its last use at most once a minute", async () => {
      const { GET } = await import("@/app/api/v1/me/route");
      const { apiTokens } = await import("@/lib/db/schema");
      const token = await mint(opened.db, "supervisor", { siteIds: ["NYC"], name: "nyc-bi" });
      const res = await call(GET, "/api/v1/me", { token });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(await res.json()).toMatchObject({ role: "supervisor", siteIds: ["NYC"], name: "nyc-bi", email: "api-token:nyc-bi" });
      const [first] = await opened.db.select().from(apiTokens).where(eq(apiTokens.name, "nyc-bi"));
      expect(first.lastUsedAt).not.toBeNull();
      expect((await call(GET, "/api/v1/me", { token })).status).toBe(200);
      const [second] = await opened.db.select().from(apiTokens).where(eq(apiTokens.name, "nyc-bi"));
      expect(second.lastUsedAt!.getTime()).toBe(first.lastUsedAt!.getTime());
    });

    it("answers 403 problem+json for a token without the right", async () => {
      const { POST } = await import("@/app/api/v1/bidding/scopes/route");
      const token = await mint(opened.db, "planner");
      const res = await call(POST, "/api/v1/bidding/scopes", { token, body: {} });
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 403, code: "FORBIDDEN", title: expect.any(String), type: expect.stringContaining("forbidden"), requestId: expect.any(String), errors: [] });
    });

    it("refuses a revoked token with 401 on its next request", async () => {
      const { GET } = await import("@/app/api/v1/me/route");
      const { createApiToken } = await import("@/lib/services/api-tokens/create");
      const { revokeApiToken } = await import("@/lib/services/api-tokens/revoke");
      const { token, view } = await createApiToken(opened.db, { user: admin }, { name: "leaked", role: "admin" }, new Date());
      expect((await call(GET, "/api/v1/me", { token })).status).toBe(200);
      await revokeApiToken(opened.db, admin, view.id, new Date());
      const res = await call(GET, "/api/v1/me", { token });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(await res.json()).toMatchObject({ code: "UNAUTHENTICATED", detail: expect.stringContaining("revoked") });
      await expect(revokeApiToken(opened.db, admin, view.id, new Date())).rejects.toMatchObject({ code: "CONFLICT" });
    });

    it("refuses an expired token with 401, judged on every request even while the row is cached", async () => {
      const { GET } = await import("@/app/api/v1/me/route");
      const { apiTokens } = await import("@/lib/db/schema");
      const { authenticateApiToken } = await import("@/lib/services/api-tokens/authenticate");
      const token = await mint(opened.db, "planner", { name: "short-lived", expiresInDays: 1 });
      expect((await call(GET, "/api/v1/me", { token })).status).toBe(200);
      // The row read by that request is trusted for a few seconds; its expiry still counts.
      await expect(authenticateApiToken(opened.db, token, new Date(Date.now() + 2 * 86_400_000))).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("expired") });

      const lapsed = await mint(opened.db, "planner", { name: "lapsed", expiresInDays: 1 });
      await opened.db.update(apiTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiTokens.name, "lapsed"));
      const res = await call(GET, "/api/v1/me", { token: lapsed });
      expect(res.status).toBe(401);
      expect((await res.json()).detail).toContain("expired");
    });

    it("refuses an unknown token, another scheme, and a token in the query string", async () => {
      const { GET } = await import("@/app/api/v1/me/route");
      expect((await call(GET, "/api/v1/me", { token: "sb_" + "A".repeat(43) })).status).toBe(401);
      expect((await call(GET, "/api/v1/me", { headers: { authorization: "Basic dXNlcjpwYXNz" } })).status).toBe(401);
      const token = await mint(opened.db, "planner");
      const res = await call(GET, `/api/v1/me?access_token=${token}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "VALIDATION", errors: [{ field: "access_token" }] });
      expect((await call(GET, `/api/v1/me?x=${token}`, { token })).status).toBe(400);
    });

    it("exempts bearer writes from the cross-site check; cookie writes keep it", async () => {
      const { POST } = await import("@/app/api/v1/imports/shifts/route");
      const token = await mint(opened.db, "planner");
      const csv = "agentId,start,end\nAGENT-1,2030-01-07T09:00:00Z,2030-01-07T17:00:00Z\n";
      const bearer = await call(POST, "/api/v1/imports/shifts?fileName=a.csv&dryRun=true", { token, raw: csv, contentType: "text/csv" });
      expect(bearer.status).toBe(200);
      session.user = { ...admin, role: "planner" };
      try {
        const cookie = await call(POST, "/api/v1/imports/shifts?fileName=a.csv&dryRun=true", { raw: csv, contentType: "text/csv", headers: { origin: "http://evil.test" } });
        expect(cookie.status).toBe(403);
        expect((await cookie.json()).code).toBe("CROSS_SITE");
      } finally {
        session.user = null;
      }
    });

    it("lists tokens without the token and with their status", async () => {
      const { listApiTokens } = await import("@/lib/services/api-tokens/list");
      const list = await listApiTokens(opened.db, admin, new Date());
      expect(list.map((t) => t.status)).toEqual(expect.arrayContaining(["active", "revoked", "expired"]));
      expect(JSON.stringify(list)).not.toMatch(/sb_[A-Za-z0-9_-]{43}/);
      await expect(listApiTokens(opened.db, { ...admin, role: "supervisor", siteIds: ["NYC"] }, new Date())).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
}

describe("npm run api:token", () => {
  it("mints a token from the shell and prints it alone on stdout", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shiftboard-token-cli-"));
    try {
      const env = { ...process.env, PGLITE_DATA_DIR: dir, NODE_ENV: "development" } as NodeJS.ProcessEnv;
      delete env.DATABASE_URL;
      const run = (args: string[]) => spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/api-token.ts", ...args], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 });
      const bad = run(["--name", "ci"]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("Usage");
      const ok = run(["--name", "ci", "--role", "planner", "--expires-days", "7"]);
      expect(ok.stderr).toContain('Created API token "ci" (planner)');
      expect(ok.status).toBe(0);
      const token = ok.stdout.trim();
      expect(token).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);
      const { openPglite } = await import("@/lib/db/client");
      const { authenticateApiToken } = await import("@/lib/services/api-tokens/authenticate");
      const db = await openPglite(dir);
      try {
        const caller = await authenticateApiToken(db.db, token, new Date());
        expect(caller.user).toMatchObject({ role: "planner", siteIds: [] });
        await expect(authenticateApiToken(db.db, token, new Date(Date.now() + 8 * 86_400_000))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
