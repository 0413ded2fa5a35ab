import "server-only";
/**
 * Typed failures of the CXone client. Every message is written for a planner: what
 * was refused, why, and what to do. The raw facts (HTTP status, the server's code,
 * its field-level `errors[]`, the request path) ride along for logs and for the UI.
 */
import type { CxoneScope } from "./config";

/** One entry of the server's `errors[]`. */
export interface CxoneFieldError {
  field?: string;
  code: string;
  message: string;
}

export interface CxoneErrorInit {
  status?: number;
  code?: string;
  errors?: CxoneFieldError[];
  method?: string;
  path?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class CxoneError extends Error {
  /** HTTP status of the answer that failed, when there was one. */
  readonly status?: number;
  /** A stable code: the server's first error code, or ours (RATE_LIMITED, TIMEOUT, ...). */
  readonly code: string;
  /** The server's field-level errors, verbatim. */
  readonly errors: CxoneFieldError[];
  readonly method?: string;
  /** The request path (no host, no query), e.g. /api/v1/wfm/schedule/coverage. */
  readonly path?: string;
  readonly details?: Record<string, unknown>;

  constructor(message: string, init: CxoneErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code ?? init.errors?.[0]?.code ?? "CXONE_ERROR";
    this.errors = init.errors ?? [];
    this.method = init.method;
    this.path = init.path;
    this.details = init.details;
  }
}

/** Bad client configuration (region, URL, credentials missing). */
export class CxoneConfigError extends CxoneError {}

/** The token endpoint refused the credentials, or a fresh token was refused too. */
export class CxoneAuthError extends CxoneError {}

/**
 * 403: the API client lacks the scope the endpoint needs (seed contract), or the API user's
 * CXone role lacks the permission (platform). `scope` holds whichever is missing.
 */
export class CxonePermissionError extends CxoneError {
  readonly scope: CxoneScope | string;
  constructor(message: string, scope: CxoneScope | string, init: CxoneErrorInit = {}) {
    super(message, { code: isScope(scope) ? "MISSING_SCOPE" : "MISSING_PERMISSION", ...init });
    this.scope = scope;
  }
}

function isScope(s: string): s is CxoneScope {
  return s.startsWith("wfm:");
}

/** 429 on every try, or a Retry-After longer than we are willing to wait. */
export class CxoneRateLimitError extends CxoneError {
  readonly attempts: number;
  constructor(message: string, attempts: number, init: CxoneErrorInit = {}) {
    super(message, { code: "RATE_LIMITED", ...init });
    this.attempts = attempts;
  }
}

/**
 * A write that is not safe to repeat failed after it may have reached CXone (5xx,
 * connection cut, timeout). It was not retried: repeating it could apply it twice.
 */
export class CxoneAmbiguousWriteError extends CxoneError {}

/** 5xx or network failure that persisted through every retry of a safe request. */
export class CxoneServerError extends CxoneError {}

/** A request timed out on every try, or a poll loop reached its deadline. */
export class CxoneTimeoutError extends CxoneError {
  readonly jobId?: string;
  constructor(message: string, init: CxoneErrorInit & { jobId?: string } = {}) {
    super(message, { code: "TIMEOUT", ...init });
    this.jobId = init.jobId;
  }
}

/** 4xx other than 401/403/404/429: the request itself was refused (validation, conflict). */
export class CxoneRequestError extends CxoneError {}

/** 404. */
export class CxoneNotFoundError extends CxoneError {}

/** A 2xx answer whose body is not what the contract says (bad JSON, a field of the wrong type). */
export class CxoneResponseError extends CxoneError {
  /** Dotted path of the first offending field, e.g. items[0].requiredHours; "" for the body itself. */
  readonly fieldPath: string;
  constructor(message: string, fieldPath: string, init: CxoneErrorInit = {}) {
    super(message, { code: "MALFORMED_RESPONSE", ...init });
    this.fieldPath = fieldPath;
  }
}

/** Pagination stopped: a page token came back twice, or the page cap was reached. */
export class CxonePaginationError extends CxoneError {}

/** The optimization job finished with status FAILED. */
export class CxoneJobFailedError extends CxoneError {
  readonly jobId: string;
  constructor(message: string, jobId: string, init: CxoneErrorInit = {}) {
    super(message, { code: "JOB_FAILED", ...init });
    this.jobId = jobId;
  }
}

export function isCxoneError(e: unknown): e is CxoneError {
  return e instanceof CxoneError;
}
