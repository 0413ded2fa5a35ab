/**
 * The browser-side defences every page carries. Pages get a Content-Security-Policy
 * with a fresh nonce per request (Next reads it from the request's CSP header and puts
 * it on its own scripts), so an injected <script> does not run; nothing may frame us
 * (clickjacking); responses are not sniffed into another type; other sites see only our
 * origin as referrer; and over https the browser is told to stay on https.
 *
 * Styles allow 'unsafe-inline': recharts and React set inline style attributes, which a
 * nonce cannot cover (and a nonce in style-src would switch 'unsafe-inline' off).
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The CSV preview runs in a Web Worker from our own bundle.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For JSON and files from route handlers: nothing to run, nothing to frame. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The API reference page (/api/docs) only: Scalar's single-file bundle, served from our own
 * origin (/api/docs/scalar.js), and its inline start-up script carrying this request's
 * nonce; the styles it injects at run time ('unsafe-inline', as for the pages); fetches to
 * our own origin only (the OpenAPI document, and "try it" calls to this API). No CDN, no
 * fonts from elsewhere, nothing that can frame it.
 */
export function apiDocsContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

export const HSTS = "max-age=31536000; includeSubDomains";

/** A nonce of 128 random bits, base64, from the Web Crypto the proxy runtime has. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Behind a proxy that terminates TLS, the original scheme comes in X-Forwarded-Proto. */
export function servedOverHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : url.protocol === "https:";
}
