/**
 * The OpenAPI 3.1 document of /api/v1, built from the operations declared in
 * lib/api/openapi/<area>.ts: their zod schemas turned into JSON Schema 2020-12 (what 3.1
 * uses) by zod's own `z.toJSONSchema`, request schemas as clients send them (`io:
 * "input"`), answers as the server gives them (`io: "output"`). Schemas named with
 * `.meta({ id })` become components; every failure references the one Problem shape.
 */
import { z } from "zod";
import { PERMISSIONS } from "../../auth/permissions";
import { MAX_IMPORT_BYTES } from "../../csv/limits";
import { problemSchema, type Operation } from "./define";
import { OPERATIONS } from "./operations";

type Json = Record<string, unknown>;

export const OPENAPI_PATH = "/api/v1/openapi.json";

/** `/api/v1/bidding/scopes/[id]` → `/api/v1/bidding/scopes/{id}` */
export const openApiPath = (routePath: string) => routePath.replace(/\[([^\]]+)\]/g, "{$1}");

function jsonSchema(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  delete out.$schema;
  const defs = (out.$defs ?? {}) as Record<string, Json>;
  delete out.$defs;
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "$ref" && typeof x === "string" ? x.replace(/^#\/\$defs\//, "#/components/schemas/") : rewrite(x)]));
    }
    return v;
  };
  for (const [id, def] of Object.entries(defs)) components[id] = rewrite(def);
  return rewrite(out) as Json;
}

const problem = { $ref: "#/components/responses/Problem" };

function parameters(op: Operation, components: Json): Json[] {
  const params: Json[] = [];
  for (const [name, schema] of Object.entries(op.pathParams ?? {})) params.push({ name, in: "path", required: true, schema: jsonSchema(schema, "input", components) });
  const fromQuery = op.input && (op.inputFrom === "query" || op.method === "GET");
  if (fromQuery) {
    const s = jsonSchema(op.input!, "input", components) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const { description, ...schema } = prop as Json;
      params.push({ name, in: "query", required: (s.required ?? []).includes(name), ...(description ? { description } : {}), schema });
    }
  }
  if (op.query) {
    const s = jsonSchema(op.query, "input", components) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const { description, ...schema } = prop as Json;
      params.push({ name, in: "query", required: (s.required ?? []).includes(name), ...(description ? { description } : {}), schema });
    }
  }
  for (const h of op.headers ?? []) params.push({ name: h.name, in: "header", required: h.required, description: h.description, schema: { type: "string" }, example: h.example });
  if (op.idempotent) {
    params.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Any unique string (a UUID). Sent again with the same body within 24 h, the first answer comes back (header Idempotency-Replayed: true) and nothing is created twice; with another body it is refused (422).",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  return params;
}

function requestBody(op: Operation, components: Json): Json | undefined {
  if (op.fileBody) {
    return { required: true, description: op.fileBody.description, content: { [op.fileBody.contentType]: { schema: { type: "string" }, example: op.fileBody.example } } };
  }
  if (op.input && op.inputFrom !== "query" && op.method !== "GET") {
    return { required: true, content: { "application/json": { schema: jsonSchema(op.input, "input", components), ...(op.inputExample !== undefined ? { example: op.inputExample } : {}) } } };
  }
  return undefined;
}

function operationObject(op: Operation, components: Json): Json {
  const permission = PERMISSIONS[op.capability as keyof typeof PERMISSIONS];
  const who = `Needs \`${op.capability}\`: ${permission.roles.filter((r) => r !== "agent").join(", ")}${permission.siteScoped ? " (a supervisor: their own sites only)" : ""}.`;
  const status = String(op.response.status ?? 200);
  const content = op.response.contentType
    ? { [op.response.contentType]: { schema: { type: "string" }, example: op.response.example } }
    : { "application/json": { schema: op.response.schema ? jsonSchema(op.response.schema, "output", components) : {}, example: op.response.example } };
  const isWrite = op.method !== "GET";
  const other: Json = {};
  for (const [code, r] of Object.entries(op.otherResponses ?? {})) {
    other[code] = r.schema
      ? {
          description: r.description,
          content: {
            "application/json": { schema: jsonSchema(r.schema, "output", components), ...(r.example !== undefined ? { example: r.example } : {}) },
            ...(r.alsoProblem ? { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } : {}),
          },
        }
      : { ...problem, description: r.description };
  }
  const responses: Json = {
    [status]: {
      description: op.response.description,
      ...(status === "204" ? {} : { content }),
      ...(op.response.headers ? { headers: Object.fromEntries(Object.entries(op.response.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }])) } : {}),
    },
    "400": problem,
    "401": problem,
    "403": problem,
    ...(op.pathParams ? { "404": problem } : {}),
    ...(isWrite ? { "409": problem, "413": problem, "415": problem } : {}),
    ...(op.idempotent ? { "422": problem } : {}),
    "429": problem,
    ...other,
  };
  const body = requestBody(op, components);
  const params = parameters(op, components);
  return {
    operationId: `${op.method.toLowerCase()}${op.path.replace(/^\/api\/v1/, "").replace(/\[([^\]]+)\]/g, "By-$1").replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase())}`,
    summary: op.summary,
    description: [op.description, who].filter(Boolean).join("\n\n"),
    tags: [op.tag],
    "x-capability": op.capability,
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

const DESCRIPTION = `The Shiftboard integration API: the same use cases, permissions and site scopes as the dashboard.

## Authenticate
Mint a service token in **Settings → API tokens** (admins), or on the server with
\`npm run api:token -- --name NAME --role planner|supervisor|admin [--sites NYC,LON] [--expires-days N]\`.
Send it on every request as \`Authorization: Bearer sb_…\` (never in the URL: that is refused).
A token acts with its role and, for a supervisor, its sites. Revoked or expired tokens get 401, a role
without the right gets 403. The dashboard's session cookie works too (same-origin writes only).

## Errors
Every failure is \`application/problem+json\` (RFC 9457) with a stable \`code\`, a \`detail\` to show,
the \`requestId\` to quote, and \`errors[]\` naming each wrong \`field\` or \`row\`. Unknown fields in a
JSON body are refused, not ignored.

## Limits
JSON bodies up to 1 MB, CSV uploads up to ${Math.round(MAX_IMPORT_BYTES / 1048576)} MB (413 beyond). Each token may make a limited number of
requests a minute (429 with \`Retry-After\`). Lists are paged with \`limit\` (≤ 500) and \`cursor\`.
POSTs that create take an \`Idempotency-Key\`.

## Versions
A shift carries its \`version\` as the \`ETag\` of GET /api/v1/shifts/{id} (and of every write's answer). PATCH and
DELETE must name the version they change in \`If-Match\` (428 without it); a version changed meanwhile is refused
with 409 and the shift as it is now in \`current\`. A change that breaks a scheduling rule answers 422 with the
\`findings\` (nothing is stored); warnings only are saved with \`confirmWarnings: true\`.

## Times
Every instant is ISO 8601 with an offset (UTC, \`Z\`).`;

/** The document; built once per process (the operations are static). */
let cached: Json | undefined;

export function openApiDocument(): Json {
  if (cached) return cached;
  const schemas: Json = {};
  jsonSchema(problemSchema, "output", schemas);
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    const p = openApiPath(op.path);
    paths[p] ??= {};
    paths[p][op.method.toLowerCase()] = operationObject(op, schemas);
  }
  cached = {
    openapi: "3.1.0",
    info: { title: "Shiftboard API", version: "1.0.0", description: DESCRIPTION },
    servers: [{ url: "/", description: "This Shiftboard server" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "sb_ followed by 43 characters", description: "A service token from Settings → API tokens or `npm run api:token`." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The dashboard's sign-in session (browsers; writes must come from the dashboard's own origin)." },
      },
      responses: {
        Problem: {
          description: "A failure: 400 invalid input, 401 no or bad credentials, 403 not allowed, 404 not found, 409 conflict, 413 too large, 415 wrong media type, 422 idempotency key reused, 428 a versioned write without If-Match, 429 rate limited (see Retry-After).",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" }, example: { type: "urn:shiftboard:problem:validation", title: "Invalid request", status: 400, detail: "limit: limit is at most 500.", code: "VALIDATION", requestId: "5b0c1f9e-2f55-4f7a-9b8e-0f5c2a7d9e11", errors: [{ field: "limit", message: "limit is at most 500." }] } } },
        },
      },
    },
  };
  return cached;
}
