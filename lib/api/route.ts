import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { assertCan, type CurrentUser } from "../auth/checks";
import { getCurrentUser } from "../auth/current-user";
import type { Capability } from "../auth/permissions";
import { getDb, type Db } from "../db/client";
import { env } from "../env";
import { AppError, isAppError, toPublicError } from "../errors";
import { logger } from "../logger";
import { assertSameOriginWrite, FILE_BODY, JSON_BODY } from "./csrf";

export interface RouteContext<I> {
  request: Request;
  user: CurrentUser;
  db: Db;
  input: I;
  requestId: string;
  params: Record<string, string | string[]>;
}

interface RouteOptions<S extends z.ZodType | undefined> {
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
}

type Input<S> = S extends z.ZodType ? z.infer<S> : undefined;

/**
 * A route handler that checks the session and capability itself and validates its input with
 * zod before the handler runs; failures answer JSON `{error: {code, message, requestId}}`.
 */
export function apiRoute<S extends z.ZodType | undefined = undefined>(
  options: RouteOptions<S>,
  handler: (ctx: RouteContext<Input<S>>) => Promise<Response | unknown>,
) {
  return async (request: Request, context?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const user = assertCan(await getCurrentUser(), options.capability);
      guardCrossSite(request, options);
      let input: unknown = undefined;
      if (options.input) {
        const fromQuery = options.inputFrom === "query" || request.method === "GET" || request.method === "HEAD";
        const raw = fromQuery ? Object.fromEntries(new URL(request.url).searchParams) : await readJson(request);
        const parsed = options.input.safeParse(raw);
        if (!parsed.success) {
          throw new AppError("VALIDATION", parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "), {
            issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
          });
        }
        input = parsed.data;
      }
      const params = (await context?.params) ?? {};
      const result = await handler({ request, user, db: await getDb(), input: input as Input<S>, requestId, params });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (e) {
      return errorResponse(e, requestId);
    }
  };
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

export function errorResponse(e: unknown, requestId: string): Response {
  if (!isAppError(e) || e.code === "INTERNAL") logger.error({ err: e, requestId }, "route failed");
  const status = isAppError(e) ? e.status : 500;
  return NextResponse.json({ error: toPublicError(e, requestId) }, { status });
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.");
  }
}

/**
 * Reads a request body as bytes into one buffer, stopping as soon as it passes `limitBytes`,
 * so an oversized upload is refused without being held in memory. The bytes go to the upload
 * reader's worker as they are (lib/api/csv-upload.ts): the file never becomes one giant
 * string on the server's own thread.
 */
export async function readBodyBytes(request: Request, limitBytes: number, describeLimit: (bytes: number) => string): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) throw new AppError("TOO_LARGE", describeLimit(declared));
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limitBytes) {
      await reader.cancel();
      throw new AppError("TOO_LARGE", describeLimit(bytes));
    }
    parts.push(value);
  }
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Reads a request body as UTF-8 text, stopping as soon as it passes `limitBytes`, so an
 * oversized upload is refused without being held in memory.
 */
export async function readBodyText(request: Request, limitBytes: number, describeLimit: (bytes: number) => string): Promise<{ text: string; bytes: number }> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) throw new AppError("TOO_LARGE", describeLimit(declared));
  if (!request.body) return { text: "", bytes: 0 };
  const reader = request.body.getReader();
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limitBytes) {
      await reader.cancel();
      throw new AppError("TOO_LARGE", describeLimit(bytes));
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return { text: parts.join(""), bytes };
}
