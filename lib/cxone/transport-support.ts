import "server-only";
/**
 * The transport's small pure helpers: waiting, Retry-After, backoff, and reading what a
 * failed request said. Kept apart so transport.ts reads as the one retry loop.
 */
import type { CxoneFieldError } from "./errors";
import { errorBodySchema, fieldErrorSchema } from "./schemas";

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Retry-After as delay-seconds ("120") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"),
 * in ms from `now`; a date in the past is 0; junk is null.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value == null) return null;
  const v = value.trim();
  if (v === "") return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** Full jitter: uniform in [0, min(cap, base × 2^(retry−1))), retry counted from 1. */
export function fullJitterBackoff(retry: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** Errors raised before any byte reached the server: safe to retry even for a write. */
export const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

export function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === "object"; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isTimeout(err: unknown): boolean {
  return err instanceof Error && err.name === "TimeoutError";
}

export function describeNetworkError(err: unknown): string {
  if (isTimeout(err)) return "no answer before the timeout";
  const code = errorCode(err);
  let msg = err instanceof Error ? err.message : String(err);
  // undici says "fetch failed"; the reason is in the cause.
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : "";
  if (cause && !msg.includes(cause)) msg = `${msg}: ${cause}`;
  return code && !msg.includes(code) ? `${msg} (${code})` : msg;
}

/** Lenient reading of an error body into `errors[]`. */
export function readErrorBody(text: string): { errors: CxoneFieldError[]; oauthError?: string; oauthDescription?: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { errors: [] };
  }
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return { errors: [] };
  const errors: CxoneFieldError[] = [];
  for (const e of parsed.data.errors ?? []) {
    const fe = fieldErrorSchema.safeParse(e);
    if (fe.success) errors.push({ field: fe.data.field, code: fe.data.code, message: fe.data.message });
  }
  return { errors, oauthError: parsed.data.error, oauthDescription: parsed.data.error_description };
}

export function summarizeErrors(errors: CxoneFieldError[], max = 3): string {
  const parts = errors.slice(0, max).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
  if (errors.length > max) parts.push(`and ${errors.length - max} more`);
  return parts.join("; ");
}

export function snippet(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > 160 ? `${clean.slice(0, 160)}…` : clean;
}
