/**
 * The API's safety rails through the real handlers and database, with bearer tokens:
 * Idempotency-Key replays, per-token rate limits (in Postgres when there is one), and
 * bad input answered with the problem shape naming the field, changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { createApiRateLimiter } from "@/lib/api/rate-limit";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";
import { call, mint, routeHandlersUse } from "./support/api";

const CSV = "agentId,start,end,skills,status,siteId\nAGENT-1001,2030-01-07T14:00:00Z,2030-01-07T22:00:00Z,SKILL-EN-TECH-SUPPORT:4,DRAFT,NYC\n";
const OTHER_CSV = "agentId,start,end,skills,status,siteId\nAGENT-1002,2030-01-08T14:00:00Z,2030-01-08T22:00:00Z,,DRAFT,NYC\n";

for (const driver of TEST_DRIVERS) {
  describe(`API safety (${driver.name})`, () => {
    let opened: OpenedDb;
    let planner: string;
    beforeAll(async () => {
      ({ opened } = await openSeeded(driver.open));
      routeHandlersUse(opened);
      planner = await mint(opened.db, "planner", { name: "safety-planner" });
    });
    afterAll(async () => opened?.close());

    const importCount = async () => {
      const { imports } = await import("@/lib/db/schema");
      const [row] = await opened.db.select({ n: sql<number>`count(*)::int` }).from(imports);
      return row.n;
    };
    const upload = async (token: string, body: string, key?: string) => {
      const { POST } = await import("@/app/api/v1/imports/shifts/route");
      return call(POST, "/api/v1/imports/shifts?fileName=week.csv", { token, raw: body, contentType: "text/csv", headers: key ? { "idempotency-key": key } : {} });
    };

    describe("Idempotency-Key", () => {
      it("answers a replay with the first answer and creates nothing twice", async () => {
        const before = await importCount();
        const first = await upload(planner, CSV, "import-week-1");
        expect(first.status).toBe(200);
        expect(first.headers.get("idempotency-replayed")).toBe("false");
        const firstBody = await first.text();
        expect(JSON.parse(firstBody)).toMatchObject({ status: "committed", importedRows: 1 });
        expect(await importCount()).toBe(before + 1);

        const again = await upload(planner, CSV, "import-week-1");
        expect(again.status).toBe(200);
        expect(again.headers.get("idempotency-replayed")).toBe("true");
        expect(await again.text()).toBe(firstBody);
        expect(await importCount()).toBe(before + 1);
      });

      it("refuses the same key with another body (422) and stores nothing", async () => {
        const before = await importCount();
        const res = await upload(planner, OTHER_CSV, "import-week-1");
        expect(res.status).toBe(422);
        expect(await res.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", errors: [{ field: "Idempotency-Key" }] });
        expect(await importCount()).toBe(before);
      });

      it("keeps keys per caller and per request: another token or another key runs again", async () => {
        const other = await mint(opened.db, "planner", { name: "safety-other" });
        const before = await importCount();
        const res = await upload(other, CSV, "import-week-1");
        expect(res.headers.get("idempotency-replayed")).toBe("false");
        expect(await res.json()).toMatchObject({ status: "committed", importedRows: 0, unchangedRows: 1 });
        expect(await importCount()).toBe(before + 1);
      });

      it("refuses a key that is not 1–255 visible characters", async () => {
        const res = await upload(planner, CSV, "x".repeat(256));
        expect(res.status).toBe(400);
        expect((await res.json()).errors).toEqual([expect.objectContaining({ field: "Idempotency-Key" })]);
      });
    });

    describe("rate limits per token", () => {
      it("answers 429 with Retry-After past the limit, for that token only", async () => {
        const globals = globalThis as unknown as { __shiftboardApiRateLimiter?: unknown };
        globals.__shiftboardApiRateLimiter = Promise.resolve(createApiRateLimiter({ pool: opened.pool, points: 3 }));
        try {
          const { GET } = await import("@/app/api/v1/me/route");
          const busy = await mint(opened.db, "planner", { name: "busy-script" });
          for (let i = 0; i < 3; i++) expect((await call(GET, "/api/v1/me", { token: busy })).status).toBe(200);
          const refused = await call(GET, "/api/v1/me", { token: busy });
          expect(refused.status).toBe(429);
          expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
          expect(await refused.json()).toMatchObject({ code: "RATE_LIMITED", title: "Too many requests" });
          // Another token has its own count (a fresh one: on Postgres, counts outlive a limiter object).
          const calm = await mint(opened.db, "planner", { name: "calm-script" });
          expect((await call(GET, "/api/v1/me", { token: calm })).status).toBe(200);
          if (opened.pool) {
            // On Postgres the count is in the database, so every instance sees it.
            const { rows } = await opened.pool.query("select count(*)::int as n from api_rate_limit");
            expect(rows[0].n).toBeGreaterThanOrEqual(2);
          }
        } finally {
          globals.__shiftboardApiRateLimiter = undefined;
        }
      });
    });

    describe("bad input is named, and changes nothing", () => {
      const erlang = async (body: { raw?: string; body?: unknown }) => {
        const { POST } = await import("@/app/api/v1/staffing/erlang-c/route");
        return call(POST, "/api/v1/staffing/erlang-c", { token: planner, ...body });
      };
      const valid = { intervalMinutes: 30, serviceLevelTarget: 0.8, serviceLevelSeconds: 20, intervals: [{ contacts: 100, ahtSeconds: 180 }] };

      it("malformed JSON", async () => {
        const res = await erlang({ raw: '{"intervalMinutes": 30,' });
        expect(res.status).toBe(400);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        const p = await res.json();
        expect(p).toMatchObject({ code: "VALIDATION", errors: [{ field: "body" }] });
        expect(p.detail).toContain("not valid JSON");
      });

      it("unknown fields, at the top and nested", async () => {
        const top = await erlang({ body: { ...valid, targetSL: 0.9 } });
        expect(top.status).toBe(400);
        expect((await top.json()).errors).toEqual([{ field: "targetSL", message: 'Unknown field "targetSL".' }]);
        const nested = await erlang({ body: { ...valid, intervals: [{ contacts: 1, ahtSeconds: 180, aht: 3 }] } });
        expect(nested.status).toBe(400);
        expect((await nested.json()).errors[0].field).toBe("intervals.0");
      });

      it("wrong types name the field", async () => {
        const res = await erlang({ body: { ...valid, serviceLevelTarget: "80%" } });
        expect(res.status).toBe(400);
        expect((await res.json()).errors[0].field).toBe("serviceLevelTarget");
      });

      it("a body over the cap is 413", async () => {
        const res = await erlang({ raw: JSON.stringify({ ...valid, pad: "x".repeat(1_100_000) }) });
        expect(res.status).toBe(413);
        expect((await res.json()).code).toBe("TOO_LARGE");
      });

      it("a huge limit is refused by name", async () => {
        const { GET } = await import("@/app/api/v1/agents/route");
        const res = await call(GET, "/api/v1/agents?limit=100000", { token: planner });
        expect(res.status).toBe(400);
        expect((await res.json()).errors).toEqual([expect.objectContaining({ field: "limit" })]);
      });

      it("a cursor from another query is refused; pages with the same query cover the list once", async () => {
        const { GET } = await import("@/app/api/v1/agents/route");
        const first = await (await call(GET, "/api/v1/agents?limit=50&siteId=NYC", { token: planner })).json();
        expect(first.nextCursor).toEqual(expect.any(String));
        const foreign = await call(GET, `/api/v1/agents?limit=50&siteId=LON&cursor=${first.nextCursor}`, { token: planner });
        expect(foreign.status).toBe(400);
        expect((await foreign.json()).errors).toEqual([expect.objectContaining({ field: "cursor" })]);
        expect((await call(GET, "/api/v1/agents?cursor=not-a-cursor", { token: planner })).status).toBe(400);

        const seen: string[] = [...first.items.map((a: { id: string }) => a.id)];
        let cursor: string | null = first.nextCursor;
        while (cursor) {
          const page = await (await call(GET, `/api/v1/agents?limit=50&siteId=NYC&cursor=${cursor}`, { token: planner })).json();
          seen.push(...page.items.map((a: { id: string }) => a.id));
          cursor = page.nextCursor;
        }
        const { agents } = await import("@/lib/db/schema");
        const all = await opened.db.select({ id: agents.id, site: agents.homeSiteId }).from(agents);
        expect(seen).toEqual(all.filter((a) => a.site === "NYC").map((a) => a.id).sort());
      });

      it("a supervisor token sees its sites' agents and is refused another site by name", async () => {
        const { GET } = await import("@/app/api/v1/agents/route");
        const nyc = await mint(opened.db, "supervisor", { siteIds: ["NYC"], name: "nyc-sup" });
        const page = await (await call(GET, "/api/v1/agents?limit=500", { token: nyc })).json();
        expect(page.items.length).toBeGreaterThan(0);
        expect(new Set(page.items.map((a: { homeSiteId: string }) => a.homeSiteId))).toEqual(new Set(["NYC"]));
        const lon = await call(GET, "/api/v1/agents?siteId=LON", { token: nyc });
        expect(lon.status).toBe(403);
        expect(await lon.json()).toMatchObject({ code: "SITE_FORBIDDEN", detail: expect.stringContaining("LON") });
      });
    });

    describe("coverage and gaps", () => {
      it("answers every 15-minute interval of the range, net and gross", async () => {
        const { GET } = await import("@/app/api/v1/coverage/route");
        const net = await (await call(GET, `/api/v1/coverage?from=${DEMO_WEEK}&to=${DEMO_WEEK}`, { token: planner })).json();
        const gross = await (await call(GET, `/api/v1/coverage?from=${DEMO_WEEK}&to=${DEMO_WEEK}&mode=gross`, { token: planner })).json();
        expect(net.skills.length).toBeGreaterThan(0);
        for (const s of net.skills) expect(s.intervals).toHaveLength(96);
        expect(net.skills[0].intervals[0].start).toBe(`${DEMO_WEEK}T00:00:00.000Z`);
        // Gross counts a multi-skilled agent fully for each skill: never below net.
        const total = (v: { skills: { intervals: { scheduled: number }[] }[] }) => v.skills.flatMap((s) => s.intervals).reduce((a, i) => a + i.scheduled, 0);
        expect(total(gross)).toBeGreaterThanOrEqual(total(net));
        const tooLong = await call(GET, `/api/v1/coverage?from=${DEMO_WEEK}&to=2027-01-30`, { token: planner });
        expect(tooLong.status).toBe(400);
        expect((await tooLong.json()).errors[0].field).toBe("to");
        expect((await call(GET, "/api/v1/coverage?site=ATLANTIS", { token: planner })).status).toBe(400);
      });

      it("pages the gaps, largest deficit first, without losing or repeating one", async () => {
        const { GET } = await import("@/app/api/v1/gaps/route");
        const q = `from=${DEMO_WEEK}&to=2026-11-29`;
        const all = await (await call(GET, `/api/v1/gaps?${q}&limit=500`, { token: planner })).json();
        expect(all.items.length).toBeGreaterThan(2);
        const deficits = all.items.map((g: { deficitHours: number }) => g.deficitHours);
        expect(deficits).toEqual([...deficits].sort((a, b) => b - a));
        const paged: unknown[] = [];
        let cursor: string | null = null;
        do {
          const url: string = `/api/v1/gaps?${q}&limit=4${cursor ? `&cursor=${cursor}` : ""}`;
          const page: { items: unknown[]; nextCursor: string | null } = await (await call(GET, url, { token: planner })).json();
          paged.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        expect(paged).toEqual(all.items);
      });
    });
  });
}
