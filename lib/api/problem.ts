import "server-only";
import { type AppErrorCode, isAppError, toPublicError } from "../errors";
import { logger } from "../logger";

/**
 * The one error shape of the API (RFC 9457 `application/problem+json`): what a client
 * branches on is `code` (the same codes the dashboard's actions answer), what a person
 * reads is `detail`, and `errors[]` names each field or row that is wrong.
 */
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export interface ProblemFieldError {
  /** Dotted path of the field ("preferences.0.rank"), or the CSV column. */
  field?: string;
  /** 1-based row of a file, or the index of an item in a list. */
  row?: number;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: AppErrorCode;
  requestId: string;
  errors: ProblemFieldError[];
  /** A stale write (409): the record as it is now, so a client can show it and retry. */
  current?: unknown;
  /** A file that could not be read: why, as a stable code (READ_TIMEOUT, CELL_TOO_LONG…). */
  fileErrorCode?: string;
}

const TITLES: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "Not authenticated",
  FORBIDDEN: "Not allowed for this role",
  SITE_FORBIDDEN: "Outside your sites",
  NOT_FOUND: "Not found",
  VALIDATION: "Invalid request",
  CONFLICT: "Conflict",
  ALREADY_DECIDED: "Already decided",
  STALE_VERSION: "Stale version",
  PRECONDITION_REQUIRED: "Precondition required",
  RATE_LIMITED: "Too many requests",
  IDEMPOTENCY_KEY_REUSED: "Idempotency key reused",
  CROSS_SITE: "Cross-site request refused",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  TOO_LARGE: "Request too large",
  UPSTREAM: "Upstream failure",
  INTERNAL: "Internal error",
};

export const problemType = (code: AppErrorCode) => `urn:shiftboard:problem:${code.toLowerCase().replace(/_/g, "-")}`;

/** The field and row errors an AppError's details carry, in the problem's one list form. */
function fieldErrors(details: Record<string, unknown> | undefined, message: string): ProblemFieldError[] {
  if (!details) return [];
  const out: ProblemFieldError[] = [];
  const push = (e: Record<string, unknown>) => {
    const field = typeof e.field === "string" && e.field ? e.field : typeof e.path === "string" && e.path ? e.path : typeof e.column === "string" && e.column ? e.column : undefined;
    const row = typeof e.row === "number" ? e.row : typeof e.index === "number" ? e.index : undefined;
    out.push({ ...(field !== undefined ? { field } : {}), ...(row !== undefined ? { row } : {}), message: typeof e.message === "string" ? e.message : message });
  };
  for (const key of ["issues", "rowErrors", "errors"]) {
    const list = details[key];
    if (Array.isArray(list)) for (const e of list.slice(0, 200)) if (e && typeof e === "object") push(e as Record<string, unknown>);
  }
  if (typeof details.field === "string") push({ field: details.field, message });
  return out;
}

export function toProblem(e: unknown, requestId: string): Problem {
  const pub = toPublicError(e, requestId);
  const status = isAppError(e) ? e.status : 500;
  return {
    type: problemType(pub.code),
    title: TITLES[pub.code],
    status,
    detail: pub.message,
    code: pub.code,
    requestId,
    errors: fieldErrors(pub.details, pub.message),
    // RFC 9457 extension members: the few details a client acts on (nothing internal).
    ...(pub.details?.current !== undefined ? { current: pub.details.current } : {}),
    ...(typeof pub.details?.fileErrorCode === "string" ? { fileErrorCode: pub.details.fileErrorCode } : {}),
  };
}

/** Answers a failure as a problem; logs what is not a known, expected refusal. */
export function problemResponse(e: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  if (!isAppError(e) || e.code === "INTERNAL") logger.error({ err: e, requestId }, "route failed");
  const problem = toProblem(e, requestId);
  const extra: Record<string, string> = { ...headers };
  if (problem.code === "UNAUTHENTICATED") extra["WWW-Authenticate"] = 'Bearer realm="shiftboard"';
  if (isAppError(e) && typeof e.details?.retryAfterSeconds === "number") extra["Retry-After"] = String(e.details.retryAfterSeconds);
  return new Response(JSON.stringify(problem), { status: problem.status, headers: { "content-type": PROBLEM_CONTENT_TYPE, "x-request-id": requestId, ...extra } });
}
