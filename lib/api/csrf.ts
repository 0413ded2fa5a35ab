import { AppError } from "../errors";

/**
 * Cross-site request forgery guard for route handlers, kept apart from body reading
 * and role checks. A browser attaches the session cookie to requests from any page of
 * the same *site* (a sibling port, a subdomain), so a cookie alone proves nothing
 * about who composed a write. Every cookie-authenticated write must therefore:
 *
 * 1. come from our own origin: the `Origin` header equals the request's origin (or
 *    the configured public URL's), or, when a browser sent no `Origin`,
 *    `Sec-Fetch-Site: same-origin`. A request with neither is refused: browsers always
 *    send one of them on a POST, and scripts authenticate with a bearer token.
 * 2. carry the content type the route reads: `application/json` for JSON input, a
 *    file type (`text/csv`, `multipart/form-data`) for uploads. `text/plain` — what
 *    a cross-site `<form>` can send without a preflight — is never accepted.
 *
 * Requests with `Authorization: Bearer …` are exempt from (1): a browser never adds
 * that header on its own, so it cannot be forged cross-site. The bearer-token
 * authentication itself belongs to the API tokens; `isBearerRequest` is the seam.
 */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const JSON_BODY = ["application/json"] as const;
export const FILE_BODY = ["text/csv", "multipart/form-data"] as const;

export function isBearerRequest(request: Request): boolean {
  return /^Bearer\s+\S/i.test(request.headers.get("authorization") ?? "");
}

export interface CsrfOptions {
  /** Media types the route reads from the body. */
  accepts: readonly string[];
  /** Further origins that are ours (the public URL when behind a proxy). */
  trustedOrigins?: readonly string[];
}

/** Throws CROSS_SITE (403) or UNSUPPORTED_MEDIA_TYPE (415); returns for safe methods and allowed writes. */
export function assertSameOriginWrite(request: Request, options: CsrfOptions): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (!isBearerRequest(request)) assertSameOrigin(request, options.trustedOrigins ?? []);
  assertContentType(request, options.accepts);
}

function assertSameOrigin(request: Request, trustedOrigins: readonly string[]): void {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const ours = new Set([new URL(request.url).origin, ...trustedOrigins.map(originOf).filter((o): o is string => !!o)]);
    if (origin !== "null" && ours.has(origin)) return;
    throw new AppError("CROSS_SITE");
  }
  if (request.headers.get("sec-fetch-site") === "same-origin") return;
  throw new AppError("CROSS_SITE");
}

function assertContentType(request: Request, accepts: readonly string[]): void {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (accepts.includes(mediaType)) return;
  throw new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `Send the body as ${accepts.join(" or ")}${mediaType ? `, not ${mediaType}` : ""}.`,
  );
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
