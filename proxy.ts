import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

/**
 * Convenience only: sends a browser without a session to sign-in before it renders
 * anything. Every page, action and route handler still checks the session itself.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: API routes answer 401 themselves; static files and sign-in pass.
  matcher: ["/((?!api/|_next/|login|not-allowed|favicon.ico|.*\\.(?:svg|png|ico|css|js|map)$).*)"],
};
