/**
 * The contract: every route file under app/api/v1 and each method it exports is an
 * operation of the OpenAPI document, and every documented operation exists. A route added
 * later fails here until its area module in lib/api/openapi declares it. Then real answers
 * of the real handlers (on the demo data, through a bearer token) are checked against the
 * schemas the document was generated from, failures against the Problem shape.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { problemSchema } from "@/lib/api/openapi/define";
import { openApiDocument, openApiPath } from "@/lib/api/openapi/document";
import { OPERATIONS } from "@/lib/api/openapi/operations";
import type { OpenedDb } from "@/lib/db/client";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";
import { call, mint, routeHandlersUse } from "./support/api";

const ROOT = path.resolve(import.meta.dirname, "../..");
const V1 = path.join(ROOT, "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** The document itself is not an operation of the document. */
const NOT_OPERATIONS = new Set(["/api/v1/openapi.json"]);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : /^route\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const routeFiles = walk(V1).map((file) => ({ file, routePath: "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/") }));
type Doc = { paths: Record<string, Record<string, Record<string, unknown>>>; components: Record<string, Record<string, unknown>> };
const doc = openApiDocument() as unknown as Doc;

describe("the OpenAPI document covers app/api/v1 exactly", () => {
  it("finds the route files", () => expect(routeFiles.length).toBeGreaterThan(10));

  for (const { file, routePath } of routeFiles) {
    if (NOT_OPERATIONS.has(routePath)) continue;
    it(`${routePath}: every exported method is documented`, async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      const methods = METHODS.filter((m) => typeof mod[m] === "function");
      expect(methods.length).toBeGreaterThan(0);
      for (const m of methods) {
        expect(doc.paths[openApiPath(routePath)]?.[m.toLowerCase()], `${m} ${routePath} is not in the OpenAPI document: declare it in lib/api/openapi/<area>.ts and list the module in operations.ts`).toBeDefined();
      }
    });
  }

  it("every documented operation has its route file and method", async () => {
    const missing: string[] = [];
    for (const op of OPERATIONS) {
      const route = routeFiles.find((r) => r.routePath === op.path);
      const mod = route ? ((await import(route.file)) as Record<string, unknown>) : {};
      if (typeof mod[op.method] !== "function") missing.push(`${op.method} ${op.path}`);
    }
    expect(missing).toEqual([]);
  });

  it("declares each operation once, with the capability the access map gives it", () => {
    const seen = new Set<string>();
    for (const op of OPERATIONS) {
      const key = `${op.method} ${op.path}`;
      expect(seen.has(key), `${key} declared twice`).toBe(false);
      seen.add(key);
      expect(op.capability).toBe((ROUTE_CAPABILITY as Record<string, Record<string, string>>)[op.path][op.method]);
      expect(doc.paths[openApiPath(op.path)][op.method.toLowerCase()]["x-capability"]).toBe(op.capability);
    }
  });

  it("gives every operation a summary, an example answer that fits its schema, and an input example that fits its input", () => {
    for (const op of OPERATIONS) {
      const key = `${op.method} ${op.path}`;
      expect(op.summary, key).toBeTruthy();
      expect(op.response.example, `${key}: response example`).toBeDefined();
      if (op.response.schema) expect(op.response.schema.safeParse(op.response.example).error, `${key}: response example`).toBeUndefined();
      if (op.input) {
        expect(op.inputExample, `${key}: input example`).toBeDefined();
        expect(op.input.safeParse(op.inputExample).error, `${key}: input example`).toBeUndefined();
      }
      if (op.fileBody) expect(op.fileBody.example.length, `${key}: file example`).toBeGreaterThan(0);
    }
  });

  it("documents both ways to authenticate and the one problem shape for failures", () => {
    const d = openApiDocument() as Record<string, unknown> & Doc;
    expect(d.openapi).toBe("3.1.0");
    expect(Object.keys(d.components.securitySchemes)).toEqual(["bearerAuth", "sessionCookie"]);
    expect(d.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    for (const [p, ops] of Object.entries(d.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const responses = op.responses as Record<string, unknown>;
        for (const s of ["400", "401", "403", "429"]) expect(responses[s], `${m} ${p} ${s}`).toEqual({ $ref: "#/components/responses/Problem" });
      }
    }
  });

  it("resolves every $ref inside the document", () => {
    const refs: string[] = [];
    const visit = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          if (k === "$ref" && typeof x === "string") refs.push(x);
          else visit(x);
        }
      }
    };
    visit(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\//);
      const target = ref.slice(2).split("/").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it("serves the document at /api/v1/openapi.json without credentials", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const res = GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});

for (const driver of TEST_DRIVERS) {
  describe(`real answers fit the documented schemas (${driver.name})`, () => {
    let opened: OpenedDb;
    let admin: string;
    beforeAll(async () => {
      ({ opened } = await openSeeded(driver.open));
      routeHandlersUse(opened);
      admin = await mint(opened.db, "admin");
    });
    afterAll(async () => opened?.close());

    const schemaOf = (method: string, p: string) => {
      const op = OPERATIONS.find((o) => o.method === method && o.path === p);
      if (!op?.response.schema) throw new Error(`${method} ${p} has no documented JSON schema`);
      return op.response.schema;
    };
    const fits = async (res: Response, schema: z.ZodType) => {
      const body = await res.json();
      expect(res.status, JSON.stringify(body).slice(0, 400)).toBe(200);
      const parsed = schema.safeParse(body);
      expect(parsed.error, JSON.stringify(body).slice(0, 400)).toBeUndefined();
      return body;
    };

    const GETS: [string, string][] = [
      ["/api/v1/me", "/api/v1/me"],
      ["/api/v1/sites", "/api/v1/sites?limit=2"],
      ["/api/v1/skills", "/api/v1/skills"],
      ["/api/v1/agents", "/api/v1/agents?limit=5&siteId=NYC"],
      ["/api/v1/coverage", `/api/v1/coverage?from=${DEMO_WEEK}&to=${DEMO_WEEK}&site=NYC`],
      ["/api/v1/gaps", `/api/v1/gaps?from=${DEMO_WEEK}&to=2026-11-29&limit=5`],
      ["/api/v1/shifts", "/api/v1/shifts?agentId=AGENT-1001"],
      ["/api/v1/trades/queue", "/api/v1/trades/queue"],
      ["/api/v1/bidding/scopes", "/api/v1/bidding/scopes"],
      ["/api/v1/bidding/lines", "/api/v1/bidding/lines"],
      ["/api/v1/bidding/bids", "/api/v1/bidding/bids"],
      ["/api/v1/bidding/awards", "/api/v1/bidding/awards"],
      ["/api/v1/trades", "/api/v1/trades?limit=5"],
      ["/api/v1/imports", "/api/v1/imports?limit=5"],
      ["/api/v1/demand", `/api/v1/demand?from=${DEMO_WEEK}&to=${DEMO_WEEK}&site=NYC`],
    ];
    for (const [routePath, url] of GETS) {
      it(`GET ${url}`, async () => {
        const mod = (await import(path.join(ROOT, "app", routePath, "route.ts"))) as { GET: Parameters<typeof call>[0] };
        await fits(await call(mod.GET, url, { token: admin }), schemaOf("GET", routePath));
      });
    }

    it("POST /api/v1/staffing/erlang-c", async () => {
      const { POST } = await import("@/app/api/v1/staffing/erlang-c/route");
      const op = OPERATIONS.find((o) => o.path === "/api/v1/staffing/erlang-c")!;
      await fits(await call(POST, "/api/v1/staffing/erlang-c", { token: admin, body: op.inputExample }), op.response.schema!);
    });

    it("POST /api/v1/imports/shifts (dry run)", async () => {
      const { POST } = await import("@/app/api/v1/imports/shifts/route");
      const op = OPERATIONS.find((o) => o.path === "/api/v1/imports/shifts")!;
      await fits(await call(POST, "/api/v1/imports/shifts?fileName=x.csv&dryRun=true", { token: admin, raw: op.fileBody!.example, contentType: "text/csv" }), op.response.schema!);
    });

    it("failures fit the Problem schema and are application/problem+json", async () => {
      const { GET } = await import("@/app/api/v1/optimization/jobs/[id]/route");
      const res = await call(GET, "/api/v1/optimization/jobs/00000000-0000-4000-8000-000000000000", { token: admin, params: { id: "00000000-0000-4000-8000-000000000000" } });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(problemSchema.safeParse(await res.json()).error).toBeUndefined();
    });
  });
}
