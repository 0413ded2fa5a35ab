import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { sessionStillValid } from "./options";
import type { CurrentUser } from "./checks";
import { mayOpen, ROLES, type Role } from "./roles";
import { sessionFromCookies } from "./session-token";

export type { CurrentUser };

/**
 * The one place the session is read. Returns null when nobody is signed in. Once per
 * request render (React `cache`): the layout and the page both ask.
 *
 * It reads the cookie itself (named and joined as next-auth does) instead of through
 * next-auth's `getServerSession`, which runs next-auth's whole request handler for every
 * page and cookie-authenticated API call (options, a CSRF token, decrypting the cookie,
 * then encrypting a refreshed one that a server render cannot even set): ~3 ms of a
 * /coverage request's server CPU on a 2-core test machine. Here the
 * cookie is decrypted once per distinct value (`readSessionCookie`), and the same checks
 * decide: the token's expiry, then its session version (`sessionStillValid`, as the jwt
 * callback), then the role.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await sessionFromCookies((await cookies()).getAll());
  if (!token?.sub || !(await sessionStillValid(token))) return null;
  const role = token.role as Role | undefined;
  if (!role || !ROLES.includes(role)) return null;
  const email = typeof token.email === "string" ? token.email : "";
  const name = typeof token.name === "string" ? token.name : email;
  return { id: token.sub, email, name, role, siteIds: Array.isArray(token.siteIds) ? (token.siteIds as string[]) : [] };
});

/** For pages: sends the anonymous to sign-in and the wrong role to "not allowed". */
export async function requirePageUser(href: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(href)}`);
  if (!mayOpen(user.role, href)) redirect(`/not-allowed?from=${encodeURIComponent(href)}`);
  return user;
}
