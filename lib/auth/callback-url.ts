/**
 * Where to send the browser after sign-in. The callback comes from the address bar, so
 * it is resolved the way the browser will resolve it — against an origin, with the
 * WHATWG URL parser that turns `/\evil.example` into `//evil.example` — and kept only
 * when it stays on that origin. String prefix checks (`startsWith("/")`) miss exactly
 * those browser rewrites.
 *
 * @example safeCallbackPath("/coverage?x=1") === "/coverage?x=1"
 * @example safeCallbackPath("/%5Cevil.example/phish") === "/%5Cevil.example/phish" // a path on our site
 * @example safeCallbackPath("/\\evil.example/phish") === "/"
 */
const PLACEHOLDER_ORIGIN = "http://shiftboard.invalid";

export function safeCallbackPath(raw: string | null | undefined, origin = PLACEHOLDER_ORIGIN, fallback = "/"): string {
  const path = sameOriginPath(raw, origin);
  // Never bounce back to the sign-in page itself.
  return path === null || path === "/login" || path.startsWith("/login?") ? fallback : path;
}

/** For next-auth's redirect callback: an absolute URL on our own origin, or the origin itself. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  return new URL(sameOriginPath(url, origin) ?? "/", origin).toString();
}

function sameOriginPath(raw: string | null | undefined, origin: string): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
