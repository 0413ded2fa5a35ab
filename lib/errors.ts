/**
 * The error model: a known failure carries a code and a message a planner can act on;
 * anything else is logged with a request id and shown as a generic failure.
 */
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "SITE_FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "ALREADY_DECIDED"
  | "STALE_VERSION"
  | "PRECONDITION_REQUIRED"
  | "RATE_LIMITED"
  | "IDEMPOTENCY_KEY_REUSED"
  | "CROSS_SITE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "TOO_LARGE"
  | "UPSTREAM"
  | "INTERNAL";

const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SITE_FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  ALREADY_DECIDED: 409,
  STALE_VERSION: 409,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  IDEMPOTENCY_KEY_REUSED: 422,
  CROSS_SITE: 403,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_LARGE: 413,
  UPSTREAM: 502,
  INTERNAL: 500,
};

const DEFAULT_MESSAGE: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "Please sign in.",
  FORBIDDEN: "Your role is not allowed to do this.",
  SITE_FORBIDDEN: "This belongs to a site outside your scope.",
  NOT_FOUND: "Not found.",
  VALIDATION: "Some input is not valid.",
  CONFLICT: "This conflicts with what is stored.",
  ALREADY_DECIDED: "Already decided by someone else.",
  STALE_VERSION: "This changed since you loaded it; reload and try again.",
  PRECONDITION_REQUIRED: "Say which version you are changing (If-Match).",
  RATE_LIMITED: "Too many requests; try again shortly.",
  IDEMPOTENCY_KEY_REUSED: "This Idempotency-Key was already used for a different request; use a new key for a new request.",
  CROSS_SITE: "This request did not come from this dashboard's own pages, so it was refused.",
  UNSUPPORTED_MEDIA_TYPE: "The request body is not of a type this endpoint accepts.",
  TOO_LARGE: "Too large.",
  UPSTREAM: "The external system did not answer as expected.",
  INTERNAL: "Something went wrong.",
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, userMessage?: string, details?: Record<string, unknown>) {
    super(userMessage ?? DEFAULT_MESSAGE[code]);
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage ?? DEFAULT_MESSAGE[code];
    this.details = details;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** What reaches a browser or an API client: never a stack, never an internal message. */
export interface PublicError {
  code: AppErrorCode;
  message: string;
  requestId: string;
  details?: Record<string, unknown>;
}

export function toPublicError(e: unknown, requestId: string): PublicError {
  if (isAppError(e)) return { code: e.code, message: e.userMessage, requestId, details: e.details };
  return { code: "INTERNAL", message: `Something went wrong (request ${requestId}).`, requestId };
}
