import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";
import type { CurrentUser } from "./checks";
import { mayOpen, ROLES } from "./roles";

export type { CurrentUser };

/**
 * The one place the session is read. Returns null when nobody is signed in. Once per
 * request render (React `cache`): the layout and the page both ask, and each read decrypts
 * the session cookie and encrypts it again (two key derivations), which under load was a
 * visible share of a page's server time.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const u = session?.user;
  if (!u?.id || !u.role || !ROLES.includes(u.role)) return null;
  return { id: u.id, email: u.email ?? "", name: u.name ?? u.email ?? "", role: u.role, siteIds: u.siteIds ?? [] };
});

/** For pages: sends the anonymous to sign-in and the wrong role to "not allowed". */
export async function requirePageUser(href: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(href)}`);
  if (!mayOpen(user.role, href)) redirect(`/not-allowed?from=${encodeURIComponent(href)}`);
  return user;
}
