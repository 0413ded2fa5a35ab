import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { env } from "../env";
import { sessionStillValid } from "./options";
import type { CurrentUser } from "./checks";
import { mayOpen, ROLES, type Role } from "./roles";
import { readSessionCookie } from "./session-token";

export type { CurrentUser };

/**
 * next-auth's session cookie name (`next-auth/jwt`'s `getToken`, which the proxy uses, picks
 * it the same way): the `__Secure-` one when the site is served over https.
 */
function sessionCookieName(): string {
  return env().NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * The one place the session is read. Returns null when nobody is signed in. Once per
 * request render (React `cache`): the layout and the page both ask.
 *
 * It reads the cookie itself instead of through next-auth's `getServerSession`: that runs
 * next-auth's whole request handler for every page and cookie-authenticated API call
 * (options, a CSRF token, decrypting the cookie, then encrypting a refreshed one that a
 * server render cannot even set), about 1 ms of server time a request under load. Here the
 * cookie is decrypted once per distinct value (`readSessionCookie`), and the same checks
 * decide: the token's expiry, then its session version (`sessionStillValid`, as the jwt
 * callback), then the role.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const name = sessionCookieName();
  // next-auth splits a cookie over 4 KB into name.0, name.1, ...: joined in order.
  const parts = (await cookies())
    .getAll()
    .filter((c) => c.name.startsWith(name))
    .sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name));
  if (parts.length === 0) return null;
  const token = await readSessionCookie(
    parts.map((c) => c.value).join(""),
    env().NEXTAUTH_SECRET,
  );
  if (!token?.sub || !(await sessionStillValid(token))) return null;
  const role = token.role as Role | undefined;
  if (!role || !ROLES.includes(role)) return null;
  const email = typeof token.email === "string" ? token.email : "";
  const name_ = typeof token.name === "string" ? token.name : null;
  return { id: token.sub, email, name: name_ ?? (email || ""), role, siteIds: Array.isArray(token.siteIds) ? (token.siteIds as string[]) : [] };
});

function chunkIndex(cookieName: string): number {
  return Number.parseInt(cookieName.split(".").pop() ?? "", 10) || 0;
}

/** For pages: sends the anonymous to sign-in and the wrong role to "not allowed". */
export async function requirePageUser(href: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(href)}`);
  if (!mayOpen(user.role, href)) redirect(`/not-allowed?from=${encodeURIComponent(href)}`);
  return user;
}
