/**
 * Calling the real route handlers as an API client would: a Request with a bearer token
 * (or none), against the database the test opened. The handlers read the application's
 * database through getDb(); pointing its handle at the test's database is the one
 * substitution (and the rate limiter is rebuilt on it).
 */
import type { OpenedDb } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";
import { createApiToken } from "@/lib/services/api-tokens/create";

const globals = globalThis as unknown as { __shiftboardDb?: Promise<OpenedDb>; __shiftboardApiRateLimiter?: unknown };

export function routeHandlersUse(opened: OpenedDb): void {
  globals.__shiftboardDb = Promise.resolve(opened);
  globals.__shiftboardApiRateLimiter = undefined;
}

export const BASE = "http://127.0.0.1:3400";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  token?: string | null;
  body?: unknown;
  /** A raw body (CSV, broken JSON) sent as is. */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

export async function call(handler: Handler, path: string, options: CallOptions = {}): Promise<Response> {
  const method = options.method ?? (options.body !== undefined || options.raw !== undefined ? "POST" : "GET");
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] ??= options.contentType ?? "application/json";
  return handler(new Request(`${BASE}${path}`, { method, headers, body }), { params: Promise.resolve(options.params ?? {}) });
}

export async function mint(db: OpenedDb["db"], role: Exclude<Role, "agent">, options: { siteIds?: string[]; name?: string; expiresInDays?: number | null } = {}): Promise<string> {
  const { token } = await createApiToken(db, { shell: true }, { name: options.name ?? `${role}-token`, role, siteIds: options.siteIds ?? [], expiresInDays: options.expiresInDays ?? null }, new Date());
  return token;
}
