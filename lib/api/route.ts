import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { assertCan, type CurrentUser } from "../auth/checks";
import type { Capability } from "../auth/permissions";
import { getDb, type Db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";
import { logger } from "../logger";
import { runIdempotent } from "../services/api/idempotency";
import { DEFAULT_JSON_LIMIT_BYTES, parseJsonText, readBodyBytes } from "./body";
import { refuseTokenInQuery, resolveCaller, type Caller } from "./caller";
import { assertSameOriginWrite, FILE_BODY, JSON_BODY } from "./csrf";
import { problemResponse } from "./problem";
import { apiRateLimiter } from "./rate-limit";

export { readBodyBytes, readBodyText } from "./body";

export interface RouteContext<I> {
  request: Request;
  user: CurrentUser;
  db: Db;
  input: I;
  requestId: string;
  params: Record<string, string | string[]>;
  /** The API token the request came with (its name, for logs), or null for a session. */
  token: { id: string; name: string } | null;
}

export interface RouteOptions<S extends z.ZodType | undefined> {
  /** Who may call it: the holders of this capability (lib/auth/permissions.ts). */
  capability: Capability;
  /** Validates the query string (GET, or `inputFrom: "query"`) or the JSON body. */
  input?: S;
  /** Where the input comes from; "query" for handlers whose body is a file. */
  inputFrom?: "query" | "json";
  /**
   * Media types a write accepts in its body. Defaults: application/json when the input is
   * the JSON body, otherwise a file (text/csv or multipart/form-data).
   */
  accepts?: readonly string[];
  /**
   * A POST that creates something: an `Idempotency-Key` header makes a retry answer the
   * first answer (lib/services/api/idempotency.ts). The body is read here, up to
   * `maxBodyBytes`, to tell a replay from another request.
   */
  idempotent?: boolean;
  /** The body cap (413 beyond): JSON bodies default to 1 MiB; files set their own. */
  maxBodyBytes?: number;
}

type Input<S> = S extends z.ZodType ? z.infer<S> : undefined;

/**
 * A route handler that authenticates (session cookie or `Authorization: Bearer` API
 * token), checks the capability in the one permissions map, rate-limits tokens, guards
 * cross-site writes and validates its input with zod before the handler runs. Every
 * failure answers `application/problem+json` (lib/api/problem.ts); every request is
 * logged with its request id and, for tokens, the token's name.
 *
 * Unknown top-level fields of a JSON object body are refused, not dropped: a client's
 * typo must not pass silently (nested objects are strict in their schemas).
 */
export function apiRoute<S extends z.ZodType | undefined = undefined>(options: RouteOptions<S>, handler: (ctx: RouteContext<Input<S>>) => Promise<Response | unknown>) {
  return async (request: Request, context?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const requestId = randomUUID();
    const started = performance.now();
    const url = new URL(request.url);
    let caller: Caller = { user: null, token: null };
    let response: Response;
    try {
      refuseTokenInQuery(url);
      caller = await resolveCaller(request, getDb, new Date());
      if (caller.token) await (await apiRateLimiter()).consume(caller.token.id);
      const user = assertCan(caller.user, options.capability);
      guardCrossSite(request, options);
      const params = (await context?.params) ?? {};
      const jsonInput = !!options.input && options.inputFrom !== "query" && !isSafe(request);
      const needsBody = jsonInput || (options.idempotent && request.headers.has("idempotency-key"));
      const body = needsBody ? await readBodyBytes(request, options.maxBodyBytes ?? DEFAULT_JSON_LIMIT_BYTES, tooLarge(options.maxBodyBytes ?? DEFAULT_JSON_LIMIT_BYTES)) : null;
      // A JSON body becomes text; a file body stays bytes (the upload reader's worker decodes
      // it, lib/api/csv-upload.ts), and only its hash takes part in the idempotency fingerprint.
      const bodyText = body && jsonInput ? new TextDecoder("utf-8").decode(body) : null;
      const input = options.input ? parseInput(options.input, jsonInput ? parseJsonText(bodyText ?? "") : Object.fromEntries(url.searchParams), jsonInput) : undefined;
      // The handler reads a file body itself; when it was read here, it gets the same bytes again.
      const handlerRequest = body !== null && !jsonInput ? new Request(request.url, { method: request.method, headers: request.headers, body: body as Uint8Array<ArrayBuffer> }) : request;
      const db = await getDb();
      const run = async () => {
        try {
          const result = await handler({ request: handlerRequest, user, db, input: input as Input<S>, requestId, params, token: caller.token });
          return result instanceof Response ? result : Response.json(result);
        } catch (e) {
          return problemResponse(e, requestId);
        }
      };
      const key = options.idempotent ? request.headers.get("idempotency-key") : null;
      if (key !== null) {
        const answer = await runIdempotent(db, { callerId: caller.token?.id ?? user.id, route: `${request.method} ${url.pathname}`, key, fingerprint: `${url.search}\n${bodyText ?? (body ? `sha256:${createHash("sha256").update(body).digest("hex")}` : "")}` }, new Date(), async () => {
          const res = await run();
          return { status: res.status, body: await res.text(), contentType: res.headers.get("content-type"), etag: res.headers.get("etag") };
        });
        response = new Response(answer.status === 204 ? null : answer.body, {
          status: answer.status,
          headers: { ...(answer.contentType ? { "content-type": answer.contentType } : {}), ...(answer.etag ? { etag: answer.etag } : {}), "idempotency-replayed": String(answer.replayed) },
        });
      } else {
        response = await run();
      }
    } catch (e) {
      response = problemResponse(e, requestId);
    }
    if (!response.headers.has("x-request-id")) {
      try {
        response.headers.set("x-request-id", requestId);
      } catch {
        // Immutable headers (a Response.redirect): the id is still in the log line.
      }
    }
    logRequest(request, url, response.status, requestId, caller, performance.now() - started);
    return response;
  };
}

const isSafe = (request: Request) => ["GET", "HEAD"].includes(request.method.toUpperCase());

const tooLarge = (limit: number) => (n: number) =>
  `The body is ${n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`}; this endpoint accepts at most ${limit >= 1048576 ? `${(limit / 1048576).toFixed(0)} MB` : `${Math.ceil(limit / 1024)} KB`}.`;

function parseInput(schema: z.ZodType, raw: unknown, json: boolean): unknown {
  if (json && schema instanceof z.ZodObject && raw && typeof raw === "object" && !Array.isArray(raw)) {
    const known = new Set(Object.keys(schema.shape));
    const unknown = Object.keys(raw).filter((k) => !known.has(k));
    if (unknown.length) {
      throw new AppError("VALIDATION", `Unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`, {
        issues: unknown.map((k) => ({ path: k, message: `Unknown field "${k}".` })),
      });
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("VALIDATION", issues.map((i) => `${i.path || "input"}: ${i.message}`).join("; "), { issues });
  }
  return parsed.data;
}

// ── CSRF (see ./csrf.ts): runs after the role check, before any input is read ──
function guardCrossSite(request: Request, options: RouteOptions<z.ZodType | undefined>): void {
  const jsonInput = !!options.input && options.inputFrom !== "query";
  const publicUrl = env().NEXTAUTH_URL;
  assertSameOriginWrite(request, {
    accepts: options.accepts ?? (jsonInput ? JSON_BODY : FILE_BODY),
    trustedOrigins: publicUrl ? [publicUrl] : [],
  });
}

function logRequest(request: Request, url: URL, status: number, requestId: string, caller: Caller, ms: number): void {
  const fields = {
    requestId,
    method: request.method,
    path: url.pathname,
    status,
    ms: Math.round(ms * 10) / 10,
    ...(caller.token ? { token: caller.token.name } : caller.user ? { userId: caller.user.id } : {}),
  };
  if (status >= 500) logger.error(fields, "api request");
  else logger.info(fields, "api request");
}

/** For the few places that answer a failure outside apiRoute. */
export function errorResponse(e: unknown, requestId: string): Response {
  return problemResponse(e, requestId);
}
