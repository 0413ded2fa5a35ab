/**
 * Attacks on the route handlers, replayed against the real handlers and database; only
 * the session is replaced (next-auth needs a live request).
 */
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { routeCtx as ctx, setUpRouteTests } from "./support/route-harness";

const planner: CurrentUser = { id: "00000000-0000-4000-8000-000000000002", email: "planner@test", name: "Planner", role: "planner", siteIds: [] };
setUpRouteTests({ folderPrefix: "shiftboard-routes-", user: planner });

async function counts() {
  const { getDb } = await import("@/lib/db/client");
  const { auditLog, imports } = await import("@/lib/db/schema");
  const db = await getDb();
  const [i] = await db.select({ n: sql<number>`count(*)::int` }).from(imports);
  const [a] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return { imports: i.n, audit: a.n };
}

const CSV = "agentId,start,end\nAGENT-1,2030-01-07T09:00:00Z,2030-01-07T17:00:00Z\n";

describe("cross-site writes", () => {
  it("refuses a text/plain upload from a page on a sibling port, storing nothing", async () => {
    const { POST } = await import("@/app/api/v1/imports/shifts/route");
    const before = await counts();
    const res = await POST(
      new Request("http://127.0.0.1:3400/api/v1/imports/shifts?fileName=evil.csv", {
        method: "POST",
        headers: { origin: "http://127.0.0.1:3401", "content-type": "text/plain", "sec-fetch-site": "same-site" },
        body: CSV,
      }),
      ctx,
    );
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe("CROSS_SITE");
    expect(await counts()).toEqual(before);
  });

  it("refuses a bulk trade file sent as text/plain from our own origin with 415", async () => {
    const { POST } = await import("@/app/api/v1/trades/bulk/route");
    const res = await POST(
      new Request("http://127.0.0.1:3400/api/v1/trades/bulk", { method: "POST", headers: { origin: "http://127.0.0.1:3400", "content-type": "text/plain" }, body: "x" }),
      ctx,
    );
    expect(res.status).toBe(415);
  });

  it("accepts the dashboard's own upload (same origin, text/csv) as a dry run", async () => {
    const { POST } = await import("@/app/api/v1/imports/shifts/route");
    const res = await POST(
      new Request("http://127.0.0.1:3400/api/v1/imports/shifts?fileName=ok.csv&dryRun=true", {
        method: "POST",
        headers: { origin: "http://127.0.0.1:3400", "content-type": "text/csv" },
        body: CSV,
      }),
      ctx,
    );
    expect(res.status).toBe(200);
  });
});

describe("control characters in query text", () => {
  it("answers a NUL in agentId with a 400 naming the field, not a 500", async () => {
    const { GET } = await import("@/app/api/v1/shifts/route");
    const res = await GET(new Request("http://127.0.0.1:3400/api/v1/shifts?agentId=%00"), ctx);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe("VALIDATION");
    expect(body.detail).toContain("agentId");
    expect(body.detail).toContain("U+0000");
  });
});
