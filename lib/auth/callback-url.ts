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
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Never bounce back to the sign-in page itself.
  return url.pathname === "/login" ? fallback : path;
}

/** For next-auth's redirect callback: an absolute URL on our own origin, or the origin itself. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const path = safeCallbackPath(url, base.origin, "/");
  return new URL(path, base.origin).toString();
}
