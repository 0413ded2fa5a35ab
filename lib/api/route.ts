import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "../auth/current-user";
import type { Role } from "../auth/roles";
import { getDb, type Db } from "../db/client";
import { AppError, isAppError, toPublicError } from "../errors";
import { logger } from "../logger";

export interface RouteContext<I> {
  request: Request;
  user: CurrentUser;
  db: Db;
  input: I;
  requestId: string;
  params: Record<string, string | string[]>;
}

interface RouteOptions<S extends z.ZodType | undefined> {
  roles: readonly Role[];
  /** Validates the query string (GET) or the JSON body (other methods). */
  input?: S;
}

type Input<S> = S extends z.ZodType ? z.infer<S> : undefined;

/**
 * A route handler that checks the session and role itself and validates its input with
 * zod before the handler runs; failures answer JSON `{error: {code, message, requestId}}`.
 */
export function apiRoute<S extends z.ZodType | undefined = undefined>(
  options: RouteOptions<S>,
  handler: (ctx: RouteContext<Input<S>>) => Promise<Response | unknown>,
) {
  return async (request: Request, context?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError("UNAUTHENTICATED");
      if (!options.roles.includes(user.role)) throw new AppError("FORBIDDEN");
      let input: unknown = undefined;
      if (options.input) {
        const raw = request.method === "GET" || request.method === "HEAD" ? Object.fromEntries(new URL(request.url).searchParams) : await readJson(request);
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
