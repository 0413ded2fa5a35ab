/**
 * The browser's one way to call our API and read its failures. Route handlers answer
 * `application/problem+json` `{code, detail, requestId, errors[]}` (lib/api/problem.ts);
 * the older `{error: {code, message, requestId}}` is still read. Server actions answer a
 * next-safe-action result with `serverError` (the same public error) or `validationErrors`.
 * Both become one line a person can read, and a known code the component can branch on.
 */
import type { AppErrorCode, PublicError } from "../errors";

export class ApiError extends Error {
  readonly status: number;
  readonly code: AppErrorCode | null;
  readonly requestId: string | null;

  constructor(message: string, status: number, code: AppErrorCode | null = null, requestId: string | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

function publicErrorOf(body: unknown): Partial<PublicError> | null {
  if (!body || typeof body !== "object") return null;
  const problem = body as { code?: unknown; detail?: unknown; requestId?: unknown; error?: unknown };
  if (typeof problem.code === "string" && typeof problem.detail === "string") {
    return { code: problem.code as AppErrorCode, message: problem.detail, requestId: typeof problem.requestId === "string" ? problem.requestId : undefined };
  }
  const error = problem.error;
  return error && typeof error === "object" ? (error as Partial<PublicError>) : null;
}

/**
 * The error a failed response carries; when the body is not our error shape (a proxy's HTML
 * page, an empty body), says what status came back.
 * apiError(403, {code: "FORBIDDEN", detail: "Your role…", …}).message → "Your role…"
 * apiError(502, null).message → "The server answered 502."
 */
export function apiError(status: number, body: unknown): ApiError {
  const e = publicErrorOf(body);
  const message = typeof e?.message === "string" && e.message ? e.message : `The server answered ${status}.`;
  return new ApiError(message, status, (e?.code as AppErrorCode | undefined) ?? null, e?.requestId ?? null);
}

async function readBody(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

/** GETs (or sends `init`) and returns the parsed JSON, or throws an ApiError naming what failed. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { cache: "no-store", ...init });
  const body = await readBody(res);
  if (!res.ok) throw apiError(res.status, body);
  return body as T;
}

/** Sends a file as CSV to an import route, for the uploads that need no progress bar. */
export function postCsv<T>(url: string, file: Blob): Promise<T> {
  return fetchJson<T>(url, { method: "POST", headers: { "content-type": "text/csv" }, body: file });
}

export interface ActionResultLike<D> {
  data?: D;
  serverError?: { message: string; code?: AppErrorCode; requestId?: string };
  validationErrors?: unknown;
}

/** Turns a next-safe-action result into one line a person can read, or null when it succeeded. */
export function actionErrorText(result: ActionResultLike<unknown> | undefined): string | null {
  if (!result) return "No answer from the server.";
  if (result.serverError) return result.serverError.message;
  if (result.validationErrors) {
    const v = result.validationErrors as { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };
    const lines = [...(v.formErrors ?? []), ...Object.entries(v.fieldErrors ?? {}).flatMap(([k, msgs]) => (msgs ?? []).map((m) => `${k}: ${m}`))];
    return lines.join(" ") || "Some input is not valid.";
  }
  return null;
}

/** The data of a successful action, or an ApiError with the action's message (for mutations). */
export function actionData<D>(result: ActionResultLike<D> | undefined): D {
  const text = actionErrorText(result);
  if (text !== null) throw new ApiError(text, 0, result?.serverError?.code ?? (result?.validationErrors ? "VALIDATION" : null), result?.serverError?.requestId ?? null);
  return result!.data as D;
}
