/**
 * Every server action and every route handler refuses an anonymous caller and every
 * role without its capability in the permissions map, and changes nothing when it
 * refuses. The test walks the files and the map, so a new action or route is covered the
 * day it is added, and a change of the map is proved the day it is made.
 *
 * The session is the one thing replaced here (next-auth needs a live request); the
 * actions, their database and their checks are the real ones.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { PERMISSIONS, rolesFor, type Capability } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import { ACTION_CAPABILITY } from "@/lib/actions/access";
import { PUBLIC_ROUTES, ROUTE_CAPABILITY } from "@/lib/api/access";
import { createScratchDatabase } from "./support/db";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/current-user", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/current-user")>()),
  getCurrentUser: async () => session.user,
}));

const ROOT = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shiftboard-access-"));
let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;

function walk(dir: string, match: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, match) : match(full) ? [full] : [];
  });
}

const actionFiles = walk(path.join(ROOT, "lib/actions"), (f) => f.endsWith(".ts") && !/lib\/actions\/(safe-action|access)\.ts$/.test(f));
const routeFiles = walk(path.join(ROOT, "app/api"), (f) => /route\.tsx?$/.test(f));

const asRole = (role: Role): CurrentUser => ({ id: "00000000-0000-4000-8000-000000000001", email: `${role}@test`, name: role, role, siteIds: ["NYC"] });

async function auditCount() {
  const { getDb } = await import("@/lib/db/client");
  const { auditLog } = await import("@/lib/db/schema");
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return row.n;
}

beforeAll(async () => {
  // The real database module, on a throwaway embedded database (or the test server).
  process.env.PGLITE_DATA_DIR = dataDir;
  // The test server's own scratch database, migrated from empty (never the shared one).
  if (process.env.TEST_DATABASE_URL) {
    scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL);
    process.env.DATABASE_URL = scratch.url;
  }
});

afterAll(async () => {
  const { getOpenedDb } = await import("@/lib/db/client");
  await (await getOpenedDb()).close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  await scratch?.drop();
});

describe("server actions", () => {
  it("finds the action modules", () => {
    expect(actionFiles.length).toBeGreaterThan(0);
  });

  for (const file of actionFiles) {
    const rel = path.relative(ROOT, file);
    it(`${rel}: refuses the anonymous and every role not allowed, and changes nothing`, async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      const actions = Object.entries(mod).filter(([, v]) => typeof v === "function");
      expect(actions.length, `${rel} exports no action`).toBeGreaterThan(0);
      const before = await auditCount();
      for (const [name, action] of actions) {
        expect(name, `${rel} exports ${name}, which is not named *Action`).toMatch(/Action$/);
        const capability = (ACTION_CAPABILITY as Record<string, Capability>)[name];
        expect(capability, `${name} has no entry in lib/actions/access.ts`).toBeDefined();
        const allowed = rolesFor(capability);
        const call = action as (input: unknown) => Promise<{ serverError?: { code: string } }>;

        session.user = null;
        expect((await call({}))?.serverError?.code, `${name} anonymous`).toBe("UNAUTHENTICATED");
        for (const role of ROLES) {
          session.user = asRole(role);
          const result = await call({});
          if (allowed.includes(role)) {
            expect(["UNAUTHENTICATED", "FORBIDDEN"], `${name} as ${role}`).not.toContain(result?.serverError?.code);
          } else {
            expect(result?.serverError?.code, `${name} as ${role}`).toBe("FORBIDDEN");
          }
        }
      }
      expect(await auditCount()).toBe(before);
    });
  }
});

describe("route handlers", () => {
  it("finds the route files", () => {
    expect(routeFiles.length).toBeGreaterThan(0);
  });

  for (const file of routeFiles) {
    const routePath = "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/");
    it(`${routePath}: refuses the anonymous with 401 and every role not allowed with 403`, async () => {
      if ((PUBLIC_ROUTES as readonly string[]).includes(routePath)) return;
      const mod = (await import(file)) as Record<string, unknown>;
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
      expect(methods.length).toBeGreaterThan(0);
      const before = await auditCount();
      for (const method of methods) {
        const capability = (ROUTE_CAPABILITY as Record<string, Record<string, Capability>>)[routePath]?.[method];
        expect(capability, `${method} ${routePath} has no entry in lib/api/access.ts`).toBeDefined();
        const allowed = rolesFor(capability);
        const handler = mod[method] as (req: Request, ctx: unknown) => Promise<Response>;
        const request = () =>
          new Request(`http://localhost${routePath}`, {
            method,
            // From our own origin: the cross-site refusal has its own test (route-hardening).
            ...(method === "GET" ? {} : { body: "{}", headers: { "content-type": "application/json", origin: "http://localhost" } }),
          });
        const ctx = { params: Promise.resolve({}) };
        session.user = null;
        expect((await handler(request(), ctx)).status, `${method} ${routePath} anonymous`).toBe(401);
        for (const role of ROLES) {
          session.user = asRole(role);
          const status = (await handler(request(), ctx)).status;
          if (allowed.includes(role)) expect([401, 403], `${method} ${routePath} as ${role}`).not.toContain(status);
          else expect(status, `${method} ${routePath} as ${role}`).toBe(403);
        }
      }
      expect(await auditCount()).toBe(before);
    });
  }
});

describe("route handlers with API tokens", () => {
  // A token of each role acts through the same map: refused (403) where its role is not
  // allowed, let through where it is, and nothing changes on a refusal.
  const tokens = {} as Record<"planner" | "supervisor" | "admin", string>;
  beforeAll(async () => {
    const { getDb } = await import("@/lib/db/client");
    const { sites } = await import("@/lib/db/schema");
    const { createApiToken } = await import("@/lib/services/api-tokens/create");
    const db = await getDb();
    await db.insert(sites).values({ id: "NYC", name: "New York", timeZone: "America/New_York", laborRules: {} as never }).onConflictDoNothing();
    for (const role of ["planner", "supervisor", "admin"] as const) {
      tokens[role] = (await createApiToken(db, { shell: true }, { name: `walk-${role}`, role, siteIds: role === "supervisor" ? ["NYC"] : [] }, new Date())).token;
    }
  });

  for (const file of routeFiles) {
    const routePath = "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/");
    if ((PUBLIC_ROUTES as readonly string[]).includes(routePath)) continue;
    it(`${routePath}: a bearer token of each role is refused with 403 where the map says, and let through elsewhere`, async () => {
      session.user = null;
      const mod = (await import(file)) as Record<string, unknown>;
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
      const before = await auditCount();
      for (const method of methods) {
        const capability = (ROUTE_CAPABILITY as Record<string, Record<string, Capability>>)[routePath][method];
        const allowed = rolesFor(capability);
        const handler = mod[method] as (req: Request, ctx: unknown) => Promise<Response>;
        for (const role of ["planner", "supervisor", "admin"] as const) {
          // No Origin header: bearer requests are not held to the same-origin rule.
          const request = new Request(`http://localhost${routePath}`, {
            method,
            headers: { authorization: `Bearer ${tokens[role]}`, ...(method === "GET" ? {} : { "content-type": "application/json" }) },
            ...(method === "GET" ? {} : { body: "{}" }),
          });
          const res = await handler(request, { params: Promise.resolve({}) });
          if (allowed.includes(role)) expect([401, 403], `${method} ${routePath} as a ${role} token`).not.toContain(res.status);
          else {
            expect(res.status, `${method} ${routePath} as a ${role} token`).toBe(403);
            expect((await res.json()).code, `${method} ${routePath} as a ${role} token`).toBe("FORBIDDEN");
          }
        }
      }
      expect(await auditCount()).toBe(before);
    });
  }
});

describe("the permissions map", () => {
  it("names no action that does not exist", async () => {
    const exported = new Set<string>();
    for (const file of actionFiles) for (const name of Object.keys(await import(file))) exported.add(name);
    expect(Object.keys(ACTION_CAPABILITY).filter((name) => !exported.has(name))).toEqual([]);
  });

  it("names no route or method that does not exist", async () => {
    const stale: string[] = [];
    for (const [routePath, methods] of Object.entries(ROUTE_CAPABILITY)) {
      const file = routeFiles.find((f) => "/" + path.relative(path.join(ROOT, "app"), path.dirname(f)).split(path.sep).join("/") === routePath);
      const mod = file ? ((await import(file)) as Record<string, unknown>) : {};
      for (const method of Object.keys(methods)) if (typeof mod[method] !== "function") stale.push(`${method} ${routePath}`);
    }
    expect(stale).toEqual([]);
  });

  it("grants every capability to at least one role, and only to known roles", () => {
    for (const [capability, p] of Object.entries(PERMISSIONS)) {
      expect(p.roles.length, capability).toBeGreaterThan(0);
      for (const role of p.roles) expect(ROLES as readonly Role[], `${capability}: ${role}`).toContain(role);
    }
  });
});
