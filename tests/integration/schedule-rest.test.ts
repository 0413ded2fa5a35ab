/**
 * The schedule's REST surface against the real handlers and database (PGlite, and a
 * scratch Postgres database when TEST_DATABASE_URL is set); only the session is replaced.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { DemoData } from "@/lib/demo/generate";
import { instantToLocal } from "@/lib/domain/time";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/current-user", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/current-user")>()),
  getCurrentUser: async () => session.user,
}));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shiftboard-schedule-rest-"));
const scratch = `shiftboard_test_${randomBytes(6).toString("hex")}`;
let planner: CurrentUser;
let supervisor: CurrentUser;
let demo: DemoData;
const ORIGIN = "http://127.0.0.1:3400";
const pad = (n: number) => String(n).padStart(2, "0");
const wall = (ms: number) => {
  const l = instantToLocal(ms, "America/New_York");
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
};
const req = (url: string, method: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}${url}`, {
    method,
    headers: { origin: ORIGIN, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });

beforeAll(async () => {
  process.env.PGLITE_DATA_DIR = dataDir;
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${scratch}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${scratch}`;
    process.env.DATABASE_URL = url.toString();
  }
  const { getDb } = await import("@/lib/db/client");
  const { seedDemo } = await import("@/lib/services/seed/demo");
  const { users } = await import("@/lib/db/schema");
  const db = await getDb();
  demo = await seedDemo(db, { weekStart: "2026-11-23" });
  const user = async (email: string, siteIds: string[]): Promise<CurrentUser> => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return { id: u.id, email: u.email, name: u.name, role: u.role, siteIds };
  };
  planner = await user("planner@demo.local", []);
  supervisor = await user("supervisor.lon@demo.local", ["LON"]);
});

afterAll(async () => {
  const { getOpenedDb } = await import("@/lib/db/client");
  await (await getOpenedDb()).close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (process.env.TEST_DATABASE_URL) {
    const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await c.end();
  }
});

describe("REST /api/v1/shifts and /api/v1/imports/[id]/undo", () => {
  it("reads a shift with its ETag, edits it only with If-Match, refuses a stale one, deletes with If-Match", async () => {
    session.user = planner;
    const byId = await import("@/app/api/v1/shifts/[id]/route");
    const collection = await import("@/app/api/v1/shifts/route");
    const s = demo.shifts.find((x) => x.siteId === "NYC")!;
    const got = await byId.GET(req(`/api/v1/shifts/${s.id}`, "GET"), params({ id: s.id }));
    expect(got.status).toBe(200);
    const etag = got.headers.get("etag")!;
    expect(etag).toMatch(/^"\d+"$/);
    const body = { agentId: s.agentId, siteId: s.siteId, start: wall(s.start), end: wall(s.end - 30 * 60_000), timeZone: "America/New_York", breaks: s.breaks, skills: s.skills, status: s.status, confirmWarnings: true };

    const missing = await byId.PATCH(req(`/api/v1/shifts/${s.id}`, "PATCH", body), params({ id: s.id }));
    expect(missing.status).toBe(428);
    const missingBody = await missing.json();
    expect(missingBody.code).toBe("PRECONDITION_REQUIRED");
    expect(missingBody.detail).toContain("If-Match");

    const ok = await byId.PATCH(req(`/api/v1/shifts/${s.id}`, "PATCH", body, { "if-match": etag }), params({ id: s.id }));
    expect(ok.status).toBe(200);
    const newTag = ok.headers.get("etag")!;
    expect(newTag).toBe(`"${Number(JSON.parse(etag)) + 1}"`);

    const stale = await byId.PATCH(req(`/api/v1/shifts/${s.id}`, "PATCH", body, { "if-match": etag }), params({ id: s.id }));
    expect(stale.status).toBe(409);
    const staleBody = await stale.json();
    expect(staleBody.detail).toContain("changed by someone else since you opened it");
    expect(staleBody.current.version).toBe(Number(JSON.parse(newTag)));

    const broken = await byId.PATCH(req(`/api/v1/shifts/${s.id}`, "PATCH", { ...body, end: wall(s.start - 60_000) }, { "if-match": newTag }), params({ id: s.id }));
    expect(broken.status).toBe(422);
    expect((await broken.json()).findings[0]).toMatchObject({ code: "END_BEFORE_START", field: "end" });

    const start = s.start + 14 * 86_400_000;
    const created = await collection.POST(req("/api/v1/shifts", "POST", { ...body, start: wall(start), end: wall(start + 8 * 3_600_000), status: "DRAFT" }), params({}));
    expect(created.status).toBe(201);
    const { shift } = await created.json();
    expect((await byId.DELETE(req(`/api/v1/shifts/${shift.id}`, "DELETE"), params({ id: shift.id }))).status).toBe(428);
    expect((await byId.DELETE(req(`/api/v1/shifts/${shift.id}`, "DELETE", undefined, { "if-match": '"1"' }), params({ id: shift.id }))).status).toBe(204);
    expect((await byId.GET(req(`/api/v1/shifts/${shift.id}`, "GET"), params({ id: shift.id }))).status).toBe(404);
  });

  it("previews and publishes through POST /api/v1/shifts/publish, and undoes the import through POST /api/v1/imports/[id]/undo", async () => {
    session.user = planner;
    const { importShiftFile } = await import("@/lib/services/imports/shifts");
    const { getDb } = await import("@/lib/db/client");
    const text = "agentId,start,end,status,siteId\nAGENT-1010,2026-12-15T09:00:00-05:00,2026-12-15T17:00:00-05:00,DRAFT,NYC\n";
    const imported = await importShiftFile(await getDb(), { fileName: "rest.csv", text, bytes: text.length, options: { dryRun: false, overwriteConflicts: false, onlyValidRows: false }, actor: { id: null, label: "planner" } });
    const importId = imported.importId!;
    const publish = await import("@/app/api/v1/shifts/publish/route");
    const preview = await publish.POST(req("/api/v1/shifts/publish?preview=true", "POST", { importId }), params({}));
    expect(preview.status).toBe(200);
    const p = await preview.json();
    expect(p).toMatchObject({ shifts: 1, agents: 1, paidHours: 8 });
    const done = await publish.POST(req("/api/v1/shifts/publish", "POST", { importId, shiftIds: p.shiftIds }), params({}));
    expect(await done.json()).toEqual({ published: 1 });
    const nothing = await publish.POST(req("/api/v1/shifts/publish", "POST", { importId }), params({}));
    expect(nothing.status).toBe(400);

    const undo = await import("@/app/api/v1/imports/[id]/undo/route");
    const r = await undo.POST(req(`/api/v1/imports/${importId}/undo`, "POST"), params({ id: importId }));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ importId, removed: 1, restored: 0 });
    expect((await undo.POST(req(`/api/v1/imports/${importId}/undo`, "POST"), params({ id: importId }))).status).toBe(409);

    session.user = supervisor;
    expect((await undo.POST(req(`/api/v1/imports/${importId}/undo`, "POST"), params({ id: importId }))).status).toBe(403);
    expect((await publish.POST(req("/api/v1/shifts/publish", "POST", { importId }), params({}))).status).toBe(403);
  });
});
