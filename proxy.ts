import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, newNonce, servedOverHttps, STATIC_SECURITY_HEADERS } from "@/lib/api/security-headers";
import { sessionFromCookies } from "@/lib/auth/session-token";

// Pages anyone may open; the rest send a browser without a session to sign-in.
const PUBLIC_PAGES = ["/login", "/not-allowed"];

/**
 * Every page: a Content-Security-Policy with a per-request nonce (Next applies it to its
 * own scripts) and the other security headers. Then, for convenience only, a browser
 * without a session is sent to sign-in before anything renders; every page, action and
 * route handler still checks the session itself.
 */
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = servedOverHttps(request.nextUrl, request.headers);
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });

  const path = request.nextUrl.pathname;
  const isPublic = PUBLIC_PAGES.some((p) => path === p || path.startsWith(`${p}/`));
  let response: NextResponse;
  if (isPublic || (await hasSession(request))) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    response = NextResponse.redirect(url);
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

/**
 * A session cookie that decrypts and has not expired (the pages check the rest). Read
 * like `getCurrentUser` reads it, through the same decrypted-cookie cache: next-auth's
 * `getToken` decrypted it again on every page view.
 */
async function hasSession(request: NextRequest): Promise<boolean> {
  return (await sessionFromCookies(request.cookies.getAll())) !== null;
}

export const config = {
  // Pages only: route handlers and static files get their headers from next.config.ts.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|css|js|map|txt|woff2?)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
